"""A review session: uploaded reports checked once, then corrected sentence by sentence by a person.

The Streamlit page (app.py) is a shell over this module; everything it shows is computed here or in
checker/render/.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from legacy_checker.checks.volume import ShareRule, share_rule  # noqa: F401  (the page's share rule)
from legacy_checker.classify import relabel
from legacy_checker.corpus import corpus_dir
from legacy_checker.corrections import CorrectionStore, correction_for, report_id_of, sentence_key
from legacy_checker.errors import InputError
from legacy_checker.pipeline import Checker
from legacy_checker.profile import Profile, names_of
from legacy_checker.similarity import cohort_rules
from legacy_checker.read import read_document
from legacy_checker.render.excel_out import SHARES
from legacy_checker.render.text_out import SEVERITY_NAMES
from legacy_checker.structures import LABEL_NAMES, Result

UPLOAD_TYPES = ("docx", "txt", "md")
# The browser refuses files above this with Streamlit's own (English) message; files between the reader's
# limit (checker.read.MAX_FILE_MB) and this reach the page and get the reader's Chinese "文件过大" line.
UPLOAD_CEILING_MB = 200
# Chinese names of Figures.values keys; keys not listed are shown as they are.
FIGURE_NAMES = {
    "chars": "字数",
    "achievement_share": "成绩占比",
    "body_chars": "正文字数",
    "data_points": "数据点",
    "data_sentences": "含数据的句子",
    "examples": "具体事例",
    "first_person_sentences": "第一人称句子",
    "first_person_acts": "本人履职行为",
    "collective_sentences": "集体主语句子",
    "empty_words": "套话空话",
    "empty_words_per_1000": "套话（每千字）",
    "topics_covered": "覆盖内容要点",
    "topics_total": "内容要点总数",
}


@dataclass
class Review:
    """One readable report: as the classifier labelled it (base) and after a person's corrections."""

    name: str
    source: bytes
    base: Result
    corrections: dict[int, str] = field(default_factory=dict)
    result: Result | None = None

    def __post_init__(self):
        self.result = self.result or self.base

    def annotated_docx(self) -> bytes:
        """The current result as .docx with comments; an uploaded .docx keeps its own formatting."""
        from legacy_checker.render.docx_out import annotated_docx

        return annotated_docx(self.result, self.source if Path(self.name).suffix.lower() == ".docx" else None)

    def apply(self, checker: Checker, corrections: dict[int, str]) -> Result:
        self.corrections.update(corrections)
        self.result = checker.judge(relabel(self.base.labeled, self.corrections))
        return self.result


@dataclass
class Unreadable:
    name: str
    reason: str


def check_upload(checker: Checker, name: str, data: bytes) -> Result:
    """Check the bytes of an uploaded file; errors and the result carry the upload's name."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (Path(name).name or "upload")
        path.write_bytes(data)
        try:
            document = read_document(path)
        except InputError as exc:
            raise InputError(name, exc.reason) from exc
    document.path = name
    return checker.check_document(document)


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
        labeled = review.base.labeled
        return {i: saved[key] for i in range(len(labeled.labels))
                if (key := sentence_key(labeled, i)) in saved}

    def correct(self, review: Review, index: int, label: str) -> Result:
        """Set one sentence's label, re-judge the report and keep the correction in the store."""
        result = review.apply(self.checker, {index: label})
        if self.store is not None:
            self.store.save(correction_for(result.labeled, index, label, predicted=review.base.labeled))
        return result


def sample_paths() -> list[Path]:
    return sorted((corpus_dir() / "samples").glob("*.docx"))


def rule_names(profile: Profile) -> dict[str, str]:
    """Flag code -> Chinese name of the profile's rules and the cohort checks the page can run (no last year's
    reports there, so no REPEATED_PROBLEMS), as `shuzhi batch` names them."""
    return names_of({**profile.rules, **cohort_rules(profile, previous=False)})


def _format_value(key: str, value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "、".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    if key.endswith(("share", "ratio")):
        return f"{value:.0%}"
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def key_figures(data: dict, rule: ShareRule) -> list[tuple[str, str]]:
    """(Chinese name, shown value) of a report's main figures; the achievement share on the rule's basis."""
    values = {"chars": data["chars"]} | data["figures"] | {"achievement_share": rule.shares(data)["achievement"]}
    return [(FIGURE_NAMES.get(k, k), _format_value(k, v)) for k, v in values.items()]


def sentence_choices(data: dict) -> dict[int, str]:
    """Sentence index -> how it is listed for correction: where it is, its label and its start."""
    choices = {}
    for p in data["paragraphs"]:
        for number, s in enumerate(p["sentences"], 1):
            mark = "？" if s["review"] else ""
            text = s["text"] if len(s["text"]) <= 40 else s["text"][:40] + "…"
            choices[s["index"]] = f"第{p['index'] + 1}段第{number}句 [{LABEL_NAMES[s['label']]}{mark}] {text}"
    return choices


def flag_title(flag: dict) -> str:
    return f"[{SEVERITY_NAMES[flag['severity']]}] {flag['message']}"


def cohort_rows(reports: list[dict], rule: ShareRule, names: dict[str, str]) -> list[dict]:
    """One row per report for the cohort table (Chinese column names; shares on the rule's basis; flags by name)."""
    rows = []
    for r in reports:
        shares = rule.shares(r)
        rows.append({
            "文件": r["file"],
            "标题": r["title"],
            "字数": r["chars"],
            **{column: shares[k] for column, k in SHARES.items()},
            "问题数": len(r["flags"]),
            "问题": "、".join(names.get(f["code"], f["code"]) for f in r["flags"]),
            "结论": r["verdict"],
        })
    return rows
