"""What the review page shows, formatted: key figures, the sentences to correct, flag titles, the cohort table."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from checker.checks.engine import SEVERITY_NAMES, Severity
from checker.checks.kinds import BASES, SHARE_KEYS
from checker.cohort.similarity import cohort_rules
from checker.doc import LABEL_NAMES
from checker.profile import Profile
from checker.render.excel_out import SHARES
from checker.summary import ReportSummary

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
DEFAULT_SHARE_LIMIT = 1 / 3


@dataclass
class ShareRule:
    """How a profile judges the achievement share: the limit (the 1/3 line), as the notice writes it, and of what."""

    limit: float
    limit_text: str
    basis: str  # total: of the whole text; body: of 成绩+问题+打算

    @property
    def of(self) -> str:
        return BASES.get(self.basis, self.basis)

    def shares(self, data: dict) -> dict[str, float]:
        """The shares of a report's JSON dict on this basis."""
        return data[SHARE_KEYS[self.basis]]


def share_rule(profile: Profile) -> ShareRule:
    """The profile's ACHIEVEMENT_SHARE settings (the notice's 1/3 of the whole text when the rule is off)."""
    config = profile.rules.get("ACHIEVEMENT_SHARE")
    if config is None or config.max_share is None:
        return ShareRule(DEFAULT_SHARE_LIMIT, "1/3", "total")
    return ShareRule(config.max_share, config.limit, config.basis)


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
    return f"[{SEVERITY_NAMES[Severity(flag['severity'])]}] {flag['message']}"


def cohort_rows(reports: list[ReportSummary], rule: ShareRule, names: dict[str, str]) -> list[dict]:
    """One row per report for the cohort table (Chinese column names; shares on the rule's basis; flags by name)."""
    rows = []
    for r in reports:
        shares = getattr(r, SHARE_KEYS[rule.basis])
        rows.append({
            "文件": r.file,
            "标题": r.title,
            "字数": r.chars,
            **{column: shares[k] for column, k in SHARES.items()},
            "问题数": len(r.flags),
            "问题": "、".join(names.get(f.code, f.code) for f in r.flags),
            "结论": r.verdict_text,
        })
    return rows


def sample_paths() -> list[Path]:
    """The sample reports shipped in the package."""
    return sorted(Path(str(resources.files("checker.samples"))).glob("*.docx"))


def page_names(profile: Profile) -> dict[str, str]:
    """Flag code -> Chinese name of the rules and cohort checks the page runs (no last year's reports there, so
    no REPEATED_PROBLEMS), as `shuzhi batch` names them."""
    names = profile.names()
    return {code: names[code] for code in [*profile.rules, *cohort_rules(profile.cohort, previous=False)]}
