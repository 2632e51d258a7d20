"""The SQLite store of label corrections and its export in the corpus format."""

import json
from pathlib import Path

import platformdirs

from checker.review.corrections import CorrectionStore, correction_for, default_db_path
from checker.segment import segment
from checker.training.corpus import load_raw, sentence_rows


def labelled_doc(report, labels: list[str], confidence: float):
    doc = segment(report.to_document())
    for sentence, label in zip(doc.sents, labels):
        sentence._.label, sentence._.confidence = label, confidence
    return doc


def labeled_report():
    """The first corpus report with its human labels, and its sentences.jsonl rows."""
    report = load_raw()[0]
    rows = sentence_rows(report, "train")
    return labelled_doc(report, [r["label"] for r in rows], 0.5), rows


def other_label(label: str) -> str:
    return "problem" if label != "problem" else "plan"


def test_default_path_from_env_else_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SHUZHI_DB", str(tmp_path / "x.sqlite"))
    assert default_db_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("SHUZHI_DB")
    assert default_db_path() == Path(platformdirs.user_data_dir("shuzhi-checker", appauthor=False)) / "corrections.sqlite"


def test_export_matches_the_corpus_rows_of_the_same_sentences(tmp_path):
    labeled, rows = labeled_report()
    store = CorrectionStore(tmp_path / "sub" / "c.sqlite")
    picked = [1, len(rows) // 2, len(rows) - 1]
    for index in picked:
        store.save(correction_for(labeled, index, other_label(rows[index]["label"])))
    exported = [json.loads(line) for line in store.export_jsonl().splitlines()]
    expected = [rows[i] | {"label": other_label(rows[i]["label"])} for i in picked]
    key = lambda r: (r["paragraph"], r["sentence"])  # noqa: E731
    assert sorted(exported, key=key) == sorted(expected, key=key)


def test_latest_label_wins_and_prediction_is_kept(tmp_path):
    labeled, rows = labeled_report()
    store = CorrectionStore(tmp_path / "c.sqlite")
    predicted = labelled_doc(load_raw()[0], ["other"] * len(rows), 0.4)
    store.save(correction_for(labeled, 3, "plan", predicted))
    store.save(correction_for(labeled, 3, "problem", predicted))
    [saved] = CorrectionStore(tmp_path / "c.sqlite").corrections()
    assert (saved.label, saved.predicted, saved.confidence) == ("problem", "other", 0.4)
    assert saved.text == list(labeled.sents)[3].text
    assert len(store) == 1


def test_corrections_of_one_report(tmp_path):
    labeled, rows = labeled_report()
    store = CorrectionStore(tmp_path / "c.sqlite")
    store.save(correction_for(labeled, 0, "other"))
    assert [c.report_id for c in store.corrections(rows[0]["report_id"])] == [rows[0]["report_id"]]
    assert store.corrections("no-such-report") == []
