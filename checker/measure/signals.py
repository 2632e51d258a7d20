"""Signals several checks share, per body sentence, from the profile's lexicons.

Quantified statements (data), concrete cases (examples), first-person markers, personal acts, collective
subjects and stock phrases; per report, the coverage of the profile's content points (topics).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.measure.lexicons import Lexicons

NUMBER = r"(?<![第\d.])(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{2,}|[二两三四五六七八九十])"
SCALE = r"(?:[万千百亿])?(?:余|多)?"
SHORT_QUOTE = re.compile(r"“[^”]{1,12}”|\"[^\"]{1,12}\"|‘[^’]{1,12}’")


@lru_cache(maxsize=64)
def _quantity_regex(units: tuple[str, ...]) -> re.Pattern | None:
    if not units:
        return None
    alternation = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return re.compile(f"{NUMBER}{SCALE}(?:{alternation})")


def quantities(text: str, lexicons: Lexicons) -> list[str]:
    """Numbers with a unit (12次, 2.3万元, 98.6%, 百分之五), outside short quoted slogans and `data_not`."""
    text = SHORT_QUOTE.sub(lambda m: " " * len(m.group(0)), lexicons.masked("data_not", text))
    regex = _quantity_regex(tuple(lexicons.raw.get("units") or ()))
    found = [m.group(0) for m in regex.finditer(text)] if regex else []
    return found + lexicons.find("data_patterns", text)


def sentence_signals(text: str, lexicons: Lexicons) -> dict:
    return {
        "data": quantities(text, lexicons),
        "examples": lexicons.find("example_patterns", text),
        "first_person": lexicons.find("first_person", text),
        "acts": lexicons.find("personal_acts", text),
        "collective": lexicons.find("collective_subjects", text),
        "empty_words": lexicons.find("empty_words", text),
    }


def topic_coverage(sentences, topics) -> list[dict]:
    """For each content point: keyword hits in the body sentences and the paragraphs holding them."""
    coverage = []
    for topic in topics:
        finder = Lexicons({"keywords": [str(k) for k in topic.keywords]})
        hits, held = [], set()
        for sentence in sentences:
            found = finder.find("keywords", sentence.text)
            if found:
                hits += found
                held.add(sentence._.paragraph)
        coverage.append({"name": topic.name, "hits": len(hits), "keywords": sorted(set(hits)),
                         "paragraphs": sorted(held), "covered": len(hits) >= topic.min_hits})
    return coverage
