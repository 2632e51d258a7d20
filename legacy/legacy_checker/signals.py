"""Measurements several rules share, per sentence, from the profile's lexicons (part of the measure stage).

Per body sentence: quantified statements (data), concrete cases (examples), first-person markers,
personal acts, collective subjects and stock phrases; per report: coverage of the profile's topics.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legacy_checker.lexicons import Lexicons
from legacy_checker.structures import Labeled

BODY = ("achievement", "problem", "plan")
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


def topic_coverage(labeled: Labeled, topics: list[dict]) -> list[dict]:
    """For each content point: keyword hits in the body and the paragraphs holding them."""
    body = [(s, l) for s, l in zip(labeled.segmented.sentences, labeled.labels) if l in BODY]
    coverage = []
    for topic in topics:
        finder = Lexicons({"keywords": [str(k) for k in topic["keywords"]]})
        hits, paragraphs = [], set()
        for sentence, _ in body:
            found = finder.find("keywords", sentence.text)
            if found:
                hits += found
                paragraphs.add(sentence.paragraph)
        coverage.append({"name": topic["name"], "hits": len(hits), "keywords": sorted(set(hits)),
                         "paragraphs": sorted(paragraphs),
                         "covered": len(hits) >= int(topic.get("min_hits", 1))})
    return coverage


def measure_signals(labeled: Labeled, lexicon_lists: dict, topics: list[dict]) -> tuple[dict, dict]:
    """(values, details): key figures for display and per-sentence signals for the rules."""
    lexicons = Lexicons(lexicon_lists)
    per_sentence = [sentence_signals(s.text, lexicons) if label in BODY else None
                    for s, label in zip(labeled.segmented.sentences, labeled.labels)]
    body = [sig for sig in per_sentence if sig is not None]
    body_chars = sum(s.chars for s, l in zip(labeled.segmented.sentences, labeled.labels) if l in BODY)
    coverage = topic_coverage(labeled, topics)
    empty = sum(len(sig["empty_words"]) for sig in body)
    values = {
        "data_points": sum(len(sig["data"]) for sig in body),
        "data_sentences": sum(bool(sig["data"]) for sig in body),
        "examples": sum(len(sig["examples"]) for sig in body),
        "first_person_sentences": sum(bool(sig["first_person"]) for sig in body),
        "first_person_acts": sum(bool(sig["first_person"] and sig["acts"]) for sig in body),
        "collective_sentences": sum(bool(sig["collective"] and not sig["first_person"]) for sig in body),
        "empty_words": empty,
        "empty_words_per_1000": round(empty * 1000 / body_chars, 2) if body_chars else 0.0,
    }
    if topics:
        values["topics_covered"] = sum(t["covered"] for t in coverage)
        values["topics_total"] = len(coverage)
    return values, {"signals": per_sentence, "topics": coverage}
