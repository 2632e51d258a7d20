"""The report as one spaCy Doc: the extension attributes the pipeline components assign, and helpers to read them.

    doc.spans["paragraphs"]   one span per paragraph (block) of the source, in order
    doc.spans["sections"]     one span per heading, from the heading to the end of its section
    doc.sents                 sentences (set when the Doc is made)
    Doc._.source              the Document that was read (path, title, author, blocks, warnings)
    Span._.role / level / outline / section      on paragraph spans (make_doc, shuzhi_sections)
    Span._.parent / heading                      on section spans (shuzhi_sections)
    Span._.paragraph / number / chars / words    on sentences (make_doc): paragraph index, index in the report,
                                                 字数, its words joined by spaces
    Span._.label / confidence / signals          on sentences (shuzhi_classifier, shuzhi_signals)
    Doc._.figures / flags / verdict / fix_first / profile                (shuzhi_figures, shuzhi_rules)
    Doc._.year / year_source                     the year the report is about and where it was read
                                                 (checker.read.year; None / "" when unknown)
    Doc._.notes                                  what the user should know about how the report was read and
                                                 labelled (parts skipped, no model), Chinese

spaCy keys a span's attributes by its character offsets, so a paragraph holding one sentence shares its key
with that sentence: paragraph, sentence and section attributes therefore never share a name.
"""

from __future__ import annotations

import weakref

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

LABELS = ("achievement", "problem", "plan", "other")
BODY = ("achievement", "problem", "plan")
LABEL_NAMES = {"achievement": "成绩", "problem": "问题", "plan": "打算", "other": "其他"}
REVIEW_THRESHOLD = 0.6  # below this probability a sentence is marked for human review

for _name in ("source", "figures", "flags", "verdict", "fix_first", "profile", "notes", "year", "year_source"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("role", "level", "outline", "section", "parent", "heading", "paragraph", "number", "chars", "words",
              "label", "confidence", "signals"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


BASELINE_NOTE = "未加载分类模型，结果仅供参考（句子分类按标题关键词粗略判断）"


def notes(doc: Doc) -> list[str]:
    return list(doc._.source.warnings) + list(doc._.notes or [])


def paragraphs(doc: Doc):
    return doc.spans["paragraphs"]


def sections(doc: Doc):
    return doc.spans["sections"]


_SENTENCES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> (start, end) of its sentences
_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> doc.text (made from every token)
_NORMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> normalised text of each sentence
_TOKENS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Doc -> the text of each token


def sentences(doc: Doc) -> list[Span]:
    """The sentences, their bounds read once per Doc (each doc.sents makes a Token of every token)."""
    return [Span(doc, start, end) for start, end in sentence_bounds(doc)]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token of each sentence, without a Span for each."""
    bounds = _SENTENCES.get(doc)
    if bounds is None:
        bounds = _SENTENCES[doc] = [(s.start, s.end) for s in doc.sents]
    return bounds


def keep_sentences(doc: Doc, bounds: list[tuple[int, int]], norms: list[str] | None = None,
                   text: str | None = None) -> None:
    """Tell `sentences` the Doc's sentences (make_doc knows them), `kept_norms` their normalised texts
    (checker.segment.normalize.normalized of each sentence's text) and `text_of` the Doc's text (its words and
    spaces joined, as doc.text would join them token by token). Bounds, not Spans: a Span holds its Doc, which
    would then never leave the weak dictionary."""
    _SENTENCES[doc] = bounds
    if norms is not None:
        _NORMS[doc] = norms
    if text is not None:
        _TEXTS[doc] = text


def kept_norms(doc: Doc) -> list[str] | None:
    """The normalised text of each sentence as make_doc made them, or None (a copied Doc, for one)."""
    return _NORMS.get(doc)


def span_values(spans, *names: str) -> list[tuple]:
    """The values of some span attributes (none has a default but None) of each span, read from the Doc's
    user_data as span._ keys them; span._.x makes an Underscore object at every read."""
    if not spans:
        return []
    data = spans[0].doc.user_data
    return [tuple(data.get(("._.", name, s.start_char, s.end_char)) for name in names) for s in spans]


def set_span_values(spans, names: tuple[str, ...], rows) -> None:
    """Set some span attributes of each span (one row of values per span, in the order of names) where span._
    keeps them, as span_values reads them."""
    if not spans:
        return
    data = spans[0].doc.user_data
    for s, row in zip(spans, rows):
        start, end = s.start_char, s.end_char
        for name, value in zip(names, row):
            data["._.", name, start, end] = value


def token_texts(doc: Doc) -> list[str]:
    """token.text of every token, read once per Doc from its ORTH column (no Token objects)."""
    texts = _TOKENS.get(doc)
    if texts is None:
        strings = doc.vocab.strings
        texts = _TOKENS[doc] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return texts


def text_of(span: Span) -> str:
    """span.text, cut from the Doc's text made once (span.text makes a Token of every token)."""
    text = _TEXTS.get(span.doc)
    if text is None:
        text = _TEXTS[span.doc] = span.doc.text
    return text[span.start_char:span.end_char]


def paragraph_text(doc: Doc, index: int) -> str:
    """A paragraph's text as the file has it (the Doc keeps one space where the source had any whitespace)."""
    return doc._.source.blocks[index].text


def section_title(doc: Doc, section: int | None) -> str:
    """The heading text that opens a section ('' for None)."""
    return paragraph_text(doc, sections(doc)[section]._.heading) if section is not None else ""


def heading_of(doc: Doc, paragraph: int) -> str:
    """Title of the innermost section holding a paragraph ('' when none)."""
    return section_title(doc, paragraphs(doc)[paragraph]._.section)


def in_heading(doc: Doc, sentence: Span) -> bool:
    return paragraphs(doc)[sentence._.paragraph]._.role == "heading"


def needs_review(sentence: Span) -> bool:
    """The classifier is too unsure of this sentence's label: a person should look at it."""
    return sentence._.confidence is not None and sentence._.confidence < REVIEW_THRESHOLD


def paragraph_sentences(doc: Doc, index: int) -> list[Span]:
    return list(paragraphs(doc)[index].sents)


def paragraph_label(doc: Doc, index: int) -> tuple[str, float]:
    """Character-weighted majority label of a paragraph and the mean confidence of that label's sentences."""
    weights: dict[str, float] = {}
    confidences: dict[str, list[float]] = {}
    for s in paragraph_sentences(doc, index):
        weights[s._.label] = weights.get(s._.label, 0) + max(s._.chars, 1)
        confidences.setdefault(s._.label, []).append(s._.confidence)
    if not weights:
        return "other", 1.0
    label = max(weights, key=weights.get)
    return label, sum(confidences[label]) / len(confidences[label])


def labelled(doc: Doc, parts=BODY) -> list[Span]:
    """The sentences whose label is one of `parts`, in order."""
    return [s for s in sentences(doc) if s._.label in parts]
