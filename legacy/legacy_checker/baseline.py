"""Heading-keyword baseline classifier (fit/predict like scikit-learn); the yardstick for the model."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _config() -> dict:
    return yaml.safe_load(resources.files("legacy_checker.data").joinpath("baseline.yaml").read_text(encoding="utf-8"))


class HeadingBaseline:
    """Label = keyword class of the nearest heading; title/author/formulas -> other."""

    classes_ = ("achievement", "problem", "plan", "other")

    def fit(self, records, labels=None):
        return self

    def predict(self, records) -> list[str]:
        return [self._label(r) for r in records]

    def predict_proba(self, records):
        return [[1.0 if c == label else 0.0 for c in self.classes_] for label in self.predict(records)]

    def _label(self, record: dict) -> str:
        config = _config()
        if record["role"] in ("title", "author") or any(re.search(p, record["text"]) for p in config["other_patterns"]):
            return "other"
        for label in config["order"]:
            if any(k in record["heading"] for k in config["keywords"][label]):
                return label
        return config["default"]
