"""ReportSummary: what the cohort, the workbook and the page need of one checked report (small, picklable).

Workers return summaries, the batch journal stores them (as JSON, the only place they are serialised), and the
cohort checks add their flags to them, re-judging the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from spacy.tokens import Doc

from checker.checks.engine import SEVERITY_ORDER, Evidence, Flag, Severity, Verdict, VerdictConfig, verdict
from checker.cohort.config import COHORT_CODES
from checker.cohort.fingerprint import Fingerprint, normalize, organization_key
from checker.doc import paragraphs, sentences, span_values, text_of

UNREADABLE = "无法检查"

class Checked:
    """A row that was checked: it has no error (why it could not be)."""

    __slots__ = ()

    @property
    def checked(self) -> bool:
        return not self.error


@dataclass
class ReportSummary(Checked):
    file: str
    title: str = ""
    author: str = ""
    chars: int = 0
    shares: dict[str, float] = field(default_factory=dict)
    body_shares: dict[str, float] = field(default_factory=dict)
    flags: list[Flag] = field(default_factory=list)
    verdict: Verdict | None = None
    fix_first: list[str] = field(default_factory=list)
    profile: str = ""
    kind: str = "current"  # current | previous (last year's reports, for REPEATED_PROBLEMS)
    error: str = ""  # why the file could not be checked
    fingerprint: Fingerprint | None = None

    @classmethod
    def of(cls, doc: Doc, file: str | None = None, kind: str = "current") -> "ReportSummary":
        source, figures = doc._.source, doc._.figures
        roles, spans = span_values(paragraphs(doc), "role"), sentences(doc)
        kept = [[paragraph, chars, label, normalize(text_of(s))] for s, (paragraph, chars, label)
                in zip(spans, span_values(spans, "paragraph", "chars", "label"))
                if roles[paragraph][0] == "body" and label != "other"]
        name = file or source.path
        return cls(file=name, title=source.title, author=source.author, chars=figures.chars,
                   shares=_rounded(figures.shares), body_shares=_rounded(figures.body_shares), flags=list(doc._.flags),
                   verdict=doc._.verdict, fix_first=list(doc._.fix_first), profile=doc._.profile, kind=kind,
                   fingerprint=Fingerprint(organization_key(source.author, source.title, name), kept))

    @classmethod
    def unreadable(cls, file: str, reason: str, kind: str = "current") -> "ReportSummary":
        return cls(file=file, error=reason, kind=kind)

    @property
    def verdict_text(self) -> str:
        return self.verdict.value if self.verdict else UNREADABLE

    def with_cohort_flags(self, flags: list[Flag], config: VerdictConfig, names: dict[str, str]) -> "ReportSummary":
        """A copy with its cohort flags replaced and the verdict re-judged."""
        if self.error:
            return self
        merged = sorted([f for f in self.flags if f.code not in COHORT_CODES] + flags,
                        key=lambda f: SEVERITY_ORDER[f.severity])
        judged, fix_first = verdict(merged, config, names)
        return replace(self, flags=merged, verdict=judged, fix_first=fix_first)

    def to_dict(self) -> dict:
        """Plain data for JSON (the journal), as dataclasses.asdict gives it but without copying the lists,
        which it would do for every sentence of the fingerprint."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["verdict"] = self.verdict.value if self.verdict else None
        data["flags"] = [{**vars(f), "severity": f.severity.value, "evidence": [vars(e) for e in f.evidence]}
                         for f in self.flags]
        data["fingerprint"] = dict(vars(self.fingerprint)) if self.fingerprint else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "ReportSummary":
        flags = [Flag(**{**f, "severity": Severity(f["severity"]), "evidence": [Evidence(**e) for e in f.get("evidence", [])]})
                 for f in data.get("flags", [])]
        fingerprint = Fingerprint(**data["fingerprint"]) if data.get("fingerprint") else None
        return cls(**{**data, "flags": flags, "verdict": Verdict(data["verdict"]) if data.get("verdict") else None,
                      "fingerprint": fingerprint})


def _rounded(shares: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in shares.items()}
