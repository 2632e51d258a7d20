"""The whole pipeline: read -> segment -> classify -> measure -> checks, one spaCy Doc per report.

    Checker(profile).check_path("report.docx")   -> Doc with ._.figures, ._.flags, ._.verdict, ._.fix_first
    Checker(profile, year=2024)                  -> the reports are about 2024 (else read from each report)
    Checker(profile).check_documents([...])      -> Docs, classified in batches (nlp.pipe)

The components (checker.segment, .classify, .measure, .checks) are registered spaCy factories; the Checker
builds spacy.blank("zh") with them and hands each its part of the profile and the classifier.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc

import checker.checks  # noqa: F401  (registers shuzhi_rules)
import checker.classify  # noqa: F401  (registers shuzhi_classifier)
import checker.measure  # noqa: F401  (registers shuzhi_signals, shuzhi_figures)
from checker.errors import InputError, ModelError
from checker.limits import FileTimeout, Limits, deadline
from checker.profile import Profile, load_profile
from checker.read import Document, read_document
from checker.segment import make_doc

log = logging.getLogger("shuzhi")
PIPES = ("shuzhi_sections", "shuzhi_tagger", "shuzhi_classifier", "shuzhi_signals", "shuzhi_figures", "shuzhi_rules")
JUDGE = ("shuzhi_signals", "shuzhi_figures", "shuzhi_rules")  # what runs again after a person corrects labels


class Checker:
    """Holds the pipeline for one profile and one classifier (the shipped model, loaded on first use)."""

    def __init__(self, profile: Profile | str | None = None, classifier=None, limits: Limits = Limits(),
                 year: int | None = None):
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        self.limits = limits
        self.year = year
        self.nlp = spacy.blank("zh")
        getters = self.nlp.vocab.lex_attr_getters  # a new word's lexeme: only what the pipeline reads of it
        self.nlp.vocab.lex_attr_getters = {IS_SPACE: getters[IS_SPACE]}
        for name in PIPES:
            self.nlp.add_pipe(name)
        classify = self.nlp.get_pipe("shuzhi_classifier")
        classify.model, classify.load = classifier, _shipped_model
        context = self.profile.context()
        self.nlp.get_pipe("shuzhi_signals").lexicons = context.lexicons
        self.nlp.get_pipe("shuzhi_figures").topics = self.profile.topics
        rules = self.nlp.get_pipe("shuzhi_rules")
        rules.rules, rules.context = self.profile.rules, context
        rules.verdict_config, rules.names, rules.profile = self.profile.verdict, self.profile.names(), self.profile.name

    def make(self, document: Document) -> Doc:
        return self._with_year(make_doc(document, self.nlp.vocab))

    def _with_year(self, doc: Doc) -> Doc:
        if self.year:
            doc._.year, doc._.year_source = self.year, "given"
        return doc

    def check_path(self, path: str | Path) -> Doc:
        """Read and check one file within the time limit; every failure of that file is an InputError."""
        return self._within_limits(path, lambda: self.check_document(read_document(path, self.limits)))

    def _within_limits(self, path: str | Path, work):
        try:
            with deadline(self.limits.seconds):
                return work()
        except (InputError, ModelError):
            raise
        except FileTimeout:
            raise InputError(str(path), f"处理超时（超过 {self.limits.seconds:g} 秒），文件可能过于复杂") from None
        except Exception as exc:  # a defect on one odd file: one line for the user, details with --debug
            log.debug("checking %s failed", path, exc_info=True)
            raise InputError(str(path), f"检查时出错（{type(exc).__name__}），请单独检查该文件或另存后重试") from exc

    def check_document(self, document: Document) -> Doc:
        return self.nlp(self.make(document))

    def check_documents(self, documents: Iterable[Document]) -> Iterator[Doc]:
        """Several reports, classified in batches (much faster per report than one at a time)."""
        return self.nlp.pipe(self.make(d) for d in documents)

    def judge(self, doc: Doc) -> Doc:
        """Signals, figures and flags of a Doc whose labels are set (by the classifier or a person)."""
        doc = self._with_year(doc)
        for name in JUDGE:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def relabel(self, doc: Doc, corrections: dict[int, str]) -> Doc:
        """A judged copy of the Doc with some sentence labels set by a person (confidence 1.0)."""
        copy = doc.copy()
        for index, sentence in enumerate(copy.sents):
            if index in corrections:
                sentence._.label, sentence._.confidence = corrections[index], 1.0
        return self.judge(copy)

    def segment(self, document: Document) -> Doc:
        """Made and segmented (sections, parts of speech), not yet classified."""
        doc = self.make(document)
        for name in PIPES[:2]:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def check_paths(self, paths: list[str | Path], size: int = 32) -> Iterator[Doc | InputError]:
        """Per path in order, its Doc or the InputError of a file that cannot be read or checked. The readable
        files are checked `size` at a time (check_documents), each read within the time limit; if a chunk's
        shared step fails, its files are checked one at a time so that only the odd one fails."""
        for start in range(0, len(paths), size):
            chunk = paths[start:start + size]
            read = [(p, self._attempt(p, lambda p=p: read_document(p, self.limits))) for p in chunk]
            documents = [(p, d) for p, d in read if isinstance(d, Document)]
            try:
                with deadline(self.limits.seconds * max(len(documents), 1)):
                    docs = list(self.check_documents(d for _, d in documents))
            except ModelError:
                raise
            except Exception:  # one odd document broke the shared step
                docs = [self._attempt(p, lambda d=d: self.check_document(d)) for p, d in documents]
            checked = iter(docs)
            yield from (next(checked) if isinstance(d, Document) else d for _, d in read)

    def _attempt(self, path: str | Path, work):
        try:
            return self._within_limits(path, work)
        except InputError as exc:
            return exc


def _shipped_model():
    from checker.classify.store import load_model

    return load_model()
