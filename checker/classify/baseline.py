"""Heading-keyword baseline: a sentence takes the label of the nearest heading's keyword class (the yardstick)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from checker.doc import LABELS
from checker.safe_yaml import load_yaml


@lru_cache(maxsize=1)
def _config() -> dict:
    return load_yaml(resources.files("checker.data").joinpath("baseline.yaml").read_text(encoding="utf-8"))


class HeadingBaseline:
    """Label = keyword class of the nearest heading; title/author/formulas -> other. Nothing to learn; follows
    checker.classify.store.Classifier."""

    def fit(self, X, y=None, groups=None) -> "HeadingBaseline":
        self.classes_ = np.array(LABELS)
        return self

    def predict(self, X) -> np.ndarray:
        records = X.to_dict("records") if hasattr(X, "columns") else X
        return np.array([self._label(r) for r in records])

    def predict_proba(self, X) -> np.ndarray:
        classes = list(LABELS)
        return np.array([[1.0 if c == label else 0.0 for c in classes] for label in self.predict(X)])

    def _label(self, record: dict) -> str:
        config = _config()
        if record["role"] in ("ROLE_title", "ROLE_author") or any(re.search(p, record["text"]) for p in config["other_patterns"]):
            return "other"
        for label in config["order"]:
            if any(k in record["heading"] for k in config["keywords"][label]):
                return label
        return config["default"]


BASELINE = HeadingBaseline().fit(None)
