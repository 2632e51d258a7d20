"""The sentence classifier, a scikit-learn estimator.

Features: jieba words (1–2-grams) and character 1–3-grams of the sentence, character n-grams of its heading and
of the neighbouring sentences, hashed (no vocabulary to store) into tf-idf, then a logistic regression. A
label-transition model learned from the gold sequences smooths the probabilities along each report
(forward-backward), because labels run in sections; `smoothing` tempers it (0: none, 1: the full HMM).
Report boundaries come from the `report` column of X (or `groups` in fit).
"""

from __future__ import annotations

from numbers import Real

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils._param_validation import Interval

from checker.classify.features import frame

SEED = 20261125
TOKEN_PATTERN = r"\S+"


def _tfidf(bits: int, **kw) -> Pipeline:
    hashing = HashingVectorizer(n_features=2**bits, alternate_sign=False, norm=None, dtype=np.float32, **kw)
    return Pipeline([("hash", hashing), ("tfidf", TfidfTransformer(sublinear_tf=True))])


class SentenceModel(ClassifierMixin, BaseEstimator):
    """P(label | sentence, context), smoothed along each report."""

    _parameter_constraints = {
        "C": [Interval(Real, 0, None, closed="neither")],
        "smoothing": [Interval(Real, 0, 1, closed="both")],
        "heading_weight": [Interval(Real, 0, None, closed="left")],
        "context_weight": [Interval(Real, 0, None, closed="left")],
        "random_state": ["random_state"],
    }

    def __init__(self, C: float = 20.0, smoothing: float = 0.3, heading_weight: float = 0.7,
                 context_weight: float = 0.4, random_state: int = SEED):
        self.C = C
        self.smoothing = smoothing
        self.heading_weight = heading_weight
        self.context_weight = context_weight
        self.random_state = random_state

    def _pipeline(self) -> Pipeline:
        features = ColumnTransformer(
            [
                ("words", _tfidf(17, token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), lowercase=False), "tokens"),
                ("chars", _tfidf(17, analyzer="char", ngram_range=(1, 3)), "text"),
                ("heading", _tfidf(12, analyzer="char", ngram_range=(1, 2)), "heading"),
                ("prev", _tfidf(14, analyzer="char", ngram_range=(1, 2)), "prev"),
                ("next", _tfidf(14, analyzer="char", ngram_range=(1, 2)), "next"),
            ],
            transformer_weights={"words": 1.0, "chars": 1.0, "heading": self.heading_weight,
                                 "prev": self.context_weight, "next": self.context_weight},
        )
        classifier = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced",
                                        random_state=self.random_state)
        return Pipeline([("features", features), ("classifier", classifier)])

    def fit(self, X, y, groups=None) -> "SentenceModel":
        self._validate_params()
        X = _as_frame(X, groups)
        y = list(y)
        self.pipeline_ = self._pipeline().fit(X, y)
        self.classes_ = np.array(self.pipeline_.classes_)
        index = {c: k for k, c in enumerate(self.classes_)}
        k = len(index)
        transitions, start, prior = np.ones((k, k)), np.ones(k), np.ones(k)  # add-one smoothing
        reports = X["report"].tolist()
        for i, label in enumerate(y):
            prior[index[label]] += 1
            if i == 0 or reports[i] != reports[i - 1]:
                start[index[label]] += 1
            else:
                transitions[index[y[i - 1]], index[label]] += 1
        transitions = (transitions / transitions.sum(axis=1, keepdims=True)) ** self.smoothing
        self.transitions_ = transitions / transitions.sum(axis=1, keepdims=True)
        self.start_, self.prior_ = start / start.sum(), prior / prior.sum()
        return self

    def predict_proba(self, X) -> np.ndarray:
        X = _as_frame(X)
        proba = self.pipeline_.predict_proba(X)
        reports = X["report"].tolist()
        bounds = [i for i in range(len(reports)) if i == 0 or reports[i] != reports[i - 1]] + [len(reports)]
        if len(reports) == 0:
            return proba
        return np.vstack([self._smooth(proba[a:b]) for a, b in zip(bounds, bounds[1:])])

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def _smooth(self, proba: np.ndarray) -> np.ndarray:
        """Posterior label marginals of an HMM whose emissions are P(label|x) / P(label)."""
        emission = proba / self.prior_
        n = len(emission)
        forward, backward = np.empty_like(emission), np.ones_like(emission)
        forward[0] = self.start_ * emission[0]
        forward[0] /= forward[0].sum()
        for t in range(1, n):
            forward[t] = (forward[t - 1] @ self.transitions_) * emission[t]
            forward[t] /= forward[t].sum()
        for t in range(n - 2, -1, -1):
            backward[t] = self.transitions_ @ (emission[t + 1] * backward[t + 1])
            backward[t] /= backward[t].sum()
        posterior = forward * backward
        return posterior / posterior.sum(axis=1, keepdims=True)


def _as_frame(X, groups=None) -> pd.DataFrame:
    X = X if isinstance(X, pd.DataFrame) else frame(list(X))
    if groups is not None:
        X = X.assign(report=list(groups))
    return X
