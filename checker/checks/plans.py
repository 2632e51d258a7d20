"""Plans that answer the problems (问题清单、整改清单): PLANS_UNMATCHED."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, rule
from checker.checks.parts import Item, paragraphs_of
from checker.doc import paragraphs, sections

CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def _words(spans, generic: set[str]) -> set[str]:
    """Content words (CJK, two characters or more, not generic) of some spans."""
    return {t.text for span in spans for t in span if CJK_WORD.match(t.text) and t.text not in generic}


def _problem_words(report, problems: list[Item], generic: set[str]) -> list[set[str]]:
    """Words of each problem sentence plus those of the heading of its section."""
    spans, groups = paragraphs(report.doc), sections(report.doc)
    section_of = [spans[i.paragraph]._.section for i in problems]
    headings = {s: _words([spans[groups[s]._.heading]], generic) for s in set(section_of) - {None}}
    return [_words([i.sentence], generic) | headings.get(s, set()) for i, s in zip(problems, section_of)]


class PlansUnmatchedConfig(RuleConfig):
    min_overlap: int = Field(ge=0)  # shared content words for a problem to count as answered by the plans
    max_unmatched_share: Number = Field(ge=0, le=1)  # problems without a matching measure
    min_concrete_share: Number = Field(ge=0, le=1)  # plan sentences with a time, a person in charge or a target
    min_item_chars: int = Field(ge=0)
    message_none: str = ""
    message_vague: str = ""
    suggestion_none: str = ""
    suggestion_vague: str = ""

    FIELDS: ClassVar = {"problems": 4, "unmatched": 2, "unmatched_share": 0.5, "max_unmatched": 0.5, "plans": 4,
                        "concrete": 1, "concrete_share": 0.25, "min_concrete": 0.4, "first_unmatched": "本人调研不够"}
    LEXICONS: ClassVar = ("generic_words", "plan_concrete_patterns")


@rule("PLANS_UNMATCHED", PlansUnmatchedConfig)
def plans_unmatched(report, scope, config: PlansUnmatchedConfig, context):
    """Problems whose words find no echo in the plans; plans without a time, a person in charge or a target."""
    lexicons = context.lexicons
    generic = set(lexicons.raw.get("generic_words") or [])
    problems = [i for i in report.items(("problem",))
                if not i.heading and i.chars >= config.min_item_chars
                and not lexicons.has("problem_skip_patterns", i.text)]
    plan_items = report.items(("plan",))
    plans = [i for i in plan_items if not i.heading]
    plan_words = _words([i.sentence for i in plan_items], generic)
    unmatched = [p for p, words in zip(problems, _problem_words(report, problems, generic))
                 if len(words & plan_words) < config.min_overlap]
    concrete = [i for i in plans if i.signals["data"] or lexicons.has("plan_concrete_patterns", i.text)]
    unmatched_share = len(unmatched) / len(problems) if problems else 0.0
    concrete_share = len(concrete) / len(plans) if plans else 0.0
    values = {"problems": len(problems), "unmatched": len(unmatched), "unmatched_share": unmatched_share,
              "max_unmatched": config.max_unmatched_share, "plans": len(plans), "concrete": len(concrete),
              "concrete_share": concrete_share, "min_concrete": config.min_concrete_share,
              "first_unmatched": unmatched[0].text[:30] if unmatched else "无"}
    if not plans:
        return Finding(values, paragraphs_of(problems), "none")
    concrete_ids = {i.key for i in concrete}
    vague = [i for i in plans if i.key not in concrete_ids]
    if unmatched_share > config.max_unmatched_share:
        return Finding(values, paragraphs_of(unmatched + vague))
    if concrete_share < config.min_concrete_share:
        return Finding(values, paragraphs_of(vague), "vague")
    return None
