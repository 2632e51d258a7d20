"""Segment-stage components: the heading tree (shuzhi_sections) and parts of speech (shuzhi_tagger)."""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

from spacy.attrs import IS_SPACE, NORM, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.doc import paragraphs, sentence_bounds
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
    strings = doc.vocab.strings
    columns = doc.to_array([NORM, IS_SPACE])
    norms = [strings[h] for h in columns[:, 0].tolist()]
    spaces = columns[:, 1].tolist() if columns[:, 1].any() else None  # None: no whitespace token
    tags, hashes = doc.to_array(TAG), {}
    at: list[int] = []  # the tagged tokens and their tags' hashes
    found: list[int] = []
    for start, end in sentence_bounds(doc):
        if spaces is None:
            words, texts = range(start, end), norms[start:end]
        else:
            words = [i for i in range(start, end) if not spaces[i]]
            texts = [norms[i] for i in words]
        tagged = tag("".join(texts))
        flags = [hashes.get(flag) or hashes.setdefault(flag, strings.add(flag)) for _, flag in tagged]
        if [word for word, _ in tagged] == texts:  # the tagger cut the same words (most sentences)
            at += words
            found += flags
            continue
        starts, end = [], 0  # each tagged word's first character
        for word, _ in tagged:
            starts.append(end)
            end += len(word)
        position = 0
        for i in words:
            if position < end:
                at.append(i)
                found.append(flags[bisect_right(starts, position) - 1])
            position += len(norms[i])
    tags[at] = np.array(found, dtype=np.uint64)
    doc.from_array([TAG], tags.reshape(-1, 1))
    return doc
