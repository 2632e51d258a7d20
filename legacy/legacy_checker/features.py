"""Turn a report into one record per sentence: the text plus its context (heading, neighbours, position)."""

from __future__ import annotations

from legacy_checker.structures import Segmented


def with_context(rows: list[dict]) -> list[dict]:
    """Add prev/next/position to rows of one report in order; rows hold text, tokens, heading, role, chars."""
    total = max(len(rows) - 1, 1)
    return [
        row | {
            "prev": rows[i - 1]["text"] if i > 0 else "",
            "next": rows[i + 1]["text"] if i + 1 < len(rows) else "",
            "position": i / total,
        }
        for i, row in enumerate(rows)
    ]


def sentence_records(segmented: Segmented) -> list[dict]:
    rows = []
    for s in segmented.sentences:
        paragraph = segmented.paragraphs[s.paragraph]
        rows.append({
            "text": s.text,
            "tokens": " ".join(s.tokens),
            "heading": segmented.heading_of(s.paragraph) if paragraph.role != "heading" else s.text,
            "role": paragraph.role,
            "chars": s.chars,
        })
    return with_context(rows)
