"""A learned sentence signal beside the rules: logistic regression over a sentence's hashed character n-grams
(sublinear tf, l2 norm), fitted with scikit-learn by `shuzhi train` on the tuning parts of corpus/signals and read
with numpy at run time (the hashing of HashingVectorizer: checker.classify.hashing).

The rules name the phrase; a model catches what no lexicon lists (the rules fitted their tuning writers and
missed the next one's): stock sentences (`stock_phrase`), concrete cases (`examples`) and blame on others
(`blame_others`). Each adds its signal only where the rules found none. On three writers whose texts came
after the rules were tuned, blame-on-others recall went 0.68 / 0.71 / 0.52 → 0.85 / 0.80 / 0.81 and examples
recall on the third 0.83 → 0.95, precision within 0.03 (models fitted without that writer). Shipped as
package data (checker/models/<name>.npz), arrays only, loaded without pickle.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from checker.classify.hashing import Block, Grams
from checker.classify.store import built_from_arrays
from checker.read.numbering import typed_marker

SIGNAL_MODELS = ("stock_phrase", "blame_others", "examples")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
SHOWN = 20  # characters of a sentence's first clause shown as a learned signal's phrase
TOPIC_CHARS = 10  # a run-in heading's topic after its marker (抓组织建设), at most


class SentenceSignalModel:
    """P(signal | sentence) from character n-grams; a sentence has the signal when it is above `threshold`."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 3), width: int = 2**18, C: float = 4.0,
                 threshold: float = 0.7):
        self.ngram_range, self.width, self.C, self.threshold = tuple(ngram_range), width, C, threshold

    def _block(self) -> Block:
        return Block("text", "text", "char", self.ngram_range, True, "", self.width, 1.0)

    def fit(self, texts: list[str], y) -> "SentenceSignalModel":
        from sklearn.linear_model import LogisticRegression

        fitted = LogisticRegression(C=self.C, max_iter=3000).fit(self.features(texts), np.asarray(y, dtype=bool))
        coef = fitted.coef_[0]
        self.columns_ = np.flatnonzero(coef).astype(np.int32)
        self.weights_ = coef[self.columns_]
        self.intercept_, self.dense_ = float(fitted.intercept_[0]), None
        return self

    def features(self, texts: list[str]):
        """The sparse matrix scikit-learn sees: HashingVectorizer counts, then 1 + log tf, l2 per row."""
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

        counts = HashingVectorizer(analyzer="char", ngram_range=self.ngram_range, n_features=self.width,
                                   alternate_sign=False, norm=None).transform(texts)
        return TfidfTransformer(sublinear_tf=True, use_idf=False).fit_transform(counts)

    def decision_function(self, texts: list[str], grams: Grams | None = None) -> np.ndarray:
        """`grams`: the texts' n-grams when another model hashed them already (same texts, characters)."""
        grams = Grams(self._block(), texts) if grams is None else grams
        pointers, columns, counts = grams.counted(self.ngram_range, self.width)
        owners = np.repeat(np.arange(len(texts)), np.diff(pointers))
        tf = 1.0 + np.log(counts)
        norm = np.sqrt(np.bincount(owners, weights=tf * tf, minlength=len(texts)))
        dot = np.bincount(owners, weights=tf * self._dense()[columns], minlength=len(texts))
        return dot / np.where(norm > 0, norm, 1.0) + self.intercept_

    def _dense(self) -> np.ndarray:
        """The weights by column, built once."""
        if self.dense_ is None:
            self.dense_ = np.zeros(self.width)
            self.dense_[self.columns_] = self.weights_
        return self.dense_

    def predict_proba(self, texts: list[str], grams: Grams | None = None) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.decision_function(texts, grams)))

    def flags(self, texts: list[str], grams: Grams | None = None) -> np.ndarray:
        return self.predict_proba(texts, grams) > self.threshold if texts else np.zeros(0, dtype=bool)

    def arrays(self) -> dict[str, np.ndarray]:
        params = {"ngram_range": list(self.ngram_range), "width": self.width, "C": self.C,
                  "threshold": self.threshold, "intercept": self.intercept_}
        return {"columns": self.columns_, "weights": self.weights_, "params": np.array(json.dumps(params))}

    @classmethod
    def from_arrays(cls, arrays) -> "SentenceSignalModel":
        params = json.loads(str(arrays["params"]))
        model = cls(tuple(params["ngram_range"]), params["width"], params["C"], params["threshold"])
        model.columns_, model.weights_ = np.asarray(arrays["columns"]), np.asarray(arrays["weights"])
        model.intercept_, model.dense_ = float(params["intercept"]), None
        return model


def signal_model_file(name: str) -> str:
    return f"{name}.npz"


def shipped_signal_path(name: str) -> Path:
    return Path(str(resources.files("checker.models").joinpath(signal_model_file(name))))


@lru_cache(maxsize=8)
def load_signal_model(path: Path) -> SentenceSignalModel:
    return built_from_arrays(path, SentenceSignalModel.from_arrays, f"信号模型文件 {path} 无法加载")


def signal_model(name: str) -> SentenceSignalModel:
    return load_signal_model(shipped_signal_path(name))


def learned_flags(texts: list[str]) -> dict[str, np.ndarray]:
    """Each shipped model's flags on `texts`, their character n-grams hashed once for all models (all read
    lowercased characters; each counts its own n-gram lengths)."""
    models = {name: signal_model(name) for name in SIGNAL_MODELS}
    grams = Grams(models[SIGNAL_MODELS[0]]._block(), texts)
    return {name: model.flags(texts, grams) for name, model in models.items()}


def first_clause(text: str) -> str:
    """What a sentence found by a model shows as its phrase: its first clause after any outline marker (一是,
    （二）), at most SHOWN characters (a stretch of the sentence, so that the page can highlight it)."""
    text = _unmarked(text)
    clause = CLAUSE_END.split(text, 1)[0].strip() or text
    return clause[:SHOWN]


def topic_label(text: str) -> bool:
    """An outline marker and a short topic in one clause (一是抓组织建设。): a run-in heading, no stock sentence."""
    rest = _unmarked(text).rstrip("。；;.")
    return len(rest) < len(text.strip()) - 1 and len(rest) <= TOPIC_CHARS and not CLAUSE_END.search(rest)


def _unmarked(text: str) -> str:
    text = text.strip()
    return text[len(typed_marker(text)[0]):].strip()
