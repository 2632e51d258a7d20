"""The fitted model's feature matrix with each distinct text hashed once.

The columns read as character n-grams (the sentence, its neighbours, its headings, its opener) mostly hold the
same strings: prev and next are the sentences one row up and down, every sentence under a heading repeats it.
The fitted ColumnTransformer would hash each column on its own; here every distinct string of those columns is
hashed once into character 1-2-grams at the sentence's width, and a narrower column takes those counts folded
onto its width (HashingVectorizer's index is the hash modulo a power of two, so modulo a smaller power of two it
is the narrower vectorizer's index). The sentence's own 3-grams are added for its column. The counts are the
vectorizers' own, so the matrix is the ColumnTransformer's, value for value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import clone


def features(columns, X: pd.DataFrame):
    """What the fitted ColumnTransformer `columns` gives for X."""
    steps = [(name, pipe, column) for name, pipe, column in columns.transformers_ if name != "remainder"]
    counts = _shared_counts(steps, X)
    blocks = []
    for name, pipe, column in steps:
        found = counts.get(name)
        block = pipe.transform(X[column]) if found is None else pipe.named_steps["tfidf"].transform(found)
        weight = (columns.transformer_weights or {}).get(name)
        blocks.append(block if weight is None else block * weight)
    return sparse.hstack(blocks).tocsr()


def _shared_counts(steps, X: pd.DataFrame) -> dict:
    """Step name -> its hashed counts, for the character steps whose vectorizer differs from the widest one's
    only in its width (a power of two no wider) and n-gram range ((1, 2), or (1, 3) for the widest's own)."""
    widest = max((pipe.named_steps["hash"] for _, pipe, _ in steps if _chars(pipe)), key=lambda h: h.n_features,
                 default=None)
    if widest is None:
        return {}
    pairs = clone(widest).set_params(ngram_range=(1, 2))
    shared = [(name, column, pipe.named_steps["hash"]) for name, pipe, column in steps
              if _chars(pipe) and _foldable(pipe.named_steps["hash"], pairs)]
    if not shared:
        return {}
    codes, texts = pd.factorize(pd.concat([X[column] for _, column, _ in shared], ignore_index=True))
    codes = codes.reshape(len(shared), len(X))
    grams = pairs.transform(texts)
    folded: dict[int, sparse.csr_matrix] = {}
    counts = {}
    for (name, column, vectorizer), rows in zip(shared, codes):
        width = vectorizer.n_features
        if width not in folded:
            folded[width] = _fold(grams, width)
        counts[name] = folded[width][rows]
        if vectorizer.ngram_range == (1, 3):
            counts[name] = counts[name] + clone(widest).set_params(ngram_range=(3, 3)).transform(X[column])
    return counts


def _chars(pipe) -> bool:
    return "hash" in getattr(pipe, "named_steps", {}) and pipe.named_steps["hash"].analyzer == "char"


def _foldable(vectorizer, pairs) -> bool:
    """The analyzer of `pairs`; a power-of-two width dividing its width; 1-2-grams, or 1-3 at its full width."""
    width, grams = vectorizer.n_features, vectorizer.ngram_range
    return (_analyzer(vectorizer) == _analyzer(pairs) and width & (width - 1) == 0 and pairs.n_features % width == 0
            and (grams == (1, 2) or grams == (1, 3) and width == pairs.n_features))


def _analyzer(vectorizer) -> dict:
    return {k: v for k, v in vectorizer.get_params().items() if k not in ("n_features", "ngram_range")}


def _fold(grams, width: int):
    if width == grams.shape[1]:
        return grams
    folded = sparse.csr_matrix((grams.data.copy(), grams.indices % width, grams.indptr.copy()),
                               shape=(grams.shape[0], width))  # sum_duplicates works in place
    folded.sum_duplicates()
    return folded
