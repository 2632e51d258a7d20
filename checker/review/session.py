"""A review session: uploaded reports checked once, then corrected sentence by sentence by a person.

The Streamlit page (app.py) is a shell over this module and checker/render/page.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from checker.errors import InputError
from checker.limits import FileTimeout, deadline
from checker.pipeline import Checker
from checker.read import legacy, read_bytes
from checker.review.corrections import CorrectionStore, correction_for, report_id_of, sentence_key
from checker.summary import ReportSummary

UPLOAD_TYPES = ("docx", "txt", "md")
LEGACY_TYPES = ("doc", "wps")  # converted by LibreOffice when it is installed, else refused in Chinese


def upload_types() -> tuple[str, ...]:
    """The formats this machine reads."""
    return UPLOAD_TYPES + (LEGACY_TYPES if legacy.soffice() else ())


def merge_duplicates(files: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """The files with the same bytes kept once (the first name), and (dropped name, kept name) pairs."""
    kept: dict[str, tuple[str, bytes]] = {}
    dropped = []
    for name, data in files:
        digest = hashlib.sha1(data).hexdigest()
        if digest in kept:
            dropped.append((name, kept[digest][0]))
        else:
            kept[digest] = (name, data)
    return list(kept.values()), dropped


@dataclass
class Review:
    """One readable report: as the classifier labelled it (base) and after a person's corrections."""

    name: str
    source: bytes
    base: Doc
    corrections: dict[int, str] = field(default_factory=dict)
    doc: Doc | None = None

    def __post_init__(self):
        self.doc = self.doc or self.base

    @property
    def summary(self) -> ReportSummary:
        return ReportSummary.of(self.doc, self.name)

    def annotated_docx(self, summary: ReportSummary | None = None) -> bytes:
        """The current result as .docx with comments; an uploaded .docx keeps its own formatting."""
        from checker.render.docx_out import annotated_docx

        source = self.source if Path(self.name).suffix.lower() == ".docx" else None
        return annotated_docx(self.doc, summary or self.summary, source)

    def apply(self, checker: Checker, corrections: dict[int, str]) -> Doc:
        self.corrections.update(corrections)
        self.doc = checker.relabel(self.base, self.corrections)
        return self.doc


@dataclass
class Unreadable:
    name: str
    reason: str


def check_upload(checker: Checker, name: str, data: bytes) -> Doc:
    """Check the bytes of an uploaded file within the time limit; errors and the result carry the upload's name."""
    try:
        with deadline(checker.limits.seconds):
            return checker.check_document(read_bytes(name, data, checker.limits))
    except FileTimeout:
        raise InputError(name, f"处理超时（超过 {checker.limits.seconds:g} 秒），文件可能过于复杂") from None


class ReviewSession:
    """The reports a reviewer has opened (each checked once) and the corrections they make."""

    def __init__(self, checker: Checker, store: CorrectionStore | None = None):
        self.checker = checker
        self.store = store
        self._opened: dict[tuple[str, str], Review | Unreadable] = {}

    def open(self, name: str, data: bytes) -> Review | Unreadable:
        key = (name, hashlib.sha1(data).hexdigest())
        if key not in self._opened:
            self._opened[key] = self._check(name, data)
        return self._opened[key]

    def _check(self, name: str, data: bytes) -> Review | Unreadable:
        try:
            review = Review(name, data, check_upload(self.checker, name, data))
        except InputError as exc:
            return Unreadable(name, exc.reason)
        saved = self._saved_labels(review)
        if saved:
            review.apply(self.checker, saved)
        return review

    def _saved_labels(self, review: Review) -> dict[int, str]:
        """Corrections stored earlier for this report, matched by paragraph, position and text."""
        if self.store is None:
            return {}
        saved = {c.key: c.label for c in self.store.corrections(report_id_of(review.name))}
        count = sum(1 for _ in review.base.sents)
        return {i: saved[key] for i in range(count) if (key := sentence_key(review.base, i)) in saved}

    def correct(self, review: Review, index: int, label: str) -> Doc:
        """Set one sentence's label, re-judge the report and keep the correction in the store."""
        doc = review.apply(self.checker, {index: label})
        if self.store is not None:
            self.store.save(correction_for(doc, index, label, predicted=review.base))
        return doc
