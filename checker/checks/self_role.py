"""Putting oneself in (把自己摆进去): NOT_SELF for the whole report, PROBLEMS_NOT_SELF for the problem part."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, Scoped, rule
from checker.checks.parts import counted, paragraphs_of


class NotSelfConfig(Scoped):
    min_self_share: Number = Field(ge=0, le=1)  # sentences with 我/本人 among body sentences
    min_acts: int = Field(ge=0)  # sentences telling what the author personally did
    message_acts: str = ""
    suggestion_acts: str = ""

    FIELDS: ClassVar = {"self_sentences": 3, "sentences": 30, "self_share": 0.1, "min_share": 0.12, "acts": 2,
                        "min_acts": 3, "collective": 9}
    LEXICONS: ClassVar = ("first_person", "personal_acts")


@rule("NOT_SELF", NotSelfConfig)
def not_self(report, scope, config: NotSelfConfig, context):
    """Few sentences with 我/本人, or few of them telling a personal act (亲自, 带头, 主持, 讲党课…)."""
    body = [i for i in scope if not i.heading]
    if not body:
        return None
    own = [i for i in body if i.signals["first_person"]]
    acts = [i for i in own if i.signals["acts"]]
    share = len(own) / len(body)
    few_own, few_acts = share < config.min_self_share, len(acts) < config.min_acts
    if not (few_own or few_acts):
        return None
    collective = [i for i in body if i.signals["collective"] and not i.signals["first_person"]]
    return Finding({"self_sentences": len(own), "sentences": len(body), "self_share": share,
                    "min_share": config.min_self_share, "acts": len(acts), "min_acts": config.min_acts,
                    "collective": len(collective)}, paragraphs_of(collective), "" if few_own else "acts")


class ProblemsNotSelfConfig(RuleConfig):
    min_self_share: Number = Field(ge=0, le=1)  # problem sentences about the author himself
    min_others: int = Field(default=1, ge=0)

    FIELDS: ClassVar = {"problem_sentences": 5, "self_sentences": 0, "self_share": 0.0, "min_share": 0.2,
                        "others_sentences": 4, "others": "部分党员×2"}
    LEXICONS: ClassVar = ("others_subjects", "excuses", "self_examination")  # read by the blame signal


@rule("PROBLEMS_NOT_SELF", ProblemsNotSelfConfig)
def problems_not_self(report, scope, config: ProblemsNotSelfConfig, context):
    """The problem part puts its shortcomings on others (部分党员, 个别支部, 上级…) or on circumstances, and hardly
    examines the author: the blame signal of each problem sentence (checker.measure.person.blame) says whose
    shortcoming it states, the author's ("self_exam") or others' ("others"), never both."""
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
                   paragraphs_of(others))
