"""Two of the three substitutions reviewers reject (the third, achievements instead of problems, is the
ACHIEVEMENT_SHARE / PROBLEMS_LIGHT pair): UNIT_SUMMARY (述党委代替述自己) and BUSINESS_NOT_PARTY (述业务代替述党建)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, Scoped, Severity, rule
from checker.checks.parts import chars_of, counted, paragraphs_of


class UnitSummaryConfig(Scoped):
    min_self_share: Number = Field(ge=0, le=1)  # body sentences with the secretary (我, 本人, 作为书记…)
    min_acts: int = Field(ge=0)  # sentences telling what he personally did
    absent_share: Number = Field(ge=0, le=1)  # below this share (and no act) the secretary is absent
    message_acts: str = ""
    suggestion_acts: str = ""
    message_absent: str = ""
    suggestion_absent: str = ""
    severity_absent: Severity | None = Field(None, strict=False)

    FIELDS: ClassVar = {"self_sentences": 3, "sentences": 30, "self_share": 0.1, "min_share": 0.12, "acts": 2,
                        "min_acts": 3, "collective": 9}
    LEXICONS: ClassVar = ("first_person", "personal_acts")


@rule("UNIT_SUMMARY", UnitSummaryConfig)
def unit_summary(report, scope, config: UnitSummaryConfig, context):
    """The report reads as the unit's work summary: the secretary hardly appears as the one who acts (few
    sentences with 我/本人, few personal acts), the unit (支部, 党委, 我们) is the subject instead."""
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
    variant = "absent" if share < config.absent_share and not acts else "" if few_own else "acts"
    return Finding({"self_sentences": len(own), "sentences": len(body), "self_share": share,
                    "min_share": config.min_self_share, "acts": len(acts), "min_acts": config.min_acts,
                    "collective": len(collective)}, paragraphs_of(collective), variant,
                   evidence=[(i, w) for i in collective for w in i.signals["collective"]])


class BusinessConfig(Scoped):
    parts: list = ["achievement"]
    max_share: Number = Field(ge=0, le=1)  # business characters / √(achievement characters × body characters)
    min_chars: int = Field(ge=0)  # achievement parts shorter than this are not judged

    FIELDS: ClassVar = {"share": 0.6, "body_share": 0.3, "business_chars": 600, "chars": 1000,
                        "words": "招商引资×3、项目×2"}
    LEXICONS: ClassVar = ("business_words", "party_words")


def business_words(text: str, lexicons) -> list[str] | None:
    """The business words of a sentence about business work, None for one about Party building: a sentence is
    business when it names at least as many business words (项目, 产值, 教学质量, 案件…) as Party-building words
    (党员, 支部, 党课…), so one naming neither is business, and 党员 named in passing does not make a sentence
    about a project Party building."""
    found = lexicons.find("business_words", text)
    return found if len(found) >= len(lexicons.find("party_words", text)) else None


@rule("BUSINESS_NOT_PARTY", BusinessConfig)
def business_not_party(report, scope, config: BusinessConfig, context):
    """The achievement part tells business work (projects, investment, production, teaching results, cases…)
    rather than Party building. The measure is the geometric mean of the business share of the achievement part
    and of the whole body: business told in a long achievement part that fills the report weighs more than the
    same share of a short one. The business words of those sentences are shown."""
    told = [i for i in scope if not i.heading]
    chars = chars_of(told)
    if chars < config.min_chars:
        return None
    words = {i.key: business_words(report.words(i).text, context.lexicons) for i in told}
    business = [i for i in told if words[i.key] is not None]
    if not business:
        return None
    body = chars_of([i for i in report.items() if not i.heading])
    share, body_share = chars_of(business) / chars, chars_of(business) / body
    measure = (share * body_share) ** 0.5
    if measure <= config.max_share:
        return None
    found = [w for i in business for w in words[i.key]]
    return Finding({"share": share, "body_share": body_share, "business_chars": chars_of(business),
                    "chars": chars, "words": counted(found, 6) or business[0].text[:20] + "……"},
                   paragraphs_of(business), measure=measure,
                   evidence=[(i, w) for i in business for w in words[i.key]])
