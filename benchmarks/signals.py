"""Precision and recall of each sentence signal on its labelled set (corpus/signals/*.jsonl), dev and test.

    python benchmarks/signals.py [--profile default] [--errors dev|more] [--tuning] [--no-write] [--lowo]

Each text is read as a one-paragraph report (checker.segment.segment on a one-block Document), its sentences'
signals computed (checker.measure.signals) and merged; a text is predicted positive when the signal is not
empty. For blame (labels self / others / none) the table gives precision and recall of "others" and of "self".
Beside each set, `<name>_more.jsonl` (if present) holds further texts written to tune on: they are read as a
third split, "more", a second dev set (their own split field is not read).
The figures are written to models/metrics.json under "signals" (every other key kept). --errors lists the
texts a signal gets wrong in one split (read the dev ones only: the test split is for measuring).
--lowo chooses the learned models' threshold: each fresh writer of the `_more` parts held out in turn, a model
fitted on the rest of the tuning texts, the rules alone against the rules or the model (tuning texts only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.measure.learned import first_clause  # noqa: E402
from checker.measure.lexicons import Lexicons  # noqa: E402
from checker.measure.signals import learned_opening, learned_part, text_signals  # noqa: E402
from checker.profile import load_profile  # noqa: E402
from checker.training.signal_models import (  # noqa: E402
    FRESH_WRITERS, TARGETS, fit_signal_model, signal_items, tuning_items)

METRICS = ROOT / "models" / "metrics.json"
BINARY = {"examples": "examples", "first_person": "first_person", "personal_act": "acts",
          "stock_phrase": "empty_words"}  # set name -> signal key
BLAME_CLASSES = ("others", "self")
SPLITS = ("dev", "more", "test")


def predict(name: str, signals: dict):
    if name == "blame":
        return signals["blame"]
    return bool(signals[BINARY[name]])


def _pr(pairs: list[tuple], positive) -> dict:
    tp = sum(1 for gold, guess in pairs if gold == positive and guess == positive)
    fp = sum(1 for gold, guess in pairs if gold != positive and guess == positive)
    fn = sum(1 for gold, guess in pairs if gold == positive and guess != positive)
    return {"precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0, "tp": tp, "fp": fp, "fn": fn}


def evaluate(profile: str = "default") -> tuple[dict, dict]:
    """(scores, results): scores[set][split] = {precision, recall, ...} (for blame scores["blame"][class][split]);
    results[set] = [(item, predicted), ...]."""
    lexicons = Lexicons(load_profile(profile).lexicons)
    scores: dict = {}
    results: dict = {}
    for name in list(BINARY) + ["blame"]:
        items = signal_items(name)
        results[name] = [(item, predict(name, text_signals(item["text"], lexicons))) for item in items]
        pairs = {split: [(item["label"], guess) for item, guess in results[name] if item["split"] == split]
                 for split in SPLITS}
        if name == "blame":
            scores[name] = {c: {split: _pr(pairs[split], c) for split in SPLITS} for c in BLAME_CLASSES}
        else:
            scores[name] = {split: _pr(pairs[split], True) for split in SPLITS}
    return scores, results


def rows(scores: dict) -> list[tuple[str, dict]]:
    out = [(name, scores[name]) for name in BINARY]
    out += [(f"blame:{c}", scores["blame"][c]) for c in BLAME_CLASSES]
    return out


def table(scores: dict, splits: tuple[str, ...] = SPLITS) -> str:
    head = " | ".join(f"{split} P | {split} R" for split in splits)
    lines = [f"| signal | {head} |", "|---" * (1 + 2 * len(splits)) + "|"]
    for name, by_split in rows(scores):
        cells = " | ".join(f"{by_split[split]['precision']:.3f} | {by_split[split]['recall']:.3f}"
                           for split in splits)
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def write_metrics(scores: dict, counts: dict) -> None:
    """models/metrics.json["signals"] = {signal: {split: {precision, recall, texts}}}; every other key kept."""
    metrics = json.loads(METRICS.read_text(encoding="utf-8")) if METRICS.exists() else {}
    metrics["signals"] = {name: {split: {"precision": v["precision"], "recall": v["recall"],
                                         "texts": counts[name.split(":")[0]][split]}
                                 for split, v in by_split.items()}
                          for name, by_split in rows(scores)}
    METRICS.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def leave_one_writer_out(profile: str = "default", thresholds=(0.6, 0.7, 0.8, 0.9)) -> str:
    """Per learned model and held-out fresh writer, then pooled over them: P/R of the rules alone and of the
    rules or the model, combined as the pipeline combines them (checker.measure.signals.learned_opening)."""
    lexicons = Lexicons(load_profile(profile).lexicons)
    lines = ["| model | held-out writer | rules P / R | " + " | ".join(f"or p > {t}" for t in thresholds) + " |",
             "|---" * (3 + len(thresholds)) + "|"]
    for name, (source, positive, *_) in TARGETS.items():
        items = tuning_items(source)
        found = [text_signals(item["text"], lexicons, learned=False) for item in items]
        pooled: dict = {}
        for writer in (w for w in FRESH_WRITERS if any(item["writer"] == w for item in items)):
            held = [k for k, item in enumerate(items) if item["writer"] == writer]
            model = fit_signal_model(name, items=[item for item in items if item["writer"] != writer])
            proba = model.predict_proba([items[k]["text"] for k in held])
            runs = {t: [(items[k]["label"] == positive, _combined(name, source, found[k], items[k]["text"],
                                                                  t is not None and p > t) == positive)
                        for k, p in zip(held, proba)] for t in (None,) + tuple(thresholds)}
            lines.append(_lowo_row(name, writer, list(runs.values())))
            for t, pairs in runs.items():
                pooled.setdefault(t, []).extend(pairs)
        lines.append(_lowo_row(name, "pooled", list(pooled.values())))
    return "\n".join(lines)


def _combined(name: str, source: str, signals: dict, text: str, flagged: bool):
    """A set's prediction from the rules' signals, with what the model adds when it flags the text."""
    if flagged and learned_opening(name, signals, True, text):
        signals = signals | learned_part(name, first_clause(text))
    return predict(source, signals)


def _lowo_row(name: str, writer: str, runs: list[list[tuple]]) -> str:
    """One row: the P / R of each run of (gold, guess) pairs (rules alone, then each threshold)."""
    cells = [_pr(pairs, True) for pairs in runs]
    shown = [f"{c['precision']:.3f} / {c['recall']:.3f}" + (f" (F1 {_f1(c):.3f})" if writer == "pooled" else "")
             for c in cells]
    return f"| {name} | {writer} | " + " | ".join(shown) + " |"


def _f1(score: dict) -> float:
    p, r = score["precision"], score["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--errors", choices=SPLITS[:2], help="list the texts a signal gets wrong in a dev split")
    parser.add_argument("--only", help="with --errors: one set (examples, first_person, personal_act, "
                                       "stock_phrase, blame)")
    parser.add_argument("--no-write", action="store_true", help="do not update models/metrics.json")
    parser.add_argument("--tuning", action="store_true", help="print the dev and more splits only (no test "
                                                              "figures) and do not write")
    parser.add_argument("--lowo", action="store_true", help="leave one writer out: the learned models' threshold")
    args = parser.parse_args()
    if args.lowo:
        print(leave_one_writer_out(args.profile))
        return
    started = time.perf_counter()
    scores, results = evaluate(args.profile)
    counts = {name: {split: sum(item["split"] == split for item, _ in pairs) for split in SPLITS}
              for name, pairs in results.items()}
    print(table(scores, SPLITS[:2] if args.tuning else SPLITS))
    print(f"{sum(len(r) for r in results.values())} texts in {time.perf_counter() - started:.1f} s")
    if args.errors:
        for name, pairs in results.items():
            if args.only and name != args.only:
                continue
            for item, guess in pairs:
                if item["split"] == args.errors and item["label"] != guess:
                    print(f"{name}\tgold={item['label']}\tguess={guess}\t{item['text']}\t{item.get('note', '')}")
    if not (args.no_write or args.tuning):
        write_metrics(scores, counts)
        print(f"written to {METRICS.relative_to(ROOT)} (signals)")


if __name__ == "__main__":
    main()
