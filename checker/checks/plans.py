"""Plans that answer the problems (问题清单、整改清单): PLANS_UNMATCHED."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, Severity, rule
from checker.checks.parts import Item, paragraphs_of
from checker.checks.problems import problem_items
from checker.doc import paragraphs, sections, token_texts

CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def _words(spans, generic: set[str]) -> set[str]:
    """Content words (CJK, two characters or more, not generic) of some spans."""
    if not spans:
        return set()
    texts = token_texts(spans[0].doc)
    return {w for span in spans for w in texts[span.start:span.end] if CJK_WORD.match(w) and w not in generic}


def _problem_words(report, problems: list[Item], generic: set[str]) -> list[set[str]]:
    """Words of each problem sentence plus those of the heading of its section."""
    spans, groups = paragraphs(report.doc), sections(report.doc)
    section_of = [spans[i.paragraph]._.section for i in problems]
    headings = {s: _words([spans[groups[s]._.heading]], generic) for s in set(section_of) - {None}}
    return [_words([i.sentence], generic) | headings.get(s, set()) for i, s in zip(problems, section_of)]


class PlansUnmatchedConfig(RuleConfig):
    min_overlap: int = Field(ge=0)  # shared content words for a problem to count as answered by the plans
    max_unmatched_share: Number = Field(ge=0, le=1)  # problems without a matching measure
    min_item_chars: int = Field(ge=0)
    message_none: str = ""
    suggestion_none: str = ""
    severity_none: Severity | None = Field(None, strict=False)

    FIELDS: ClassVar = {"problems": 4, "unmatched": 2, "unmatched_share": 0.5, "max_unmatched": 0.5, "plans": 4,
                        "first_unmatched": "本人调研不够"}
    LEXICONS: ClassVar = ("generic_words",)


@rule("PLANS_UNMATCHED", PlansUnmatchedConfig)
def plans_unmatched(report, scope, config: PlansUnmatchedConfig, context):
    """No plans at all (a missing part), or problems whose words find no echo in the plans. Only measures answer
    a problem: a plan with a time, an owner or a target, or one without stock phrases; a slogan
    (「进一步加强党员队伍建设」) that repeats the problem's words does not."""
    generic = set(context.lexicons.raw.get("generic_words") or [])
    problems = [i for i in problem_items(report, context) if i.chars >= config.min_item_chars]
    plan_items = report.items(("plan",))
    plans = [i for i in plan_items if not i.heading]
    lexicons = context.lexicons
    concrete = set().union(*_parts(report, lexicons).values())
    slogan = {i.key for i in plan_items if i.signals["empty_words"] or lexicons.has("plan_slogan_patterns", i.text)}
    measures = [i for i in plan_items if i.key in concrete or i.key not in slogan]
    plan_words = _words([i.sentence for i in measures], generic)
    unmatched = [p for p, words in zip(problems, _problem_words(report, problems, generic))
                 if len(words & plan_words) < config.min_overlap]
    unmatched_share = len(unmatched) / len(problems) if problems else 0.0
    values = {"problems": len(problems), "unmatched": len(unmatched), "unmatched_share": unmatched_share,
              "max_unmatched": config.max_unmatched_share, "plans": len(plans),
              "first_unmatched": unmatched[0].text[:30] if unmatched else "无"}
    if not plans:
        return Finding(values, paragraphs_of(problems), "none")
    if unmatched_share > config.max_unmatched_share:
        return Finding(values, paragraphs_of(unmatched), measure=unmatched_share)
    return None


def _parts(report, lexicons) -> dict[str, set]:
    """time / owner / target -> the keys of the plans (not headings) that name one: measures, not slogans (made
    once per report)."""
    def made() -> dict[str, set]:
        plans = [i for i in report.items(("plan",)) if not i.heading]
        return {part: {i.key for i in plans if lexicons.has(f"plan_{part}_patterns", i.text)
                       or (part == "target" and i.signals["data"])} for part in ("time", "owner", "target")}

    return report.once("plan_parts", made)


class RectificationVagueConfig(RuleConfig):
    min_concrete_share: Number = Field(ge=0, le=1)  # plans with a time, a person in charge or a target

    FIELDS: ClassVar = {"plans": 4, "concrete": 1, "concrete_share": 0.25, "min_concrete": 0.4, "no_time": 3,
                        "no_owner": 4, "no_target": 2, "missing": "完成时限、责任人"}
    LEXICONS: ClassVar = ("plan_time_patterns", "plan_owner_patterns", "plan_target_patterns")


@rule("RECTIFICATION_VAGUE", RectificationVagueConfig)
def rectification_vague(report, scope, config: RectificationVagueConfig, context):
    """Plans that name no time, no person in charge and no measurable target; the message says which of the
    three most plans lack. The measure for `grades` is the share of such plans."""
    plans = [i for i in report.items(("plan",)) if not i.heading]
    if not plans:
        return None
    has = _parts(report, context.lexicons)
    concrete = [i for i in plans if any(i.key in keys for keys in has.values())]
    share = len(concrete) / len(plans)
    if share >= config.min_concrete_share:
        return None
    missing = {part: len(plans) - len(keys) for part, keys in has.items()}
    names = {"time": "完成时限", "owner": "责任人", "target": "可检查的目标"}
    return Finding({"plans": len(plans), "concrete": len(concrete), "concrete_share": share,
                    "min_concrete": config.min_concrete_share, "no_time": missing["time"],
                    "no_owner": missing["owner"], "no_target": missing["target"],
                    "missing": "、".join(names[p] for p, n in missing.items() if n > len(plans) / 2) or "具体要求"},
                   paragraphs_of([i for i in plans if i not in concrete]), measure=1 - share)
