"""What the checks share: the sentences of some parts (成绩 / 问题 / 打算) and small formatting helpers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from checker.doc import BODY, paragraphs, sentences, span_values, text_of
from checker.measure.words import Words

DEFAULT_EVIDENCE_PARTS = ("achievement", "problem")


@dataclass(frozen=True)
class Item:
    """A sentence of the report with what the checks read of it."""

    sentence: Span
    label: str
    signals: dict | None
    paragraph: int
    chars: int
    text: str
    heading: bool  # the sentence is (part of) a heading paragraph

    @property
    def key(self) -> int:
        return self.sentence.start


class Report:
    """What the checks read of one Doc, gathered once: every sentence as an Item, the figures, the Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.figures = doc._.figures
        roles = span_values(paragraphs(doc), "role")
        spans = sentences(doc)
        self.sentences = [Item(s, label, signals, paragraph, chars, text_of(s), roles[paragraph][0] == "heading")
                          for s, (label, signals, paragraph, chars)
                          in zip(spans, span_values(spans, "label", "signals", "paragraph", "chars"))]
        self._made: dict = {}

    def once(self, key: str, make):
        """What several rules read of the report (`key` names it): make() for the first that asks, then the same."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def items(self, parts=BODY) -> list[Item]:
        return [i for i in self.sentences if i.label in parts]

    def words(self, item: Item) -> Words:
        """The sentence's words (checker.measure.words; made once per Doc and sentence)."""
        return Words.of(item.sentence)


def source_range(item: Item, start: int, end: int) -> tuple[int, int]:
    """Characters start..end of a sentence's normalised text (Words.text) as characters of its own text (the
    source's: 党 员 where the words read 党员)."""
    where: list[int] = []
    base = item.sentence.start_char
    for token in item.sentence:
        if not token.is_space:
            offsets = [token.idx - base + k for k, ch in enumerate(token.text) if not ch.isspace()]
            where += (offsets + offsets[-1:] * len(token.norm_))[:len(token.norm_)]
    return where[start], where[end - 1] + 1


def paragraphs_of(chosen: list[Item]) -> list[int]:
    return sorted({i.paragraph for i in chosen})


def chars_of(chosen: list[Item]) -> int:
    return sum(i.chars for i in chosen)


def counted(phrases: list[str], limit: int = 8) -> str:
    """'进一步×5、切实×3' — the most frequent phrases first."""
    totals: dict[str, int] = {}
    for p in phrases:
        totals[p] = totals.get(p, 0) + 1
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return "、".join(f"{p}×{n}" if n > 1 else p for p, n in ranked)


def per_1000(count: int, chars: int) -> float:
    return round(count * 1000 / chars, 2) if chars else 0.0
