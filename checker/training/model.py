"""The sentence classifier, a scikit-learn estimator.

Features: jieba words (1–2-grams) and character 1–3-grams of the sentence, character n-grams of its heading, of
the headings above it, of the last line that opened a part and of the neighbouring sentences, and the
paragraph's role, hashed (no vocabulary to store) into tf-idf, then a logistic regression. A sequence model
(checker.classify.sequence) then turns the probabilities into labels along each report, because labels run in
sections: a tempered label-transition HMM (`smoothing`: 0 none, 1 the full HMM; `boundary`: how much weaker the
transitions into a heading are).
Report boundaries come from the `report` column of X (or `groups` in fit).
The fitted model predicts through its frozen() form (checker.classify.frozen, numpy only), the form shipped and
run by `shuzhi check`, so that what training measures is what runs.
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
from checker.classify.frozen import FrozenModel
from checker.classify.hashing import Block
from checker.classify.sequence import TemperedHMM
from checker.errors import ModelError

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
        "boundary": [Interval(Real, 0, 1, closed="both")],
        "outer_weight": [Interval(Real, 0, None, closed="left")],
        "heading_weight": [Interval(Real, 0, None, closed="left")],
        "context_weight": [Interval(Real, 0, None, closed="left")],
        "opener_weight": [Interval(Real, 0, None, closed="left")],
        "random_state": ["random_state"],
    }

    def __init__(self, C: float = 40.0, smoothing: float = 0.6, boundary: float = 0.2, heading_weight: float = 0.2,
                 outer_weight: float = 0.35, context_weight: float = 0.4, opener_weight: float = 0.5,
                 random_state: int = SEED):
        self.C = C
        self.smoothing = smoothing
        self.boundary = boundary
        self.outer_weight = outer_weight
        self.heading_weight = heading_weight
        self.context_weight = context_weight
        self.opener_weight = opener_weight
        self.random_state = random_state

    def _pipeline(self) -> Pipeline:
        features = ColumnTransformer(
            [
                ("words", _tfidf(17, token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), lowercase=False), "tokens"),
                ("chars", _tfidf(17, analyzer="char", ngram_range=(1, 3)), "text"),
                ("heading", _tfidf(12, analyzer="char", ngram_range=(1, 2)), "heading"),
                ("outer", _tfidf(12, analyzer="char", ngram_range=(1, 2)), "outer"),
                ("opener", _tfidf(12, analyzer="char", ngram_range=(1, 2)), "opener"),
                ("prev", _tfidf(14, analyzer="char", ngram_range=(1, 2)), "prev"),
                ("next", _tfidf(14, analyzer="char", ngram_range=(1, 2)), "next"),
                ("role", _tfidf(6, token_pattern=TOKEN_PATTERN, lowercase=False), "role"),
            ],
            transformer_weights={"words": 1.0, "chars": 1.0, "heading": self.heading_weight,
                                 "outer": self.outer_weight, "opener": self.opener_weight,
                                 "prev": self.context_weight, "next": self.context_weight, "role": 1.0},
        )
        classifier = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced",
                                        random_state=self.random_state)
        return Pipeline([("features", features), ("classifier", classifier)])

    def fit(self, X, y, groups=None) -> "SentenceModel":
        self._validate_params()
        X = X if isinstance(X, pd.DataFrame) else frame(list(X))
        X = X if groups is None else X.assign(report=list(groups))
        y = list(y)
        self.pipeline_ = self._pipeline().fit(X, y)
        self.classes_ = np.array(self.pipeline_.classes_)
        roles, reports = X["role"].tolist(), X["report"].tolist()
        self.sequence_ = TemperedHMM(self.classes_, self.smoothing, self.boundary).fit(y, roles, reports)
        self.frozen_ = frozen(self)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return self.frozen_.predict_proba(X)

    def predict(self, X) -> np.ndarray:
        return self.frozen_.predict(X)


# What FrozenModel computes: HashingVectorizer and TfidfTransformer settings other than these are refused.
HASHING = {"alternate_sign": False, "binary": False, "norm": None, "preprocessor": None, "strip_accents": None,
           "stop_words": None, "tokenizer": None, "input": "content", "dtype": np.float32}
TFIDF = {"sublinear_tf": True, "use_idf": True, "norm": "l2"}


def frozen(model: SentenceModel) -> FrozenModel:
    """The fitted model as arrays for the run time (what `shuzhi train` ships)."""
    columns, classifier = model.pipeline_[0], model.pipeline_[-1]
    blocks, idf = [], []
    for name, pipe, column in columns.transformers_:
        if name == "remainder":
            continue
        hashing, tfidf = pipe.named_steps["hash"].get_params(), pipe.named_steps["tfidf"]
        unsupported = {k: hashing[k] for k, v in HASHING.items() if hashing[k] != v} | \
            {k: v for k, v in tfidf.get_params().items() if k in TFIDF and v != TFIDF[k]}
        if unsupported or hashing["analyzer"] not in ("char", "word") or len(classifier.classes_) < 3:
            raise ModelError(f"无法导出模型：{name} 的特征设置不受支持（{unsupported or hashing['analyzer']}）")
        weight = (columns.transformer_weights or {}).get(name)
        blocks.append(Block(name, column, hashing["analyzer"], tuple(hashing["ngram_range"]), hashing["lowercase"],
                            hashing["token_pattern"], hashing["n_features"], 1.0 if weight is None else float(weight)))
        idf.append(tfidf.idf_)
    return FrozenModel(model.classes_, blocks, idf, classifier.coef_, classifier.intercept_, model.sequence_)
