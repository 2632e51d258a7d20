"""Training and evaluation: rebuild the model from corpus/ with a fixed seed; evaluate on the held-out split and
on the external sets (other writers, never trained on)."""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from checker.classify.baseline import BASELINE
from checker.classify.features import frame, sentence_records, with_context
from checker.classify.store import MODEL_FILE, save_model, shipped_model_path
from checker.doc import BODY, LABELS
from checker.errors import ModelError
from checker.measure.figures import shares_of
from checker.measure.learned import SIGNAL_MODELS, shipped_signal_path, signal_model_file
from checker.profile import load_profile
from checker.segment.normalize import normalized
from checker.segment.tokens import cut
from checker.textcount import count_chars
from checker.training.augment import augmented
from checker.training.corpus import EXTERNAL_SETS, RawReport, corpus_dir, gold, held_out_ids, load_raw
from checker.training.model import SEED, SentenceModel
from checker.training.selection import FOLDS, grid_search
from checker.training.signal_models import fit_signal_model

METRICS_FILE = "metrics.json"
AUGMENTED_COPIES = 2  # noisy copies of each training report (checker.training.augment)
GRID = {"C": [40.0], "smoothing": [0.6], "boundary": [0.2], "heading_weight": [0.2], "context_weight": [0.4, 0.6, 0.8]}  # what `shuzhi train --search` chooses among (a wider search is in the README)

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
            {"text": normalized(r["text"]), "tokens": " ".join(t for t in cut(normalized(r["text"])) if not t.isspace()),
             "heading": normalized(r.get("heading", "")), "outer": "", "opener": normalized(r.get("heading", "")),
             "role": "ROLE_heading" if r["text"] == r.get("heading") else "ROLE_body", "chars": count_chars(r["text"])}
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


def share_setting() -> tuple[str, float]:
    """(basis, limit) of the default profile's ACHIEVEMENT_SHARE: how the 1/3 decision is read."""
    rule = load_profile().rules["ACHIEVEMENT_SHARE"]
    return rule.basis, rule.max_share


def evaluate(classifier, reports: list[GoldReport], setting: tuple[str, float] | None = None) -> dict:
    """Sentence P/R/F1, and per report the achievement share and the 1/3 decision as the default profile's
    ACHIEVEMENT_SHARE rule reads them (its basis and max_share)."""
    basis, limit = setting or share_setting()
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


REAL_FORM_PREFIX = "r"  # reports by the real-form writers (corpus/README.md)


def split(reports: list[RawReport]) -> tuple[list[RawReport], list[RawReport]]:
    held_out = held_out_ids([r.id for r in reports])
    return [r for r in reports if r.id not in held_out], [r for r in reports if r.id in held_out]


def training_frame(reports: list[RawReport], extra: list[GoldReport] = (), copies: int = AUGMENTED_COPIES):
    """(X, y, groups): the reports, `copies` augmented copies of each (checker.training.augment, seeded) and the
    extra reports; X["augmented"] marks the copies, groups name each row's source report."""
    rng = random.Random(SEED)
    originals = gold_reports(reports) + list(extra)
    copied = gold_reports([augmented(r, rng, k) for r in reports for k in range(copies)])
    rows, labels, groups, flags = [], [], [], []
    for kind, golds in ((False, originals), (True, copied)):
        for g in golds:
            rows += g.records
            labels += g.labels
            groups += [g.id.split("~")[0]] * len(g.labels)
            flags += [kind] * len(g.labels)
    return frame(rows).assign(augmented=flags), labels, groups


