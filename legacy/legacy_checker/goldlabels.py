"""A Labeled built from the gold labels of an annotated report (corpus/raw format), without the classifier.

Used by the rule tests and by the flag calibration (checker/calibration.py).
"""

from __future__ import annotations

from legacy_checker.corpus import RawReport, gold, parse_raw
from legacy_checker.structures import Labeled


def gold_labeled(report: RawReport) -> Labeled:
    segmented, labels = gold(report, tokenize=True)
    return Labeled(segmented, labels, [1.0] * len(labels))


def labeled_from_text(body: str, report_id: str = "t") -> Labeled:
    """Annotated paragraphs ('<A>…<P>…' one per line) with a minimal front matter added."""
    return gold_labeled(parse_raw(f"---\nid: {report_id}\n---\n{body.strip()}\n"))
