"""The review session behind the page: uploads, corrections, figures and the cohort table."""

import pytest

from checker.classify import relabel
from checker.corrections import CorrectionStore
from checker.errors import InputError
from checker.pipeline import Checker
from checker.profile import load_profile
from checker.render.json_out import result_dict
from checker.review import (FIGURE_NAMES, Review, ReviewSession, Unreadable, check_upload, cohort_rows,
                            key_figures, sample_paths, sentence_choices, share_limit)
from test_bad_input import good_docx


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_upload_is_checked_under_its_own_name(tmp_path, checker):
    data = good_docx(tmp_path / "r.docx").read_bytes()
    result = check_upload(checker, "某村述职.docx", data)
    assert result.file == "某村述职.docx"
    assert result_dict(result) == result_dict(checker.check_path(tmp_path / "r.docx")) | {"file": "某村述职.docx"}


def test_unreadable_upload_names_the_upload(checker):
    with pytest.raises(InputError) as failure:
        check_upload(checker, "坏文件.docx", b"not a word file")
    assert failure.value.path == "坏文件.docx"
    assert "不是有效的 .docx" in failure.value.reason


def test_session_checks_each_upload_once(tmp_path, checker):
    session = ReviewSession(checker)
    data = good_docx(tmp_path / "r.docx").read_bytes()
    first = session.open("r.docx", data)
    assert isinstance(first, Review)
    assert session.open("r.docx", data) is first
    assert isinstance(session.open("bad.docx", b"nope"), Unreadable)


def test_correction_rejudges_and_is_stored(tmp_path, checker):
    store = CorrectionStore(tmp_path / "c.sqlite")
    session = ReviewSession(checker, store)
    review = session.open("r.docx", good_docx(tmp_path / "r.docx").read_bytes())
    labels = review.base.labeled.labels
    index = next(i for i, label in enumerate(labels) if label != "problem" and i > 0)
    result = session.correct(review, index, "problem")
    expected = checker.judge(relabel(review.base.labeled, {index: "problem"}))
    assert result.labeled.labels[index] == "problem" and result.labeled.confidences[index] == 1.0
    assert result.figures.body_shares == expected.figures.body_shares != review.base.figures.body_shares
    assert [(c.paragraph, c.label, c.predicted) for c in store.corrections()] == [
        (review.base.labeled.segmented.sentences[index].paragraph, "problem", labels[index])]
    reopened = ReviewSession(checker, store).open("r.docx", good_docx(tmp_path / "r.docx").read_bytes())
    assert reopened.corrections == {index: "problem"}
    assert reopened.result.figures.body_shares == expected.figures.body_shares


def test_key_figures_name_every_value(tmp_path, checker):
    data = result_dict(checker.check_path(good_docx(tmp_path / "r.docx")))
    figures = dict(key_figures(data))
    assert figures["字数"] == str(data["chars"])
    assert figures["成绩占比"] == f"{data['body_shares']['achievement']:.0%}"
    assert len(figures) == len({"chars", "achievement_share"} | set(data["figures"]))
    for key in data["figures"]:
        assert FIGURE_NAMES.get(key, key) in figures


def test_sentence_choices_cover_every_sentence(tmp_path, checker):
    data = result_dict(checker.check_path(good_docx(tmp_path / "r.docx")))
    choices = sentence_choices(data)
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert list(choices) == [s["index"] for s in sentences]
    assert choices[2].startswith("第3段第1句") and sentences[2]["text"] in choices[2]


def test_share_limit_comes_from_the_profile():
    limit, text = share_limit(load_profile())
    assert abs(limit - 1 / 3) < 1e-3 and text == "1/3"


def test_cohort_rows(checker):
    reports = [result_dict(checker.check_path(p)) for p in sample_paths()]
    rows = cohort_rows(reports)
    assert [r["文件"] for r in rows] == [r["file"] for r in reports]
    assert [r["成绩占比"] for r in rows] == [r["body_shares"]["achievement"] for r in reports]
    assert [r["问题数"] for r in rows] == [len(r["flags"]) for r in reports]
