"""Stage 3, classify: Segmented -> Labeled (a label and a probability for every sentence)."""

from __future__ import annotations

from legacy_checker.features import sentence_records
from legacy_checker.structures import Labeled, Segmented

REVIEW_THRESHOLD = 0.6  # below this probability a sentence is marked for human review


def classify(segmented: Segmented, classifier) -> Labeled:
    return classify_many([segmented], classifier)[0]


def classify_many(segmented: list[Segmented], classifier) -> list[Labeled]:
    """Several reports in one classifier call (same labels; far less per-call overhead in scikit-learn)."""
    records = [sentence_records(s) for s in segmented]
    rows = iter(classifier.predict_proba([r for report in records for r in report]) if any(records) else [])
    classes = list(classifier.classes_)
    labeled = []
    for report, report_records in zip(segmented, records):
        labels, confidences = [], []
        for row in (next(rows) for _ in report_records):
            best = max(range(len(classes)), key=lambda k: row[k])
            labels.append(classes[best])
            confidences.append(float(row[best]))
        labeled.append(Labeled(report, labels, confidences, REVIEW_THRESHOLD))
    return labeled


def relabel(labeled: Labeled, corrections: dict[int, str]) -> Labeled:
    """A copy with some sentence labels set by a person (confidence 1.0)."""
    labels, confidences = list(labeled.labels), list(labeled.confidences)
    for index, label in corrections.items():
        labels[index], confidences[index] = label, 1.0
    return Labeled(labeled.segmented, labels, confidences, labeled.review_threshold)
