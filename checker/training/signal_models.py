"""The learned sentence signals (checker.measure.learned), fitted on the tuning parts of corpus/signals: the dev
split of `<name>.jsonl` and all of `<name>_more.jsonl`. The test split is never fitted on."""

from __future__ import annotations

import json
from pathlib import Path

from checker.measure.learned import SentenceSignalModel
from checker.training.corpus import corpus_dir

FRESH_WRITERS = ("w9a", "w9b", "w9c", "w10a", "w10b")  # the `_more` writers whose notes say who wrote them ("w9a: …")


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


# model -> (labelled set, what makes a positive); threshold 0.7 and C 4 chosen leave-one-writer-out on the tuning
# parts (`benchmarks/signals.py --lowo`)
TARGETS = {"stock_phrase": ("stock_phrase", True), "blame_others": ("blame", "others")}


def fit_signal_model(name: str, corpus: Path | None = None,
                     items: list[dict] | None = None) -> SentenceSignalModel | None:
    """The model fitted on the tuning texts; None when the corpus has none (a corpus without signals/)."""
    source, positive = TARGETS[name]
    items = tuning_items(source, corpus) if items is None else items
    if not items:
        return None
    return SentenceSignalModel().fit([i["text"] for i in items], [i["label"] == positive for i in items])
