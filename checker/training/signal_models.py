"""The learned sentence signals (checker.measure.learned), fitted on the tuning parts of corpus/signals: the dev
split of `<name>.jsonl` and all of `<name>_more.jsonl`. The test split is never fitted on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from checker.measure.learned import SentenceSignalModel
from checker.training.corpus import corpus_dir

# the `_more` writers whose notes say who wrote them ("w9a: …")
FRESH_WRITERS = ("w9a", "w9b", "w9c", "w10a", "w10b", "w11a", "w11b", "w11c", "w12a", "w12b", "w13a", "w13b")


def signal_items(name: str, corpus: Path | None = None) -> list[dict]:
    """A set's texts (split dev / test), then those of `<name>_more.jsonl` with split "more"; each with its
    `writer`: a fresh writer's tag, else "dev" / "test" / "more"."""
    folder = (corpus or corpus_dir()) / "signals"
    items = []
    for path, split in ((folder / f"{name}.jsonl", None), (folder / f"{name}_more.jsonl", "more")):
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in filter(str.strip, f):
                item = json.loads(line) | ({"split": split} if split else {})
                tag = (item.get("note") or "").split(":")[0]
                items.append(item | {"writer": tag if tag in FRESH_WRITERS else item["split"]})
    return items


def tuning_items(name: str, corpus: Path | None = None) -> list[dict]:
    return [i for i in signal_items(name, corpus) if i["split"] != "test"]


class Target(NamedTuple):
    """What a learned model is fitted on: a labelled set, the label that makes a positive, the threshold above
    which it adds the signal and the model's C and n-grams. Chosen leave-one-writer-out on the tuning parts
    (`benchmarks/signals.py --lowo`): among settings whose pooled precision is at least 0.90 (the signals'
    target), the most regularized one within 0.005 of the best pooled F1 of the rules or the model; when none
    reaches 0.90 (blame, since w13a-b wrote 180 texts in every 240 that blame no others, most of them hard
    negatives), the most precise one within 0.005 of the best F1. C and the n-grams were searched for blame on
    others only (C 1-256, n-grams 1-2 to 1-4); the others keep C 4, 1-3."""
    source: str
    positive: object
    threshold: float
    C: float = 4.0
    ngram_range: tuple[int, int] = (1, 3)


TARGETS = {"stock_phrase": Target("stock_phrase", True, 0.7), "examples": Target("examples", True, 0.8),
           "blame_others": Target("blame", "others", 0.7, C=32.0, ngram_range=(1, 2))}


def fit_signal_model(name: str, corpus: Path | None = None,
                     items: list[dict] | None = None) -> SentenceSignalModel | None:
    """The model fitted on the tuning texts; None when the corpus has none (a corpus without signals/)."""
    target = TARGETS[name]
    items = tuning_items(target.source, corpus) if items is None else items
    if not items:
        return None
    model = SentenceSignalModel(target.ngram_range, C=target.C, threshold=target.threshold)
    return model.fit([i["text"] for i in items], [i["label"] == target.positive for i in items])
