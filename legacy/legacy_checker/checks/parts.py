"""Helpers the checks share: the sentences of a part (achievement / problem / plan) with their signals."""

from __future__ import annotations

from dataclasses import dataclass

from legacy_checker.structures import Figures, Labeled, Sentence

DEFAULT_EVIDENCE_PARTS = ("achievement", "problem")


@dataclass
class Item:
    sentence: Sentence
    label: str
    signals: dict
    heading: bool  # the sentence is (part of) a heading paragraph


def items(labeled: Labeled, figures: Figures, parts=("achievement", "problem", "plan")) -> list[Item]:
    paragraphs = labeled.segmented.paragraphs
    signals = figures.details["signals"]
    return [Item(s, label, signals[s.index], paragraphs[s.paragraph].role == "heading")
            for s, label in zip(labeled.segmented.sentences, labeled.labels) if label in parts]


def paragraphs_of(chosen: list[Item]) -> list[int]:
    return sorted({i.sentence.paragraph for i in chosen})


def chars_of(chosen: list[Item]) -> int:
    return sum(i.sentence.chars for i in chosen)


def counted(phrases: list[str], limit: int = 8) -> str:
    """'进一步×5、切实×3' — the most frequent phrases first."""
    totals: dict[str, int] = {}
    for p in phrases:
        totals[p] = totals.get(p, 0) + 1
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return "、".join(f"{p}×{n}" if n > 1 else p for p, n in ranked)


def per_1000(count: int, chars: int) -> float:
    return round(count * 1000 / chars, 2) if chars else 0.0
