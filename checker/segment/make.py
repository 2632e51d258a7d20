"""Document -> Doc: paragraphs split into sentences, sentences into words (checker.segment.tokens).

The Doc's text is the source's. Words are cut from each sentence's normalised text (checker.segment.normalize:
full-width punctuation, no stray spaces inside Chinese) and mapped back onto the source, so a token's text is
what the file says ("党 员") and its norm what the words are ("党员"). Every sentence and paragraph boundary
is a token boundary; whitespace between sentences and paragraphs becomes one trailing space. Each paragraph
is a span of doc.spans["paragraphs"] with its role (title, author, heading, body), heading level and outline
number; each sentence knows its paragraph, its 字数 and its words (the norms, joined by spaces).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, NORM, ORTH, SENT_START
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from checker.doc import keep_sentences
from checker.limits import check_deadline
from checker.read.document import Document
from checker.read.year import report_year
from checker.segment.sentences import split_sentences
from checker.segment.normalize import normalize, plain
from checker.segment.tokens import cut
from checker.textcount import count_chars

SPACE = re.compile(r"\s")


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
    sentence_norms: list[str] = []  # normalised text of each
    for index, block in enumerate(document.blocks):
        first, cursor = len(words), 0
        for piece in split_sentences(block.text):
            check_deadline()
            at = block.text.find(piece, cursor)
            if at > cursor and len(words) > first:
                spaces[-1] = True  # whitespace between two sentences
            cursor = at + len(piece)
            begin = len(words)
            norm = plain(piece)
            if norm is None and not SPACE.search(piece):
                norm = normalize(piece)[0]  # no whitespace to drop: as long as the piece
            if norm is not None:  # normalised character for character: the words map onto the piece one to one
                tokens = cut(norm)
                words += tokens if norm == piece else _source_words(piece, tokens)
                norms += tokens
                spaces += [False] * len(tokens)
                starts += [True] + [False] * (len(tokens) - 1)
                joined = " ".join(tokens)
            else:
                norm, pairs = sentence_words(piece)
                _add_sentence(pairs, words, spaces, starts, norms)
                joined = " ".join(n for w, n in zip(words[begin:], norms[begin:]) if not w.isspace())
            sentence_info.append((begin, len(words), index, count_chars(piece), joined))
            sentence_norms.append(norm)
        if len(words) > first:
            spaces[-1] = True
            paragraph_tokens.append((first, len(words)))
    doc = Doc(vocab, words=words, spaces=spaces)
    # the sentence starts as Doc(sent_starts=starts) sets them (1 / -1 as int32 read as uint64), without its
    # Python loop over the tokens
    doc.from_array([SENT_START], np.where(np.array(starts, dtype=bool), 1, -1).astype(np.int32).astype(np.uint64))
    # always: spaCy's default norm would turn ，“” into ,"" and … into ...; a word's own text is in the
    # StringStore already (its ORTH), the other norms are added
    hashes = doc.to_array(ORTH)
    add = vocab.strings.add
    for i, (word, norm) in enumerate(zip(words, norms)):
        if word != norm:
            hashes[i] = add(norm)
    doc.from_array([NORM], hashes)
    doc._.source = document
    doc._.year, doc._.year_source = report_year(document)
    # span attributes written where span._ keeps them (user_data keyed by character offsets), in the order
    # span._ would write them; a Span and an Underscore per attribute cost more than the rest of the Doc
    idx, data, spans = doc.to_array(IDX).tolist(), doc.user_data, []
    for index, ((start, end), block) in enumerate(zip(paragraph_tokens, document.blocks)):
        spans.append(Span(doc, start, end))
        role = role_of(document, index)
        key = idx[start], idx[end - 1] + len(words[end - 1])
        data["._.", "role", *key] = role
        data["._.", "outline", *key] = block.outline
        data["._.", "level", *key] = block.heading_level if role == "heading" else 0
    doc.spans["paragraphs"] = spans
    for number, (start, end, paragraph, chars, joined) in enumerate(sentence_info):
        key = idx[start], idx[end - 1] + len(words[end - 1])
        data["._.", "paragraph", *key] = paragraph
        data["._.", "number", *key] = number
        data["._.", "chars", *key] = chars
        data["._.", "words", *key] = joined
    text = "".join(w + " " if space else w for w, space in zip(words, spaces))
    keep_sentences(doc, [(start, end) for start, end, *_ in sentence_info], sentence_norms, text)
    return doc


def _source_words(piece: str, tokens: list[str]) -> list[str]:
    """The piece cut where its normalised text (as long, character by character) was cut into tokens."""
    out, position = [], 0
    for token in tokens:
        out.append(piece[position:position + len(token)])
        position += len(token)
    return out


def sentence_words(piece: str) -> tuple[str, list[tuple[str, str]]]:
    """The sentence's normalised text, and (source text, normalised text) of each of its words and of the
    whitespace between words that the normalised text dropped; the source texts in order make up the piece."""
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
    return norm, out


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
