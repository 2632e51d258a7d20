"""Choosing the classifier's settings by grouped cross-validation (GridSearchCV with report groups).

Augmented copies of a report travel with it: a fold trains on the originals and the copies of its training
reports, and is scored on the originals of its test reports only. Scores: sentence macro-F1 (the one that
chooses, by the one-standard-error rule), and the achievement-share error per report as the default profile
reads it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold

from checker.doc import LABELS
from checker.training.model import SentenceModel

FOLDS = 5


class AugmentedGroupKFold:
    """GroupKFold over the source reports; test folds keep only the originals (X["augmented"] is False)."""

    def __init__(self, n_splits: int = FOLDS):
        self.n_splits = n_splits

    def get_n_splits(self, X=None, y=None, groups=None) -> int:
        return self.n_splits

    def split(self, X, y=None, groups=None):
        original = ~X["augmented"].to_numpy()
        for train, test in GroupKFold(self.n_splits).split(X, y, groups):
            yield train, test[original[test]]


def macro_f1(estimator, X, y) -> float:
    return f1_score(list(y), list(estimator.predict(X)), labels=list(LABELS), average="macro", zero_division=0)


def share_error(estimator, X, y) -> float:
    """Minus the mean absolute error of the achievement share of the whole text, per report."""
    frame = pd.DataFrame({"report": X["report"].to_numpy(), "chars": X["chars"].to_numpy(),
                          "gold": np.asarray(y) == "achievement",
                          "predicted": np.asarray(estimator.predict(X)) == "achievement"})
    totals = frame.groupby("report", sort=False).apply(
        lambda r: abs((r["gold"] * r["chars"]).sum() - (r["predicted"] * r["chars"]).sum()) / max(r["chars"].sum(), 1),
        include_groups=False)
    return -float(totals.mean())


def within_one_standard_error(results: dict) -> int:
    """The one-standard-error rule: among the settings whose mean macro-F1 is within one standard error (fold
    std / sqrt(folds)) of the best, the one that changes fewest of SentenceModel's defaults (the shipped setting),
    then the higher mean. A gain smaller than the folds' own spread is not a reason to move."""
    means, stds = np.asarray(results["mean_test_macro_f1"]), np.asarray(results["std_test_macro_f1"])
    best = int(means.argmax())
    floor = means[best] - stds[best] / np.sqrt(FOLDS)
    defaults = SentenceModel().get_params()
    changed = [sum(defaults[k] != v for k, v in params.items()) for params in results["params"]]
    return min((i for i in range(len(means)) if means[i] >= floor), key=lambda i: (changed[i], -means[i]))


def grid_search(X: pd.DataFrame, y: list[str], groups: list[str], grid: dict, jobs: int = 1) -> GridSearchCV:
    """The fitted search (refit on everything with the setting within_one_standard_error picks); its cv_results_
    hold every score."""
    search = GridSearchCV(SentenceModel(), grid, scoring={"macro_f1": macro_f1, "share_error": share_error},
                          refit=within_one_standard_error, cv=AugmentedGroupKFold(), n_jobs=jobs, error_score="raise")
    return search.fit(X, y, groups=groups)
