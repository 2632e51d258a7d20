"""Labels along a report: the sentence probabilities turned into label posteriors for whole sequences.

- TemperedHMM: a label-transition matrix learned from the gold sequences, raised to a power (`smoothing`)
  and combined with P(label|sentence) by forward-backward. Into a heading the transitions are weaker still
  (power `smoothing × boundary`), so a heading that opens another part is not outvoted by the part before.
- HeadingCRF: a linear-chain CRF (python-crfsuite) over sentences whose features are the sentence model's
  out-of-fold probabilities, the paragraph role, the label the current section's heading points to and the
  start of a new section, so that it can change label where a heading opens another part. Its trained model
  is kept as bytes (no pickle) and opened in memory.
"""

from __future__ import annotations

import os
import tempfile

import numpy as np
import pycrfsuite


def report_bounds(reports: list) -> list[tuple[int, int]]:
    starts = [i for i in range(len(reports)) if i == 0 or reports[i] != reports[i - 1]] + [len(reports)]
    return list(zip(starts, starts[1:]))


class TemperedHMM:
    def __init__(self, classes, smoothing: float, boundary: float = 1.0):
        self.classes, self.smoothing, self.boundary = list(classes), smoothing, boundary

    def fit(self, y: list[str], roles: list[str], reports: list) -> "TemperedHMM":
        index = {c: k for k, c in enumerate(self.classes)}
        k = len(index)
        transitions, start, prior = np.ones((k, k)), np.ones(k), np.ones(k)  # add-one smoothing
        for a, b in report_bounds(reports):
            start[index[y[a]]] += 1
            for i in range(a, b):
                prior[index[y[i]]] += 1
                if i > a:
                    transitions[index[y[i - 1]], index[y[i]]] += 1
        learned = transitions / transitions.sum(axis=1, keepdims=True)
        self.transitions = _tempered(learned, self.smoothing)
        self.into_heading = _tempered(learned, self.smoothing * self.boundary)
        self.start, self.prior = start / start.sum(), prior / prior.sum()
        return self

    def posteriors(self, proba: np.ndarray, roles: list[str]) -> np.ndarray:
        """Posterior label marginals of an HMM whose emissions are P(label|x) / P(label)."""
        emission = proba / self.prior
        n = len(emission)
        forward, backward = np.empty_like(emission), np.ones_like(emission)
        forward[0] = self.start * emission[0]
        forward[0] /= forward[0].sum()
        into = [self.into_heading if role == "ROLE_heading" else self.transitions for role in roles]
        for t in range(1, n):
            forward[t] = (forward[t - 1] @ into[t]) * emission[t]
            forward[t] /= forward[t].sum()
        for t in range(n - 2, -1, -1):
            backward[t] = into[t + 1] @ (emission[t + 1] * backward[t + 1])
            backward[t] /= backward[t].sum()
        posterior = forward * backward
        return posterior / posterior.sum(axis=1, keepdims=True)


def _tempered(transitions: np.ndarray, power: float) -> np.ndarray:
    raised = transitions ** power
    return raised / raised.sum(axis=1, keepdims=True)


class HeadingCRF:
    def __init__(self, classes, c2: float):
        self.classes, self.c2 = list(classes), c2
        self.model = None  # the trained CRF, as bytes (a numpy uint8 array)

    def features(self, proba: np.ndarray, roles: list[str]) -> list[dict]:
        out, section = [], "none"
        n = len(proba)
        for t, (row, role) in enumerate(zip(proba, roles)):
            best = self.classes[int(row.argmax())]
            heading = role == "ROLE_heading"
            if heading:
                section = best
            item = {f"p:{c}": float(p) for c, p in zip(self.classes, row)}
            item.update({f"best:{best}": 1.0, f"{role}": 1.0, f"section:{section}": 1.0,
                         f"position:{min(4, t * 5 // max(n, 1))}": 1.0, "bias": 1.0})
            if heading:
                item[f"opens:{best}"] = 1.0
            out.append(item)
        return out

    def fit(self, proba: np.ndarray, y: list[str], roles: list[str], reports: list) -> "HeadingCRF":
        trainer = pycrfsuite.Trainer(verbose=False)
        for a, b in report_bounds(reports):
            trainer.append(self.features(proba[a:b], roles[a:b]), y[a:b])
        trainer.set_params({"c1": 0.0, "c2": self.c2, "max_iterations": 200})
        handle, path = tempfile.mkstemp(suffix=".crfsuite")
        os.close(handle)
        try:
            trainer.train(path)
            with open(path, "rb") as model:
                self.model = np.frombuffer(model.read(), dtype=np.uint8).copy()
        finally:
            os.unlink(path)
        return self

    def posteriors(self, proba: np.ndarray, roles: list[str]) -> np.ndarray:
        model = self.model.tobytes()  # must outlive the tagger, which reads it in place
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(model)
        tagger.set(self.features(proba, roles))
        known = set(tagger.labels())
        marginals = np.array([[tagger.marginal(c, t) if c in known else 0.0 for c in self.classes]
                              for t in range(len(proba))])
        tagger.close()
        del model
        return marginals / np.clip(marginals.sum(axis=1, keepdims=True), 1e-12, None)
