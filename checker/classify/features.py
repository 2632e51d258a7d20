"""One record per sentence: its text and words, plus its context (heading, neighbours) and its report."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from checker.doc import heading_of, paragraphs

COLUMNS = ["text", "tokens", "heading", "prev", "next", "report"]


def with_context(rows: list[dict], report: str) -> list[dict]:
    """Add prev/next/report to the rows of one report, in order; rows hold text, tokens, heading, role, chars."""
    return [
        row | {
            "prev": rows[i - 1]["text"] if i > 0 else "",
            "next": rows[i + 1]["text"] if i + 1 < len(rows) else "",
            "report": report,
        }
        for i, row in enumerate(rows)
    ]


def sentence_records(doc: Doc, report: str = "") -> list[dict]:
    spans = paragraphs(doc)
    rows = []
    for s in doc.sents:
        role = spans[s._.paragraph]._.role
        rows.append({
            "text": s.text,
            "tokens": s._.words,
            "heading": heading_of(doc, s._.paragraph) if role != "heading" else s.text,
            "role": role,
            "chars": s._.chars,
        })
    return with_context(rows, report or doc._.source.path)


def frame(records: list[dict]) -> pd.DataFrame:
    """Sentence records as the classifier's input table (X)."""
    return pd.DataFrame.from_records(records, columns=COLUMNS + ["role", "chars"])
