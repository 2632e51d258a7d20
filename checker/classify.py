"""Stage 3, classify: Segmented -> Labeled (a label and a probability for every sentence)."""

from __future__ import annotations

from checker.features import sentence_records
from checker.structures import Labeled, Segmented

REVIEW_THRESHOLD = 0.6  # below this probability a sentence is marked for human review


def classify(segmented: Segmented, classifier) -> Labeled:
    records = sentence_records(segmented)
    if not records:
        return Labeled(segmented, [], [], REVIEW_THRESHOLD)
    classes = list(classifier.classes_)
    labels, confidences = [], []
    for row in classifier.predict_proba(records):
        best = max(range(len(classes)), key=lambda k: row[k])
        labels.append(classes[best])
        confidences.append(float(row[best]))
    return Labeled(segmented, labels, confidences, REVIEW_THRESHOLD)


def relabel(labeled: Labeled, corrections: dict[int, str]) -> Labeled:
    """A copy with some sentence labels set by a person (confidence 1.0)."""
    labels, confidences = list(labeled.labels), list(labeled.confidences)
    for index, label in corrections.items():
        labels[index], confidences[index] = label, 1.0
    return Labeled(labeled.segmented, labels, confidences, labeled.review_threshold)
