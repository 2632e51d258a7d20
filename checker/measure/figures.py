"""Figures: lengths, label shares and the signal counts the checks judge (Doc._.figures)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from checker.doc import BODY, LABELS, paragraph_text, paragraphs, sentences, span_values
from checker.textcount import count_chars, count_with_punct


@dataclass
class Figures:
    chars: int
    chars_with_punct: int
    shares: dict[str, float]  # of all counted characters
    body_shares: dict[str, float]  # of 成绩 + 问题 + 打算
    values: dict[str, float] = field(default_factory=dict)  # key figures, shown and used by the checks
    topics: list[dict] = field(default_factory=list)  # coverage of the profile's content points


def label_chars(doc: Doc) -> dict[str, int]:
    totals = dict.fromkeys(LABELS, 0)
    for label, chars in span_values(sentences(doc), "label", "chars"):
        totals[label] += chars
    return totals


def shares_of(totals: dict[str, int], labels=LABELS) -> dict[str, float]:
    whole = sum(totals[k] for k in labels)
    return {k: (totals[k] / whole if whole else 0.0) for k in labels}


def signal_values(doc: Doc) -> dict[str, float]:
    body = [(chars, sig) for label, chars, sig in span_values(sentences(doc), "label", "chars", "signals")
            if label in BODY]
    signals = [sig for _, sig in body]
    body_chars = sum(chars for chars, _ in body)
    empty = sum(len(sig["empty_words"]) for sig in signals)
    return {
        "data_points": sum(len(sig["data"]) for sig in signals),
        "data_sentences": sum(bool(sig["data"]) for sig in signals),
        "examples": sum(len(sig["examples"]) for sig in signals),
        "first_person_sentences": sum(bool(sig["first_person"]) for sig in signals),
        "first_person_acts": sum(bool(sig["first_person"] and sig["acts"]) for sig in signals),
        "collective_sentences": sum(bool(sig["collective"] and not sig["first_person"]) for sig in signals),
        "empty_words": empty,
        "empty_words_per_1000": round(empty * 1000 / body_chars, 2) if body_chars else 0.0,
    }


def figures_of(doc: Doc, topics: list[dict]) -> Figures:
    totals = label_chars(doc)
    shares = shares_of(totals)
    count = len(paragraphs(doc))
    values = {"body_chars": totals["achievement"] + totals["problem"] + totals["plan"],
              "achievement_share": round(shares["achievement"], 4), **signal_values(doc)}
    if topics:
        values["topics_covered"] = sum(t["covered"] for t in topics)
        values["topics_total"] = len(topics)
    return Figures(
        chars=sum(count_chars(paragraph_text(doc, i)) for i in range(count)),
        chars_with_punct=sum(count_with_punct(paragraph_text(doc, i)) for i in range(count)),
        shares=shares, body_shares=shares_of(totals, BODY), values=values, topics=topics,
    )
