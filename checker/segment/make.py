"""Document -> Doc: paragraphs split into sentences, sentences into words (checker.segment.tokens).

Every sentence and paragraph boundary is a token boundary. Whitespace between sentences and paragraphs becomes
one trailing space; whitespace inside a sentence is kept (as spaCy whitespace tokens where it is more than one
space). Each paragraph is a span of doc.spans["paragraphs"] with its role (title, author, heading, body),
heading level and outline number; each sentence knows its paragraph, its 字数 and its words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

import checker.doc  # noqa: F401  (registers the extension attributes)
from checker.limits import check_deadline
from checker.read.document import Document
from checker.segment.sentences import split_sentences
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
    paragraph_tokens: list[tuple[int, int]] = []
    sentence_info: list[tuple[int, int, str]] = []  # (paragraph, 字数, words) of each sentence
    for index, block in enumerate(document.blocks):
        first, cursor = len(words), 0
        for piece in split_sentences(block.text):
            check_deadline()
            at = block.text.find(piece, cursor)
            if at > cursor and words and len(words) > first:
                spaces[-1] = True  # whitespace between two sentences
            cursor = at + len(piece)
            tokens = cut(piece)
            _add_sentence(tokens, words, spaces, starts)
            sentence_info.append((index, count_chars(piece), " ".join(t for t in tokens if not t.isspace())))
        if len(words) > first:
            spaces[-1] = True
            paragraph_tokens.append((first, len(words)))
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    doc._.source = document
    spans = []
    for index, ((start, end), block) in enumerate(zip(paragraph_tokens, document.blocks)):
        span = Span(doc, start, end)
        role = role_of(document, index)
        span._.role, span._.outline = role, block.outline
        span._.level = block.heading_level if role == "heading" else 0
        spans.append(span)
    doc.spans["paragraphs"] = spans
    for number, (sentence, (paragraph, chars, joined)) in enumerate(zip(doc.sents, sentence_info)):
        sentence._.paragraph, sentence._.number, sentence._.chars, sentence._.words = paragraph, number, chars, joined
    return doc


def _add_sentence(tokens: list[str], words: list[str], spaces: list[bool], starts: list[bool]) -> None:
    begin = len(words)
    for token in tokens:
        if token.isspace():
            if token == " " and len(words) > begin and not spaces[-1]:
                spaces[-1] = True
            elif len(words) > begin:
                words.append(token)
                spaces.append(False)
                starts.append(False)
            continue
        words.append(token)
        spaces.append(False)
        starts.append(len(words) - 1 == begin)
