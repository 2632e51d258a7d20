"""Measure-stage components: shuzhi_signals (per body sentence) and shuzhi_figures (per report)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from checker.doc import BODY, sentences, set_span_values, span_values, text_of
from checker.measure.figures import figures_of
from checker.measure.lexicons import Lexicons
from checker.measure.signals import sentence_signals, topic_coverage, with_learned_signals


class SignalTagger:
    """Span._.signals on every body sentence (None elsewhere), read from its words with `lexicons` (set by the
    Checker; their word matcher is compiled once per profile). Blame is read on the problem sentences."""

    def __init__(self):
        self.lexicons: Lexicons | None = None

    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc)
        labels = [label for label, in span_values(sents, "label")]
        body = [s for s, label in zip(sents, labels) if label in BODY]
        blame_read = [label == "problem" for label in labels if label in BODY]
        found = with_learned_signals([sentence_signals(s, self.lexicons, read) for s, read in zip(body, blame_read)],
                                     [text_of(s) for s in body], blame_read)
        set_span_values(sents, ("signals",), [(None,)] * len(sents))
        set_span_values(body, ("signals",), [(signals,) for signals in found])
        return doc


class FigureMaker:
    """Doc._.figures: lengths, shares, signal counts and the coverage of `topics` (set by the Checker)."""

    def __init__(self):
        self.topics: list = []

    def __call__(self, doc: Doc) -> Doc:
        body = [s for s in sentences(doc) if s._.label in BODY]
        doc._.figures = figures_of(doc, topic_coverage(body, self.topics))
        return doc


@Language.factory("shuzhi_signals", assigns=["span._.signals"], requires=["span._.label"])
def make_signals(nlp: Language, name: str) -> SignalTagger:
    return SignalTagger()


@Language.factory("shuzhi_figures", assigns=["doc._.figures"], requires=["span._.label", "span._.signals"])
def make_figures(nlp: Language, name: str) -> FigureMaker:
    return FigureMaker()
