"""Speaking with data and cases (用数据、事例说话): LACKS_DATA and LACKS_EXAMPLES."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, Part, Scoped, rule
from checker.checks.parts import DEFAULT_EVIDENCE_PARTS, chars_of, paragraphs_of, per_1000
from checker.doc import paragraphs


def _achievement_units(report) -> list[list]:
    """Achievement sentences grouped by innermost section, or by paragraph when the report has no headings."""
    spans = paragraphs(report.doc)
    units: dict = {}
    for item in report.items(("achievement",)):
        section = spans[item.paragraph]._.section
        units.setdefault(("s", section) if section is not None else ("p", item.paragraph), []).append(item)
    return list(units.values())


class LacksDataConfig(Scoped):
    parts: list[Part] = list(DEFAULT_EVIDENCE_PARTS)
    min_per_1000: Number = Field(ge=0)
    min_unit_chars: int = Field(ge=0)  # achievement sections/paragraphs shorter than this are not judged alone
    max_bare_units: int = Field(ge=0)  # more achievement sections than this without a figure -> flag
    message_units: str = ""
    suggestion_units: str = ""

    FIELDS: ClassVar = {"data_points": 3, "chars": 1000, "density": 3.0, "min_density": 6, "bare_units": 1,
                        "units": 2}
    LEXICONS: ClassVar = ("units",)


@rule("LACKS_DATA", LacksDataConfig)
def lacks_data(report, scope, config: LacksDataConfig, context):
    """Few quantities per 1000 characters of the evidence parts, or achievement sections without a figure."""
    count, chars = sum(len(i.signals["data"]) for i in scope), chars_of(scope)
    units = [u for u in _achievement_units(report) if chars_of(u) >= config.min_unit_chars]
    bare = [u for u in units if not any(i.signals["data"] for i in u)]
    density = per_1000(count, chars)
    values = {"data_points": count, "chars": chars, "density": density, "min_density": config.min_per_1000,
              "bare_units": len(bare), "units": len(units)}
    if chars and density < config.min_per_1000:
        return Finding(values, paragraphs_of([i for i in scope if not i.signals["data"] and not i.heading]))
    if len(bare) > config.max_bare_units:
        return Finding(values, paragraphs_of([i for u in bare for i in u]), "units")
    return None


class LacksExamplesConfig(Scoped):
    parts: list[Part] = list(DEFAULT_EVIDENCE_PARTS)
    min_examples: int = Field(ge=0)
    enough_data_per_1000: Number = Field(ge=0)  # figures this dense stand in for cases: the report is concrete

    FIELDS: ClassVar = {"examples": 1, "minimum": 2, "found": "柳河村", "density": 3.0}
    LEXICONS: ClassVar = ("example_patterns",)


@rule("LACKS_EXAMPLES", LacksExamplesConfig)
def lacks_examples(report, scope, config: LacksExamplesConfig, context):
    """Fewer concrete cases (named places, people, dated events, titled talks) than the profile asks, and not
    enough figures to make up for them: reviewers find a report vague when it has neither (用数据、事例说话)."""
    found = list(dict.fromkeys(e for i in scope for e in i.signals["examples"]))
    if len(found) >= config.min_examples:
        return None
    density = per_1000(sum(len(i.signals["data"]) for i in scope), chars_of(scope))
    if density >= config.enough_data_per_1000:
        return None
    bare = [i for i in scope if i.label == "achievement" and not i.heading and not i.signals["examples"]]
    return Finding({"examples": len(found), "minimum": config.min_examples, "found": "、".join(found) or "无",
                    "density": density}, paragraphs_of(bare))
