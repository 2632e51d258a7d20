"""The whole pipeline: read -> segment -> classify -> measure -> rules. Renderers take the Result."""

from __future__ import annotations

from pathlib import Path

from legacy_checker.classify import classify, classify_many
from legacy_checker.measure import measure
from legacy_checker.model_store import load_classifier
from legacy_checker.profile import Profile, load_profile
from legacy_checker.read import read_document
from legacy_checker.rules import apply_rules, verdict
from legacy_checker.segment import segment
from legacy_checker.structures import Document, Labeled, Result


class Checker:
    """Holds the loaded classifier and profile; checks one report at a time."""

    def __init__(self, profile: Profile | str | None = None, classifier=None):
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        self.classifier = classifier if classifier is not None else load_classifier()

    def check_path(self, path: str | Path) -> Result:
        return self.check_document(read_document(path))

    def check_document(self, document: Document) -> Result:
        return self.judge(classify(segment(document), self.classifier))

    def check_documents(self, documents: list[Document]) -> list[Result]:
        """Several reports at once (the classifier runs once over all their sentences: faster per report)."""
        return [self.judge(labeled) for labeled in classify_many([segment(d) for d in documents], self.classifier)]

    def judge(self, labeled: Labeled) -> Result:
        """measure + rules; also used after a person corrects labels."""
        figures = measure(labeled, self.profile)
        flags = apply_rules(labeled, figures, self.profile)
        result, fix_first = verdict(flags, self.profile)
        return Result(file=labeled.segmented.document.path, labeled=labeled, figures=figures, flags=flags,
                      verdict=result, fix_first=fix_first, profile=self.profile.name)
