"""How often each flag code fires per corpus quality group, on gold labels (front matter `quality:`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from legacy_checker.corpus import RawReport
from legacy_checker.goldlabels import gold_labeled
from legacy_checker.pipeline import Checker

GROUPS = ("good", "achievement_heavy", "vague", "blames_others", "no_plans", "fake_plans", "no_rectification")


@dataclass
class Group:
    size: int = 0
    fired: Counter = field(default_factory=Counter)  # code -> reports flagged
    verdicts: Counter = field(default_factory=Counter)

    def rate(self, code: str) -> float:
        return self.fired[code] / self.size if self.size else 0.0


def firing_rates(reports: list[RawReport], profile: str = "default", on_result=None,
                 use_model: bool = False) -> dict[str, Group]:
    """Quality group -> Group, on gold labels (or the shipped classifier's when use_model).

    on_result(report, result) is called for each report (for listings).
    """
    checker = Checker(profile, classifier=None if use_model else object())  # gold: the classifier is never called
    groups: dict[str, Group] = defaultdict(Group)
    for report in reports:
        result = (checker.check_document(report.to_document()) if use_model
                  else checker.judge(gold_labeled(report)))
        group = groups[report.meta.get("quality", "?")]
        group.size += 1
        group.verdicts[result.verdict] += 1
        group.fired.update({f.code for f in result.flags})
        if on_result:
            on_result(report, result)
    order = [g for g in GROUPS if g in groups] + sorted(set(groups) - set(GROUPS))
    return {g: groups[g] for g in order}