def train(corpus: Path | None = None, out: Path | None = None, extra: list[Path] = (), search: bool = False,
          jobs: int = 1) -> dict:
    """Fit the shipped model (settings chosen by grouped cross-validation: `search` runs that again) and
    measure it; writes the model and models/metrics.json (keeping its signal figures)."""
    started, setting = time.time(), share_setting()
    train_set, test_set = split(load_raw(corpus))
    if not test_set or not train_set:
        raise ModelError(f"语料太少：{len(train_set)} 份用于训练、{len(test_set)} 份用于留出测试，两者都不能为空")
    extra_reports = [r for path in extra for r in jsonl_reports(path)]
    X, y, groups = training_frame(train_set, extra_reports)
    target = out / METRICS_FILE if out else metrics_path(corpus)
    previous = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    selection = previous.get("selection")
    if search:
        found = grid_search(X, y, groups, GRID, jobs)
        selection = {"grid": GRID, "best": found.best_params_, "folds": FOLDS,
                     "results": [{"params": p, "macro_f1": round(float(f), 4), "macro_f1_std": round(float(d), 4),
                                  "share_mae": round(-float(s), 4)}
                                 for p, f, d, s in zip(found.cv_results_["params"], found.cv_results_["mean_test_macro_f1"],
                                                       found.cv_results_["std_test_macro_f1"],
                                                       found.cv_results_["mean_test_share_error"])]}
        model = found.best_estimator_
    else:
        model = SentenceModel(**(selection or {}).get("best", {})).fit(X, y)
    test = gold_reports(test_set)
    metrics = {
        "seed": SEED,
        "train": {"reports": len(train_set), "augmented_copies": AUGMENTED_COPIES, "sentences": int((~X["augmented"]).sum()),
                  "extra_reports": len(extra_reports), "extra_sentences": sum(len(r.labels) for r in extra_reports)},
        "selection": selection,
        "test_ids": sorted(r.id for r in test),
        **evaluations(model, test, corpus, setting),
    }
    if "signals" in previous:
        metrics["signals"] = previous["signals"]
    save_model(model.frozen_, out / MODEL_FILE if out else shipped_model_path())
    for name in SIGNAL_MODELS:
        save_model(fit_signal_model(name, corpus), out / signal_model_file(name) if out else shipped_signal_path(name))
    metrics["train_seconds"] = round(time.time() - started, 1)
    target.write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return metrics


def metrics_path(corpus: Path | None = None) -> Path:
    """models/metrics.json beside the corpus (the repository checkout)."""
    return (corpus or corpus_dir()).parent / "models" / METRICS_FILE


FORMS = {  # the forms of real reports the metrics are broken down by (front matter `forms:`)
    "no_headings": {"no_headings"}, "slogan_headings": {"slogan_headings"}, "halfwidth_punct": {"halfwidth_punct"},
    "excerpt_without_opening": {"excerpt", "no_title"}, "unit_voice": {"unit_voice"},
}


def evaluations(classifier, test_set: list[GoldReport], corpus: Path | None = None,
                setting: tuple[str, float] | None = None) -> dict:
    """Model and baseline on the held-out split, and on each external set (never trained on), the realform set
    also by form."""
    setting = setting or share_setting()
    found = {"model": evaluate(classifier, test_set, setting),
             "baseline_heading_keywords": evaluate(BASELINE, test_set, setting),
             "held_out_by_writer": {part: evaluate(classifier, chosen, setting) for part, chosen in
                                    held_out_parts(test_set).items() if chosen}}
    for name in EXTERNAL_SETS:
        reports = load_raw(corpus, name)
        if not reports:
            continue
        external = gold_reports(reports)
        found[name] = {"model": evaluate(classifier, external, setting),
                       "baseline_heading_keywords": evaluate(BASELINE, external, setting)}
        by_form = {}
        for form, wanted in FORMS.items():
            chosen = [g for g, r in zip(external, reports) if wanted & _forms(r)]
            if chosen:
                by_form[form] = evaluate(classifier, chosen, setting)
        if by_form:
            found[name]["by_form"] = by_form
    return found


def held_out_parts(test_set: list[GoldReport]) -> dict[str, list[GoldReport]]:
    """The held-out split in two: the first corpus' house style, and the real-form writers' reports (ids r…)."""
    real = [g for g in test_set if g.id.startswith(REAL_FORM_PREFIX)]
    return {"house_style": [g for g in test_set if g not in real], "real_form": real}


def _forms(report: RawReport) -> set[str]:
    return {f.strip() for f in report.meta.get("forms", "").split(",") if f.strip()}


def evaluate_shipped(corpus: Path | None = None, directory: Path | None = None) -> dict:
    """Re-measure the shipped model and the baseline (what the notebook shows)."""
    from checker.classify.store import load_model

    _, test_set = split(load_raw(corpus))
    return evaluations(load_model(directory / MODEL_FILE if directory else None), gold_reports(test_set), corpus)


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
