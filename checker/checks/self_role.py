"""Putting oneself in (把自己摆进去) in the problem part: PROBLEMS_NOT_SELF (the whole report: UNIT_SUMMARY)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, Severity, rule
from checker.checks.parts import counted, paragraphs_of


class ProblemsNotSelfConfig(RuleConfig):
    min_self_share: Number = Field(ge=0, le=1)  # problem sentences about the author himself
    min_others: int = Field(default=1, ge=0)
    message_none: str = ""
    suggestion_none: str = ""
    severity_none: Severity | None = Field(None, strict=False)  # not one problem of his own

    FIELDS: ClassVar = {"problem_sentences": 5, "self_sentences": 0, "self_share": 0.0, "min_share": 0.2,
                        "others_sentences": 4, "others": "部分党员×2"}
    LEXICONS: ClassVar = ("others_subjects", "excuses", "self_examination")  # read by the blame signal


@rule("PROBLEMS_NOT_SELF", ProblemsNotSelfConfig)
def problems_not_self(report, scope, config: ProblemsNotSelfConfig, context):
    """The problem part puts its shortcomings on others (部分党员, 个别支部, 上级…) or on circumstances, and hardly
    examines the author. The blame signal of each problem sentence (checker.measure.person.blame) says whose
    shortcoming it states: others' ("others") or the author's ("self_exam"), never both; a sentence is about the
    author when it examines him, or names him (first_person) without putting the shortcoming on others."""
    problems = [i for i in report.items(("problem",)) if not i.heading]
    others = [i for i in problems if i.signals["others"]]
    own = [i for i in problems if i.signals["self_exam"] or (i.signals["first_person"] and not i.signals["others"])]
    if not problems or len(others) < config.min_others:
        return None
    share = len(own) / len(problems)
    if share >= config.min_self_share:
        return None
    return Finding({"problem_sentences": len(problems), "self_sentences": len(own), "self_share": share,
                    "min_share": config.min_self_share, "others_sentences": len(others),
                    "others": counted([p for i in others for p in i.signals["others"]], 6)},
                   paragraphs_of(others), "" if own else "none")
