"""What the review page shows, formatted: key figures, flag titles, the cohort table, names of profiles and samples."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from checker.checks.engine import SEVERITY_NAMES, Severity
from checker.checks.kinds import BASES, SHARE_KEYS
from checker.cohort.similarity import Cohort, cohort_rules
from checker.profile import Profile, load_profile
from checker.read import read_document
from checker.render.excel_out import SHARES
from checker.summary import ReportSummary

# Chinese names of the Figures.values keys the page shows (keys not listed are not shown).
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
PROFILE_TITLES = {"default": "通用要求", "jixian-2018": "吉县 2018 通知", "yuepu-2015": "月浦镇 2015 通知"}


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
    return [(FIGURE_NAMES[k], _format_value(k, v)) for k, v in values.items() if k in FIGURE_NAMES]


def flag_title(flag: dict) -> str:
    """[级别] 名称：说明 — how a flag is listed."""
    return f"[{SEVERITY_NAMES[Severity(flag['severity'])]}] {flag.get('name') or flag['code']}：{flag['message']}"


def cohort_rows(reports: list[ReportSummary], rule: ShareRule, names: dict[str, str]) -> list[dict]:
    """One row per report for the cohort table: the verdict and the main figures first (Chinese column names;
    shares on the rule's basis; flags by name)."""
    rows = []
    for r in reports:
        shares = getattr(r, SHARE_KEYS[rule.basis])
        rows.append({
            "结论": r.verdict_text,
            "问题数": len(r.flags),
            "成绩占比": shares["achievement"],
            "字数": r.chars,
            "报告": r.title or r.file,
            "问题": "、".join(f.name or names.get(f.code, f.code) for f in r.flags),
            "优先修改": "；".join(r.fix_first),
            **{column: shares[k] for column, k in SHARES.items() if k != "achievement"},
            "文件": r.file,
        })
    return rows


def sample_paths() -> list[Path]:
    """The sample reports shipped in the package."""
    return sorted(Path(str(resources.files("checker.samples"))).glob("*.docx"))


def sample_reports() -> dict[str, Path]:
    """The shipped samples by the name a person reads: the report's title (its file name when it has none)."""
    found: dict[str, Path] = {}
    for path in sample_paths():
        title = read_document(path).title or path.stem
        found[title if title not in found else f"{title}（{path.stem}）"] = path
    return found


def profile_title(name: str) -> str:
    """What the page calls a profile: a short Chinese name for the shipped ones, else the profile's title."""
    return PROFILE_TITLES.get(name) or load_profile(name).title


def shared_problems(cohort: Cohort, originals: dict[str, str] | None = None) -> list:
    """(problem statement, reports) most shared across a cohort, for the workbook's 常见问题 sheet; statements
    are shown as a report wrote them when `originals` (normalised text -> text) has them."""
    return [((originals or {}).get(text, text), count) for text, count in cohort.common_problems()]


def page_names(profile: Profile) -> dict[str, str]:
    """Flag code -> Chinese name of the rules and cohort checks the page runs (no last year's reports there, so
    no REPEATED_PROBLEMS), as `shuzhi batch` names them."""
    names = profile.names()
    return {code: names[code] for code in [*profile.rules, *cohort_rules(profile.cohort, previous=False)]}
