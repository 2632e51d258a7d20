"""The shuzhi_classifier component: a label and a probability for every sentence, many reports per model call."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from checker.classify.baseline import HeadingBaseline
from checker.classify.features import sentence_records
from checker.doc import BASELINE_NOTE, sentences, set_span_values


class SentenceClassifier:
    """Assigns Span._.label and Span._.confidence; `model` is any Classifier, or `load()` gives it on first use
    (both set by the Checker). With the heading-keyword baseline each Doc gets a note that the labels are rough."""

    def __init__(self, batch_size: int):
        self.batch_size = batch_size
        self.model = None
        self.load = None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            records = [sentence_records(doc, str(n)) for n, doc in enumerate(batch)]
            flat = [r for report in records for r in report]
            if self.model is None:
                self.model = self.load()
            rows = iter(self.model.predict_proba(flat) if flat else [])
            classes = [str(c) for c in self.model.classes_]
            for doc in batch:
                if isinstance(self.model, HeadingBaseline):
                    doc._.notes = [BASELINE_NOTE]
                spans = sentences(doc)
                chosen = [(row, int(row.argmax())) for _, row in zip(spans, rows)]
                set_span_values(spans, ("label", "confidence"), [(classes[b], float(r[b])) for r, b in chosen])
                yield doc


@Language.factory("shuzhi_classifier", assigns=["span._.label", "span._.confidence", "doc._.notes"],
                  requires=["span._.paragraph"], default_config={"batch_size": 64})
def make_classifier(nlp: Language, name: str, batch_size: int) -> SentenceClassifier:
    return SentenceClassifier(batch_size)
