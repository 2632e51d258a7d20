"""Tokens: spaCy's blank Chinese pipeline with the jieba segmenter (no model download).

The sentences of a report go through the tokenizer as one text joined by line ends (jieba never joins
across them), and tokens are handed back to their sentences by offset: one spaCy Doc per report instead
of one per sentence.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def nlp():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def tokenize_many(texts: list[str]) -> list[tuple[str, ...]]:
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    tokens: list[list[str]] = [[] for _ in texts]
    for token in nlp().tokenizer("\n".join(texts)):
        if not token.is_space:
            tokens[bisect_right(starts, token.idx) - 1].append(token.text)
    return [tuple(t) for t in tokens]
