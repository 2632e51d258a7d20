"""A Labeled built from the gold labels of an annotated report (corpus/raw format), without the classifier.

Used by the rule tests and by benchmarks/flag_calibration.py.
"""

from __future__ import annotations

from checker.corpus import RawReport, parse_raw, sentence_rows
from checker.segment import segment
from checker.structures import Labeled


def gold_labeled(report: RawReport) -> Labeled:
    segmented = segment(report.to_document())
    labels = [row["label"] for row in sentence_rows(report, split="")]
    if len(labels) != len(segmented.sentences):
        raise ValueError(f"{report.id}: {len(labels)} gold labels for {len(segmented.sentences)} sentences")
    return Labeled(segmented, labels, [1.0] * len(labels))


def labeled_from_text(body: str, report_id: str = "t") -> Labeled:
    """Annotated paragraphs ('<A>…<P>…' one per line) with a minimal front matter added."""
    return gold_labeled(parse_raw(f"---\nid: {report_id}\n---\n{body.strip()}\n"))
