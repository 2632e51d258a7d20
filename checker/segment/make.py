"""Document -> Doc: paragraphs split into sentences, sentences into words (checker.segment.tokens).

The Doc's text is the source's. Words are cut from each sentence's normalised text (checker.segment.normalize:
full-width punctuation, no stray spaces inside Chinese) and mapped back onto the source, so a token's text is
what the file says ("党 员") and its norm what the words are ("党员"). Every sentence and paragraph boundary
is a token boundary; whitespace between sentences and paragraphs becomes one trailing space. Each paragraph
is a span of doc.spans["paragraphs"] with its role (title, author, heading, body), heading level and outline
number; each sentence knows its paragraph, its 字数 and its words (the norms, joined by spaces).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import NORM
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from checker.doc import keep_sentences
from checker.limits import check_deadline
from checker.read.document import Document
from checker.read.year import report_year
from checker.segment.sentences import split_sentences
from checker.segment.normalize import normalize
from checker.segment.tokens import cut
from checker.textcount import count_chars


def role_of(document: Document, index: int) -> str:
    if index == document.title_block:
        return "title"
    if index == document.author_block:
        return "author"
    return "heading" if document.blocks[index].heading_level else "body"


def make_doc(document: Document, vocab: Vocab) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    norms: list[str] = []
    paragraph_tokens: list[tuple[int, int]] = []
    sentence_info: list[tuple[int, int, int, int, str]] = []  # (start, end, paragraph, 字数, words) of each
    for index, block in enumerate(document.blocks):
        first, cursor = len(words), 0
        for piece in split_sentences(block.text):
            check_deadline()
            at = block.text.find(piece, cursor)
            if at > cursor and words and len(words) > first:
                spaces[-1] = True  # whitespace between two sentences
            cursor = at + len(piece)
            begin = len(words)
            _add_sentence(sentence_words(piece), words, spaces, starts, norms)
            joined = " ".join(n for w, n in zip(words[begin:], norms[begin:]) if not w.isspace())
            sentence_info.append((begin, len(words), index, count_chars(piece), joined))
        if len(words) > first:
            spaces[-1] = True
            paragraph_tokens.append((first, len(words)))
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    # always: spaCy's default norm would turn ，“” into ,"" and … into ...
    doc.from_array([NORM], np.array([vocab.strings.add(n) for n in norms], dtype=np.uint64))
    doc._.source = document
    doc._.year, doc._.year_source = report_year(document)
    spans = []
    for index, ((start, end), block) in enumerate(zip(paragraph_tokens, document.blocks)):
        span = Span(doc, start, end)
        role = role_of(document, index)
        span._.role, span._.outline = role, block.outline
        span._.level = block.heading_level if role == "heading" else 0
        spans.append(span)
    doc.spans["paragraphs"] = spans
    for number, (start, end, paragraph, chars, joined) in enumerate(sentence_info):
        sentence = Span(doc, start, end)
        sentence._.paragraph, sentence._.number, sentence._.chars, sentence._.words = paragraph, number, chars, joined
    keep_sentences(doc, [(start, end) for start, end, *_ in sentence_info])
    return doc


def sentence_words(piece: str) -> list[tuple[str, str]]:
    """(source text, normalised text) of each word of a sentence, and of the whitespace between words that the
    normalised text dropped; the source texts in order make up the piece."""
    norm, where = normalize(piece)
    out, position, previous_end = [], 0, 0
    for token in cut(norm):
        start, end = position, position + len(token)
        position = end
        raw_start, raw_end = where[start], where[end - 1] + 1
        if raw_start > previous_end:
            gap = piece[previous_end:raw_start]
            out.append((gap, gap))
        out.append((piece[raw_start:raw_end], token))
        previous_end = raw_end
    return out


def _add_sentence(pairs: list[tuple[str, str]], words: list[str], spaces: list[bool], starts: list[bool],
                  norms: list[str]) -> None:
    begin = len(words)
    for word, norm in pairs:
        if word.isspace():
            if word == " " and len(words) > begin and not spaces[-1]:
                spaces[-1] = True
            elif len(words) > begin:
                words.append(word)
                spaces.append(False)
                starts.append(False)
                norms.append(word)
            continue
        words.append(word)
        spaces.append(False)
        starts.append(len(words) - 1 == begin)
        norms.append(norm)
