"""Signals several checks share, per body sentence, read from its words and the profile's lexicons.

    data          quantities: a number with a unit (12次, 2.3万元, 98.6%), 百分之五
    examples      concrete cases: named people, places and units, dated events, titled talks and activities
                  (where the rules find none, a learned model of concrete sentences may)
    first_person  the secretary named: 我 (not 我们 / 我村 / 自我 / a quoted slogan's 我), 本人, 作为书记…
    acts          what the secretary personally did: the acts the first person governs (not plans or attitudes)
    collective    collective subjects (支部, 党委, 我们…)
    empty_words   stock phrases: the `empty_words` lexicon and formulas such as adverb + verb (不断提升); where
                  they find none, a learned model of stock sentences (checker.measure.learned) may
    blame         whose shortcoming the sentence states: "self", "others" or "none" (in the pipeline, read on
                  problem sentences only: the one part whose shortcomings a check weighs; where the rules say
                  "none", a learned model of blame on others may say "others"); with
    others        the phrases that put it on others (部分党员, 上级, 客观原因…) when blame is "others"
    self_exam     the phrases of self-examination (本人, 我, 作为书记…) when blame is "self"

Every lexicon phrase is matched on word boundaries (checker.measure.lexicons.WordMatcher); each sentence is
read once (checker.measure.words.Words) and scanned once for all lexicons. A learned model's phrase is the
sentence's first clause. Per report, the coverage of the profile's content points (topics).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import numpy as np

from checker.measure.cases import examples
from checker.measure.learned import first_clause, learned_flags, topic_label
from checker.measure.lexicons import Hits, Lexicons
from checker.measure.person import Owner, blame, first_person, personal_acts
from checker.measure.stock import stock_phrases
from checker.measure.words import Words

NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{2,}|[二两三四五六七八九十])"  # not after 第, a digit, a point
SCALE = r"(?:[万千百亿])?(?:余|多)?"
NOT_BEFORE_NUMBER = frozenset("第0123456789.")  # 第三, the rest of a longer number
SHORT_QUOTE = 12  # a figure inside a quote this short is a slogan's (“三会一课”), not data
NO_BLAME = Owner()
SIGNAL_OF_LEXICON = {"empty_words": "empty_words"}  # a lexicon whose signal a density rule counts instead of it
SIGNAL_KEYS = ("data", "examples", "first_person", "acts", "collective", "empty_words", "blame", "others",
               "self_exam")


@lru_cache(maxsize=64)
def _quantity_regex(units: tuple[str, ...]) -> re.Pattern | None:
    if not units:
        return None
    alternation = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return re.compile(f"{NUMBER}{SCALE}(?P<unit>{alternation})")


def quantities(words: Words, hits: Hits, lexicons: Lexicons) -> list[str]:
    """Numbers with a unit (12次, 2.3万元, 98.6%, 百分之五) starting a word and ending one, or with the unit
    starting one (9个村: jieba cut 9 | 个村), outside short quoted slogans and `data_not` phrases (四个意识)."""
    found = []
    masks = hits.every("data_not")
    for regex in (_quantity_regex(tuple(lexicons.raw.get("units") or ())), lexicons.regex("data_patterns")):
        if regex is None:
            continue
        text, at = words.text, words.at
        for match in regex.finditer(text):
            i = at.get(match.start())
            if i is None or (match.start() and text[match.start() - 1] in NOT_BEFORE_NUMBER):
                continue
            unit = match.start("unit") if "unit" in regex.groupindex else -1
            if match.end() not in at and unit not in at:
                continue
            j = bisect_left(words.starts, match.end())
            if any(0 < words.quote[k] <= SHORT_QUOTE for k in range(i, j)):
                continue
            if any(a < j and i < b for a, b in masks):
                continue
            found.append(match.group(0))
    return found


def signals_of(words: Words, lexicons: Lexicons, with_blame: bool = True) -> dict:
    hits = lexicons.words.scan(words)
    person = first_person(words, hits)
    owner = blame(words, hits, person) if with_blame else NO_BLAME
    data, cases = quantities(words, hits, lexicons), examples(words, hits)
    return {
        "data": data,
        "examples": cases,
        "first_person": person.phrases,
        "acts": personal_acts(words, hits, person),
        "collective": hits.find("collective_subjects"),
        "empty_words": stock_phrases(words, hits, concrete=bool(data), cases=cases),
        "blame": owner.kind,
        "others": owner.others,
        "self_exam": owner.self_exam,
    }


def sentence_signals(sentence, lexicons: Lexicons, with_blame: bool = True) -> dict:
    """The signals of one sentence (a spaCy Span of a segmented Doc); without blame ("none") when the caller
    knows the sentence states no shortcoming that matters (the pipeline reads blame on problem sentences)."""
    return signals_of(Words.of(sentence), lexicons, with_blame)


def with_learned_signals(found: list[dict], texts: list[str], blame_read: list[bool] | None = None) -> list[dict]:
    """What the learned models add where the rules found nothing (one batch, hashed once): stock sentences,
    concrete cases, and blame on others in the sentences whose blame was read (`blame_read`, all by default).
    The phrase shown is the sentence's first clause."""
    blame_read = [True] * len(found) if blame_read is None else blame_read
    for name, flags in learned_flags(texts).items():
        for k in np.flatnonzero(flags):
            if learned_opening(name, found[k], blame_read[k], texts[k]):
                found[k] |= learned_part(name, first_clause(texts[k]))
    return found


def learned_opening(name: str, signals: dict, blame_read: bool, text: str) -> bool:
    """Whether a learned model may add its signal to a sentence: the rules found none there; blame only where
    it was read, and a run-in heading (一是抓组织建设。) is no stock sentence."""
    if name == "stock_phrase":
        return not signals["empty_words"] and not topic_label(text)
    if name == "examples":
        return not signals["examples"]
    return blame_read and signals["blame"] == "none"


def learned_part(name: str, phrase: str) -> dict:
    """The signals a learned model adds, with `phrase` as what it found."""
    return {"stock_phrase": {"empty_words": [phrase]}, "examples": {"examples": [phrase]},
            "blame_others": {"blame": "others", "others": [phrase]}}[name]


def merged(parts: list[dict]) -> dict:
    """The signals of several sentences read as one (a text the splitter cut in two)."""
    out = {key: [v for part in parts for v in part[key]] for key in SIGNAL_KEYS if key != "blame"}
    kinds = [part["blame"] for part in parts]
    out["blame"] = "self" if "self" in kinds else "others" if "others" in kinds else "none"
    if out["blame"] == "self":
        out["others"] = []
    elif out["blame"] == "others":
        out["self_exam"] = []
    return out


def text_signals(text: str, lexicons: Lexicons, learned: bool = True) -> dict:
    """The signals of a text read as a one-paragraph report (for tests and benchmarks); `learned`: with what the
    learned models add to the rules."""
    from checker.read.document import Block, Document
    from checker.segment import segment

    doc = segment(Document(path="", blocks=[Block(text=text)]))
    sents = list(doc.sents)
    found = [sentence_signals(s, lexicons) for s in sents]
    return merged(with_learned_signals(found, [s.text for s in sents]) if learned else found)


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
