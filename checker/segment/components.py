"""Segment-stage components: the heading tree (shuzhi_sections) and parts of speech (shuzhi_tagger)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.doc import paragraphs
from checker.segment.tokens import tag


@Language.component("shuzhi_sections", assigns=["doc.spans", "span._.section", "span._.parent", "span._.heading"],
                    requires=["doc.spans"])
def sections(doc: Doc) -> Doc:
    """Headings open sections; a heading closes the open sections of its level or deeper."""
    spans = paragraphs(doc)
    opened: list[int] = []  # stack of section indexes, outermost first
    heads: list[tuple[int, int, int | None]] = []  # (heading paragraph, level, parent)
    last: list[int] = []  # last paragraph inside each section (nested ones included)
    for index, paragraph in enumerate(spans):
        level = paragraph._.level
        if level:
            while opened and heads[opened[-1]][1] >= level:
                opened.pop()
            heads.append((index, level, opened[-1] if opened else None))
            last.append(index)
            opened.append(len(heads) - 1)
        for section in opened:
            last[section] = index
        paragraph._.section = opened[-1] if opened else None
    groups = []
    for (heading, _, parent), end in zip(heads, last):
        span = Span(doc, spans[heading].start, spans[end].end)
        span._.heading, span._.parent = heading, parent
        groups.append(span)
    doc.spans["sections"] = groups
    return doc


@Language.component("shuzhi_tagger", assigns=["token.tag"])
def tagger(doc: Doc) -> Doc:
    """jieba's part-of-speech tag of each word (tagged on the sentence's normalised words): the tag of the
    tagged word covering the word's first character."""
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        text = "".join(t.norm_ for t in words)
        owner: list[str] = [""] * len(text)
        position = 0
        for word, flag in tag(text):
            owner[position:position + len(word)] = [flag] * len(word)
            position += len(word)
        position = 0
        for token in words:
            if position < len(owner):
                token.tag_ = owner[position]
            position += len(token.norm_)
    return doc
