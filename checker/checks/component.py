"""The shuzhi_rules component: flags, verdict and what to fix first (Doc._.flags, _.verdict, _.fix_first)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from checker.checks.engine import Context, VerdictConfig, apply_rules, verdict


class RuleRunner:
    """Runs the profile's rules; `rules`, `context`, `verdict_config`, `names`, `profile` are set by the Checker."""

    def __init__(self):
        self.rules: dict = {}
        self.context: Context | None = None
        self.verdict_config: VerdictConfig | None = None
        self.names: dict[str, str] = {}
        self.profile = ""

    def __call__(self, doc: Doc) -> Doc:
        doc._.flags = apply_rules(doc, self.rules, self.context)
        doc._.verdict, doc._.fix_first = verdict(doc._.flags, self.verdict_config, self.names)
        doc._.profile = self.profile
        return doc


@Language.factory("shuzhi_rules", assigns=["doc._.flags", "doc._.verdict", "doc._.fix_first"],
                  requires=["doc._.figures", "span._.signals"])
def make_rules(nlp: Language, name: str) -> RuleRunner:
    return RuleRunner()
