"""What the checks share: the sentences of some parts (成绩 / 问题 / 打算) and small formatting helpers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from checker.doc import BODY, paragraphs

DEFAULT_EVIDENCE_PARTS = ("achievement", "problem")


@dataclass(frozen=True)
class Item:
    """A sentence of the report with what the checks read of it."""

    sentence: Span
    heading: bool  # the sentence is (part of) a heading paragraph

    @property
    def label(self) -> str:
        return self.sentence._.label

    @property
    def signals(self) -> dict:
        return self.sentence._.signals

    @property
    def paragraph(self) -> int:
        return self.sentence._.paragraph

    @property
    def chars(self) -> int:
        return self.sentence._.chars

    @property
    def text(self) -> str:
        return self.sentence.text


def items(doc: Doc, parts=BODY) -> list[Item]:
    spans = paragraphs(doc)
    return [Item(s, spans[s._.paragraph]._.role == "heading") for s in doc.sents if s._.label in parts]


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
