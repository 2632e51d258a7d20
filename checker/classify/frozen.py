"""The sentence classifier at run time: the fitted SentenceModel (checker.training.model) as plain arrays, run
with numpy only.

The features are scikit-learn's HashingVectorizer counts per block (murmurhash3_32 with seed 0 of each n-gram's
UTF-8, index |hash| mod the block's width, no alternate sign), then its TfidfTransformer (sublinear tf, idf, l2
norm) and the block's weight; then the multinomial logistic regression, then the tempered HMM along each report.
The arithmetic follows scikit-learn's step by step in float32, so the probabilities are the fitted model's.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from itertools import chain

import numpy as np
from murmurhash.mrmr import hash as murmurhash3_32

from checker.classify.features import as_frame
from checker.classify.sequence import TemperedHMM, report_bounds

FORMAT = 1
_WHITE_SPACES = re.compile(r"\s\s+")  # HashingVectorizer's char analyzer writes each run as one space
_INT_MIN_ABS = 2**31  # |murmurhash3_32| of INT_MIN, for which HashingVectorizer has its own index


@dataclass(frozen=True)
class Block:
    """One tf-idf block of the features: the char or word n-grams of a column, hashed into `width` columns."""

    name: str
    column: str
    analyzer: str  # "char" or "word"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: str
    width: int
    weight: float

    @property
    def units(self) -> tuple:
        """What decides a text's n-grams besides n: blocks alike in it share them."""
        return self.analyzer, self.lowercase, self.token_pattern

    def grams(self, text: str, n: int) -> list[str]:
        text = text.lower() if self.lowercase else text
        if self.analyzer == "char":
            text = _WHITE_SPACES.sub(" ", text)
            return [text[i:i + n] for i in range(len(text) - n + 1)]
        tokens = re.findall(self.token_pattern, text)
        return tokens if n == 1 else [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


class FrozenModel:
    """P(label | sentence, context), smoothed along each report; follows checker.classify.store.Classifier."""

    def __init__(self, classes, blocks: list[Block], idf: list[np.ndarray], coef: np.ndarray,
                 intercept: np.ndarray, sequence: TemperedHMM):
        self.classes_ = np.array(classes)
        self.blocks, self.idf, self.sequence = blocks, idf, sequence
        self.coef_by_feature = np.ascontiguousarray(coef.T)  # one row of class weights per feature
        self.intercept = intercept
        self.offsets = np.cumsum([0] + [b.width for b in blocks])[:-1]

    def predict_proba(self, X) -> np.ndarray:
        X = as_frame(X)
        if len(X) == 0:
            return np.zeros((0, len(self.classes_)), dtype=self.intercept.dtype)
        proba = _softmax(self._decision(X))
        roles = X["role"].tolist()
        return np.vstack([self.sequence.posteriors(proba[a:b], roles[a:b])
                          for a, b in report_bounds(X["report"].tolist())])

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def _decision(self, X) -> np.ndarray:
        """X @ coef.T + intercept as scipy computes it: each row's terms in column order, summed in float32."""
        n, memo = len(X), {}
        parts = [self._tfidf(block, idf, X[block.column].tolist(), memo) for block, idf in zip(self.blocks, self.idf)]
        rows = np.concatenate([p[0] for p in parts])
        order = np.argsort(rows, kind="stable")  # rows in order, within a row the blocks in order
        rows = rows[order]
        columns = np.concatenate([p[1] + offset for p, offset in zip(parts, self.offsets)])[order]
        values = np.concatenate([p[2] for p in parts])[order]
        terms = values[:, None] * self.coef_by_feature[columns]
        bounds = np.searchsorted(rows, np.arange(n + 1))
        # sum(axis=0) adds a slice's rows one after another (np.add.reduceat does not)
        sums = np.array([terms[a:b].sum(axis=0) for a, b in zip(bounds[:-1], bounds[1:])])
        return sums + self.intercept

    def _tfidf(self, block: Block, idf: np.ndarray, texts: list[str], memo: dict):
        """(rows, columns, values) of the block: counts, then 1 + log, times idf, l2 norm per row, times weight."""
        hashes = [_hashes(block, text, memo) for text in texts]
        lengths = np.fromiter(map(len, hashes), dtype=np.int64, count=len(texts))
        found = np.fromiter(chain.from_iterable(hashes), dtype=np.int64, count=int(lengths.sum()))
        columns = np.where(found == _INT_MIN_ABS, (_INT_MIN_ABS - block.width) % block.width, found % block.width)
        keys, counts = np.unique(np.repeat(np.arange(len(texts)), lengths) * block.width + columns, return_counts=True)
        rows, columns = np.divmod(keys, block.width)
        values = np.log(counts.astype(np.float32)) + np.float32(1)
        values *= idf[columns]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts)))
        values = (values / norms[rows]).astype(np.float32) * block.weight
        return rows, columns, values

    def arrays(self) -> dict[str, np.ndarray]:
        """The model as named arrays and a JSON string (what checker.classify.store writes)."""
        meta = {"format": FORMAT, "classes": [str(c) for c in self.classes_], "blocks": [asdict(b) for b in self.blocks],
                "smoothing": self.sequence.smoothing, "boundary": self.sequence.boundary}
        return {"meta": np.array(json.dumps(meta, ensure_ascii=False)), "coef": self.coef_by_feature.T,
                "intercept": self.intercept, **{f"idf_{b.name}": idf for b, idf in zip(self.blocks, self.idf)},
                **{f"hmm_{k}": v for k, v in self.sequence.state().items()}}

    @classmethod
    def from_arrays(cls, arrays) -> "FrozenModel":
        meta = json.loads(str(arrays["meta"]))
        if meta["format"] != FORMAT:
            raise ValueError(f"model format {meta['format']}, expected {FORMAT}")
        blocks = [Block(**(b | {"ngram_range": tuple(b["ngram_range"])})) for b in meta["blocks"]]
        sequence = TemperedHMM.restored(meta["classes"], meta["smoothing"], meta["boundary"],
                                        {k: arrays[f"hmm_{k}"] for k in TemperedHMM.STATE})
        return cls(meta["classes"], blocks, [arrays[f"idf_{b.name}"] for b in blocks], arrays["coef"],
                   arrays["intercept"], sequence)


def _hashes(block: Block, text: str, memo: dict) -> list[int]:
    """|murmurhash3_32| of the text's n-grams for the block, each text's once per n and kind of unit."""
    found = []
    for n in range(block.ngram_range[0], block.ngram_range[1] + 1):
        key = (block.units, n, text)
        if key not in memo:
            memo[key] = [abs(murmurhash3_32(g)) for g in block.grams(text, n)]
        found += memo[key]
    return found


def _softmax(decision: np.ndarray) -> np.ndarray:
    """scikit-learn's softmax, in the decision's dtype."""
    decision = decision - decision.max(axis=1, keepdims=True)
    np.exp(decision, out=decision)
    return decision / decision.sum(axis=1, keepdims=True)
