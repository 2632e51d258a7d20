"""The checks against the reviewers: the verdict against each report's gold grade, and each check against the
faults the writer and the grader saw (front matter `quality:`, `faults:`, `grade_faults:`). Where a second grader
graded the same text blind (`grade2:`), the graders' agreement with each other is counted too: the ceiling a
verdict can be expected to reach against any one of them; where the two differ a third blind grade (`grade3:`)
makes a panel's majority grade (all three different: 建议修改, the middle)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.pipeline import Checker
from checker.training.corpus import RawReport, gold_doc

GRADES = ("通过", "建议修改", "退回修改")
# check -> the faults it is meant to catch (a report with one of them should raise it)
FAULTS = {
    "ACHIEVEMENT_SHARE": {"achievement_heavy"},
    "LACKS_DATA": {"vague"},
    "LACKS_EXAMPLES": {"vague"},
    "EMPTY_WORDS": {"vague"},
    "UNIT_SUMMARY": {"unit_summary"},
    "PROBLEMS_NOT_SELF": {"blames_others", "no_self_criticism"},
    "PROBLEMS_LIGHT": {"no_problems"},
    "PROBLEMS_VAGUE": {"vague_problems"},
    "FAKE_PROBLEMS": {"fake_problems"},
    "PLANS_UNMATCHED": {"no_plans", "fake_plans"},
    "RECTIFICATION_VAGUE": {"vague_rectification"},
    "NO_RECTIFICATION": {"no_rectification"},
    "BUSINESS_NOT_PARTY": {"business_not_party"},
}
# check -> faults on whose reports its flag is right although the check is not meant to catch them all (a flag
# there is no false alarm, its absence no miss): thin problems are one way of 讲成绩浓墨重彩、讲问题轻描淡写, which
# achievement_heavy names by the achievement share alone; slogan plans (fake_plans) name no time, owner or target.
ALSO_RIGHT = {
    "PROBLEMS_LIGHT": {"achievement_heavy"},
    "RECTIFICATION_VAGUE": {"fake_plans"},
}


def _listed(value: str) -> set[str]:
    return {v.strip() for v in (value or "").split(",") if v.strip()}


def gold_faults(report: RawReport) -> set[str]:
    """The faults the writer meant and the grader found."""
    meta = report.meta
    return (_listed(meta.get("faults", "")) | _listed(meta.get("grade_faults", ""))
            | ({meta["quality"]} if meta.get("quality", "good") != "good" else set()))


@dataclass
class Agreement:
    confusion: Counter = field(default_factory=Counter)  # (gold grade, verdict) -> reports
    checks: dict = field(default_factory=lambda: {code: Counter() for code in FAULTS})  # code -> tp/fp/fn/tn/also
    on_passed: Counter = field(default_factory=Counter)  # code -> 通过 reports it fired on (sure false alarms)
    second: Counter = field(default_factory=Counter)  # (gold grade, second grade, verdict) -> reports
    panel: Counter = field(default_factory=Counter)  # (panel's majority grade, verdict) -> reports

    @property
    def second_graded(self) -> int:
        return sum(self.second.values())

    def second_agreement(self) -> dict[str, float]:
        """Shares of the second-graded reports: graders alike, verdict = second grade, and the verdict's agreement
        where the two graders agree, verdict = the panel's majority grade."""
        n, alike = self.second_graded, sum(k for (g, s, _), k in self.second.items() if g == s)
        return {"graders": alike / max(n, 1),
                "verdict_second": sum(k for (_, s, v), k in self.second.items() if s == v) / max(n, 1),
                "verdict_where_alike": sum(k for (g, s, v), k in self.second.items() if g == s == v) / max(alike, 1),
                "verdict_panel": sum(k for (p, v), k in self.panel.items() if p == v) / max(sum(self.panel.values()), 1)}

    @property
    def reports(self) -> int:
        return sum(self.confusion.values())

    @property
    def agreement(self) -> float:
        return sum(n for (g, v), n in self.confusion.items() if g == v) / max(self.reports, 1)

    def confusion_row(self, gold: str) -> int:
        return sum(n for (g, _), n in self.confusion.items() if g == gold)

    @property
    def passed_but_returned(self) -> int:
        return self.confusion[("退回修改", "通过")]

    def precision_recall(self, code: str) -> tuple[float, float | None, int]:
        """Precision (flags on ALSO_RIGHT faults count as right), recall (None when no report has the fault) and
        the reports with the fault."""
        c = self.checks[code]
        right = c["tp"] + c["also"]
        precision = right / (right + c["fp"]) if right + c["fp"] else 1.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else None
        return precision, recall, c["tp"] + c["fn"]


def panel_grade(meta: dict) -> str | None:
    """The majority of the first, second and (where those differ) third blind grade; None without a panel."""
    first, second, third = meta.get("grade"), meta.get("grade2"), meta.get("grade3")
    if second not in GRADES:
        return None
    if first == second:
        return first
    if third not in GRADES:
        return None
    return third if third in (first, second) else GRADES[1]


def agreement(reports: list[RawReport], profile: str = "default", use_model: bool = False,
              on_report=None) -> Agreement:
    """Verdicts and checks on the reports' gold labels (or the shipped classifier's, `use_model`)."""
    checker = Checker(profile)
    found = Agreement()
    for report in (r for r in reports if r.meta.get("grade") in GRADES):  # ungraded texts are for labels only
        doc = checker.check_document(report.to_document()) if use_model else checker.judge(gold_doc(report))
        found.confusion[(report.meta.get("grade", "?"), doc._.verdict.value)] += 1
        if report.meta.get("grade2") in GRADES:
            found.second[(report.meta["grade"], report.meta["grade2"], doc._.verdict.value)] += 1
        if panel := panel_grade(report.meta):
            found.panel[(panel, doc._.verdict.value)] += 1
        codes, faults = {f.code for f in doc._.flags}, gold_faults(report)
        if report.meta["grade"] == GRADES[0]:
            found.on_passed.update(codes)
        for code, meant in FAULTS.items():
            raised, meant_here = code in codes, bool(faults & meant)
            if not meant_here and faults & ALSO_RIGHT.get(code, set()):
                found.checks[code]["also" if raised else "tn"] += 1
                continue
            found.checks[code][{(True, True): "tp", (True, False): "fp", (False, True): "fn",
                                (False, False): "tn"}[(raised, meant_here)]] += 1
        if on_report:
            on_report(report, doc)
    return found


def confusion_table(found: Agreement) -> str:
    rows = ["| gold \\ verdict | " + " | ".join(GRADES) + " |", "|---|---|---|---|"]
    for gold in GRADES:
        rows.append(f"| {gold} | " + " | ".join(str(found.confusion[(gold, v)]) for v in GRADES) + " |")
    return "\n".join(rows)
