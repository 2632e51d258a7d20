"""Slogans and stock phrases (套话、虚话): EMPTY_WORDS."""

from __future__ import annotations

from legacy_checker.checks.parts import chars_of, counted, items, per_1000
from legacy_checker.rules import NUMBER, Finding, rule
from legacy_checker.signals import BODY


@rule("EMPTY_WORDS", params={"max_per_1000": NUMBER, "paragraph_hits": int, "parts": list},
      required=("max_per_1000",), lexicons=("empty_words",),
      fields=("count", "chars", "density", "limit", "phrases"))
def empty_words(labeled, figures, config, profile):
    """Stock phrases per 1000 characters above the limit; points at paragraphs with several of them."""
    chosen = items(labeled, figures, tuple(config.get("parts", BODY)))
    hits = [p for i in chosen for p in i.signals["empty_words"]]
    chars = chars_of(chosen)
    density = per_1000(len(hits), chars)
    if density <= config["max_per_1000"]:
        return None
    by_paragraph: dict[int, int] = {}
    for i in chosen:
        by_paragraph[i.sentence.paragraph] = by_paragraph.get(i.sentence.paragraph, 0) + len(i.signals["empty_words"])
    return Finding({"count": len(hits), "chars": chars, "density": density, "limit": config["max_per_1000"],
                    "phrases": counted(hits, 10)},
                   [p for p, n in by_paragraph.items() if n >= config.get("paragraph_hits", 2)])
