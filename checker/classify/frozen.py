"""The sentence classifier at run time: the fitted SentenceModel (checker.training.model) as plain arrays, run
with numpy only.

The features are scikit-learn's HashingVectorizer counts per block (checker.classify.hashing), then its
TfidfTransformer (sublinear tf, idf, l2 norm) and the block's weight; then the multinomial logistic regression,
then the tempered HMM along each report. The arithmetic follows scikit-learn's and scipy's step by step in
float32, so the probabilities are the fitted model's, bit for bit.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import numpy as np

from checker.classify.features import column
from checker.classify.hashing import Block, Grams, spans
from checker.classify.sequence import TemperedHMM, report_bounds

FORMAT = 1


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
        """X: a DataFrame or a list of sentence records (checker.classify.features)."""
        if len(X) == 0:
            return np.zeros((0, len(self.classes_)), dtype=self.intercept.dtype)
        proba = _softmax(self._decision(X))
        roles = column(X, "role")
        return np.vstack([self.sequence.posteriors(proba[a:b], roles[a:b])
                          for a, b in report_bounds(column(X, "report"))])

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def _decision(self, X) -> np.ndarray:
        """X @ coef.T + intercept as scipy computes it: each row's terms in column order, summed in float32."""
        n, distinct, codes = len(X), {}, []  # kind of units -> {text: its number}
        for block in self.blocks:
            index = distinct.setdefault(block.units, {})
            codes.append(np.array([index.setdefault(t, len(index)) for t in column(X, block.column)], dtype=np.int64))
        grams = {units: Grams(next(b for b in self.blocks if b.units == units), list(texts))
                 for units, texts in distinct.items()}
        used: dict = {}  # Block.counting -> the texts some block of that kind reads (headings: few)
        for block, codes_ in zip(self.blocks, codes):
            used.setdefault(block.counting, []).append(codes_)
        used = {key: np.unique(np.concatenate(read)) for key, read in used.items()}
        sums = np.zeros((n, len(self.classes_)), dtype=self.coef_by_feature.dtype)
        for block, idf, offset, codes_ in zip(self.blocks, self.idf, self.offsets, codes):
            texts = used[block.counting]
            pointers, columns, values = self._tfidf(block, idf, grams[block.units].counted(block.ngram_range,
                                                                                       block.width, texts))
            terms = values[:, None] * self.coef_by_feature[columns + offset]  # of each text, then of each row
            at = np.searchsorted(texts, codes_)
            lengths = pointers[at + 1] - pointers[at]
            _add_in_order(sums, terms[spans(pointers[at], lengths)], lengths)
        return sums + self.intercept

    @staticmethod
    def _tfidf(block: Block, idf: np.ndarray, counted: tuple):
        """(pointers, columns, values) of each counted text (Grams.counted): counts, 1 + log, times idf, l2 norm,
        times weight."""
        pointers, columns, counts = counted
        owners = np.repeat(np.arange(len(pointers) - 1), np.diff(pointers))
        values = np.log(counts.astype(np.float32)) + np.float32(1)
        values *= idf[columns]
        norms = np.sqrt(np.bincount(owners, weights=values * values, minlength=len(pointers) - 1))
        values = (values / norms[owners]).astype(np.float32) * block.weight
        return pointers, columns, values

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
        idf, coef, intercept = [arrays[f"idf_{b.name}"] for b in blocks], arrays["coef"], arrays["intercept"]
        k = len(meta["classes"])
        if [i.shape for i in idf] != [(b.width,) for b in blocks] or coef.shape != (k, sum(b.width for b in blocks)) \
                or intercept.shape != (k,):
            raise ValueError("array shapes do not match the blocks")
        return cls(meta["classes"], blocks, idf, coef, intercept, sequence)


def _add_in_order(sums: np.ndarray, terms: np.ndarray, lengths: np.ndarray) -> None:
    """Add each row's terms (consecutive, `lengths` of them) to its sums one after another in their dtype, as
    scipy's sparse product does (block after block, so the order is the columns'): step j adds the j-th term of
    every row that has one, longest rows first."""
    order = np.argsort(-lengths, kind="stable")
    starts = (np.cumsum(lengths) - lengths)[order]
    live = np.searchsorted(-lengths[order], -np.arange(lengths.max(initial=0)), side="left")
    ordered = sums[order]
    for j, count in enumerate(live):
        ordered[:count] += terms[starts[:count] + j]
    sums[order] = ordered


def _softmax(decision: np.ndarray) -> np.ndarray:
    """scikit-learn's softmax, in the decision's dtype."""
    decision = decision - decision.max(axis=1, keepdims=True)
    np.exp(decision, out=decision)
    return decision / decision.sum(axis=1, keepdims=True)
