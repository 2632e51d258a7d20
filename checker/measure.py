"""Stage 4, measure: Labeled -> Figures (lengths and label shares; the rules add their own figures)."""

from __future__ import annotations

from checker.structures import LABELS, Figures, Labeled
from checker.textcount import count_with_punct


def label_chars(labeled: Labeled) -> dict[str, int]:
    totals = dict.fromkeys(LABELS, 0)
    for sentence, label in zip(labeled.segmented.sentences, labeled.labels):
        totals[label] += sentence.chars
    return totals


def shares_of(totals: dict[str, int], labels=LABELS) -> dict[str, float]:
    whole = sum(totals[k] for k in labels)
    return {k: (totals[k] / whole if whole else 0.0) for k in labels}


def measure(labeled: Labeled) -> Figures:
    totals = label_chars(labeled)
    paragraphs = labeled.segmented.paragraphs
    return Figures(
        chars=sum(p.chars for p in paragraphs),
        chars_with_punct=sum(count_with_punct(p.text) for p in paragraphs),
        shares=shares_of(totals),
        body_shares=shares_of(totals, ("achievement", "problem", "plan")),
        values={"body_chars": totals["achievement"] + totals["problem"] + totals["plan"]},
    )
