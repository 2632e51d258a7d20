"""Speaking with data and cases (用数据、事例说话): LACKS_DATA and LACKS_EXAMPLES."""

from __future__ import annotations

from legacy_checker.checks.parts import DEFAULT_EVIDENCE_PARTS, chars_of, items, paragraphs_of, per_1000
from legacy_checker.rules import NUMBER, Finding, rule


def _achievement_units(labeled, figures) -> list[list]:
    """Achievement sentences grouped by innermost section, or by paragraph when the report has no headings."""
    units: dict = {}
    for item in items(labeled, figures, ("achievement",)):
        section = labeled.segmented.paragraphs[item.sentence.paragraph].section
        units.setdefault(("s", section) if section is not None else ("p", item.sentence.paragraph), []).append(item)
    return list(units.values())


@rule("LACKS_DATA", params={"min_per_1000": NUMBER, "min_unit_chars": NUMBER, "max_bare_units": int, "parts": list},
      required=("min_per_1000",), lexicons=("units",),
      fields=("data_points", "chars", "density", "min_density", "bare_units", "units"), variants=("units",))
def lacks_data(labeled, figures, config, profile):
    """Few quantities per 1000 characters of the evidence parts, or achievement sections without a figure."""
    evidence = items(labeled, figures, tuple(config.get("parts", DEFAULT_EVIDENCE_PARTS)))
    count, chars = sum(len(i.signals["data"]) for i in evidence), chars_of(evidence)
    units = [u for u in _achievement_units(labeled, figures) if chars_of(u) >= config.get("min_unit_chars", 80)]
    bare = [u for u in units if not any(i.signals["data"] for i in u)]
    density = per_1000(count, chars)
    values = {"data_points": count, "chars": chars, "density": density, "min_density": config["min_per_1000"],
              "bare_units": len(bare), "units": len(units)}
    if chars and density < config["min_per_1000"]:
        return Finding(values, paragraphs_of([i for i in evidence if not i.signals["data"] and not i.heading]))
    if len(bare) > config.get("max_bare_units", len(units)):
        return Finding(values, paragraphs_of([i for u in bare for i in u]), "units")
    return None


@rule("LACKS_EXAMPLES", params={"min_examples": int, "parts": list}, required=("min_examples",),
      lexicons=("example_patterns",), fields=("examples", "minimum", "found"))
def lacks_examples(labeled, figures, config, profile):
    """Fewer concrete cases (named places, people, dated events, titled talks) than the profile asks."""
    evidence = items(labeled, figures, tuple(config.get("parts", DEFAULT_EVIDENCE_PARTS)))
    found = list(dict.fromkeys(e for i in evidence for e in i.signals["examples"]))
    if len(found) >= config["min_examples"]:
        return None
    bare = [i for i in evidence if i.label == "achievement" and not i.heading and not i.signals["examples"]]
    return Finding({"examples": len(found), "minimum": config["min_examples"], "found": "、".join(found) or "无"},
                   paragraphs_of(bare))
