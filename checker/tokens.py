"""Tokens: spaCy's blank Chinese pipeline with the jieba segmenter (no model download)."""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def nlp():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def tokenize_many(texts: list[str]) -> list[tuple[str, ...]]:
    tokenizer = nlp().tokenizer
    return [tuple(t.text for t in tokenizer(text) if not t.is_space) for text in texts]
