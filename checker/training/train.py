"""Training and evaluation: rebuild the model from corpus/ with a fixed seed; evaluate on the held-out split and
on the external sets (other writers, never trained on)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from checker.classify.baseline import BASELINE
from checker.classify.features import frame, sentence_records, with_context
from checker.classify.model import SEED, SentenceModel
from checker.classify.store import MODEL_FILE, save_model, shipped_model_path
from checker.doc import BODY, LABELS
from checker.errors import ModelError
from checker.measure.figures import shares_of
from checker.profile import load_profile
from checker.segment.tokens import cut
from checker.textcount import count_chars
from checker.training.corpus import EXTERNAL_SETS, RawReport, corpus_dir, gold, held_out_ids, load_raw

METRICS_FILE = "metrics.json"

@dataclass
class GoldReport:
    id: str
    records: list[dict]
    labels: list[str]
    chars: list[int]


def gold_reports(reports: list[RawReport]) -> list[GoldReport]:
    out = []
    for report in reports:
        doc, labels = gold(report)
        out.append(GoldReport(report.id, sentence_records(doc, report.id), labels, [s._.chars for s in doc.sents]))
    return out


def jsonl_reports(path: Path) -> list[GoldReport]:
    """Labelled sentences in the corpus JSONL format (e.g. reviewers' corrections exported by the app),
    one pseudo-report per report_id in paragraph/sentence order; used for training only."""
    groups: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            groups.setdefault(str(row["report_id"]), []).append(row)
    out = []
    for report_id, rows in groups.items():
        rows.sort(key=lambda r: (r["paragraph"], r["sentence"]))
        records = with_context([
            {"text": r["text"], "tokens": " ".join(t for t in cut(r["text"]) if not t.isspace()),
             "heading": r.get("heading", ""), "role": "heading" if r["text"] == r.get("heading") else "body",
             "chars": count_chars(r["text"])}
            for r in rows
        ], f"extra:{report_id}")
        out.append(GoldReport(f"extra:{report_id}", records, [r["label"] for r in rows], [r["chars"] for r in records]))
    return out


def achievement_share(labels: list[str], chars: list[int], basis: str = "total") -> float:
    """Achievement characters over the whole text (basis total) or over 成绩+问题+打算 (basis body)."""
    totals = dict.fromkeys(LABELS, 0)
    for label, count in zip(labels, chars):
        totals[label] += count
    return (shares_of(totals) if basis == "total" else shares_of(totals, BODY))["achievement"]


def evaluate(classifier, reports: list[GoldReport]) -> dict:
    """Sentence P/R/F1, and per report the achievement share and the 1/3 decision as the default profile's
    ACHIEVEMENT_SHARE rule reads them (its basis and max_share)."""
    rule = load_profile().rules["ACHIEVEMENT_SHARE"]
    basis, limit = rule.basis, rule.max_share
    gold_all, pred_all, errors, decisions = [], [], [], []
    for r in reports:
        predicted = [str(p) for p in classifier.predict(frame(r.records))]
        gold_all += r.labels
        pred_all += predicted
        g, p = achievement_share(r.labels, r.chars, basis), achievement_share(predicted, r.chars, basis)
        errors.append(abs(g - p))
        decisions.append((g > limit) == (p > limit))
    precision, recall, f1, support = precision_recall_fscore_support(gold_all, pred_all, labels=list(LABELS),
                                                                     zero_division=0)
    return {
        "per_label": {label: {"precision": round(float(precision[i]), 4), "recall": round(float(recall[i]), 4),
                              "f1": round(float(f1[i]), 4), "support": int(support[i])}
                      for i, label in enumerate(LABELS)},
        "macro_f1": round(float(f1.mean()), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold_all, pred_all)) / len(gold_all), 4),
        "confusion_matrix": {"labels": list(LABELS),
                             "rows_gold_cols_predicted": confusion_matrix(gold_all, pred_all, labels=list(LABELS)).tolist()},
        "share_mae": round(sum(errors) / len(errors), 4),
        "one_third_decision_accuracy": round(sum(decisions) / len(decisions), 4),
        "reports": len(reports),
        "sentences": len(gold_all),
    }


def split(reports: list[GoldReport]) -> tuple[list[GoldReport], list[GoldReport]]:
    held_out = held_out_ids([r.id for r in reports])
    return [r for r in reports if r.id not in held_out], [r for r in reports if r.id in held_out]


def train(corpus: Path | None = None, out: Path | None = None, extra: list[Path] = ()) -> dict:
    started = time.time()
    train_set, test_set = split(gold_reports(load_raw(corpus)))
    if not test_set or not train_set:
        raise ModelError(f"语料太少：{len(train_set)} 份用于训练、{len(test_set)} 份用于留出测试，两者都不能为空")
    extra_reports = [r for path in extra for r in jsonl_reports(path)]
    train_set += extra_reports
    model = SentenceModel().fit(frame([x for r in train_set for x in r.records]), [y for r in train_set for y in r.labels])
    metrics = {
        "seed": SEED,
        "train": {"reports": len(train_set), "sentences": sum(len(r.labels) for r in train_set),
                  "extra_sentences": sum(len(r.labels) for r in extra_reports)},
        "test_ids": sorted(r.id for r in test_set),
        **evaluations(model, test_set, corpus),
    }
    save_model(model, out / MODEL_FILE if out else shipped_model_path())
    metrics["train_seconds"] = round(time.time() - started, 1)
    target = out / METRICS_FILE if out else metrics_path(corpus)
    target.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return metrics


def metrics_path(corpus: Path | None = None) -> Path:
    """models/metrics.json beside the corpus (the repository checkout)."""
    return (corpus or corpus_dir()).parent / "models" / METRICS_FILE


def evaluations(classifier, test_set: list[GoldReport], corpus: Path | None = None) -> dict:
    """Model and baseline on the held-out split, and on corpus/external/ (never trained on) when present."""
    found = {"model": evaluate(classifier, test_set), "baseline_heading_keywords": evaluate(BASELINE, test_set)}
    for name in EXTERNAL_SETS:
        external = gold_reports(load_raw(corpus, name))
        if external:
            found[name] = {"model": evaluate(classifier, external),
                           "baseline_heading_keywords": evaluate(BASELINE, external)}
    return found


def evaluate_shipped(corpus: Path | None = None, directory: Path | None = None) -> dict:
    """Re-measure the shipped model and the baseline (what the notebook shows)."""
    from checker.classify.store import load_model

    _, test_set = split(gold_reports(load_raw(corpus)))
    return evaluations(load_model(directory / MODEL_FILE if directory else None), test_set, corpus)


def metrics_table(metrics: dict) -> str:
    """The evaluation as a plain table: model vs heading-keyword baseline, held-out split (and external set)."""
    columns = [("held-out", metrics)] + [(name, metrics[name]) for name in EXTERNAL_SETS if name in metrics]
    rows = ["".join([f"{'':<26}"] + [f"{name + ' ' + kind:>22}" for name, _ in columns for kind in ("model", "base")])]
    for label in LABELS:
        rows.append(f"{label + ' F1':<26}" + "".join(
            f"{m[k]['per_label'][label]['f1']:>22.3f}" for _, m in columns for k in ("model", "baseline_heading_keywords")))
    for key in ("macro_f1", "accuracy", "share_mae", "one_third_decision_accuracy"):
        rows.append(f"{key:<26}" + "".join(
            f"{m[k][key]:>22.3f}" for _, m in columns for k in ("model", "baseline_heading_keywords")))
    return "\n".join(rows)
