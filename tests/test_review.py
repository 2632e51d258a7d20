"""The review session behind the page: uploads, corrections, figures and the cohort table."""

import pytest

from checker.errors import InputError
from checker.pipeline import Checker
from checker.profile import load_profile
from checker.render.json_out import report_json
from checker.render.page import (FIGURE_NAMES, cohort_rows, key_figures, page_names, sample_paths,
                                 share_rule)
from checker.review.corrections import CorrectionStore
from checker.review.session import Review, ReviewSession, Unreadable, check_upload
from checker.summary import ReportSummary
from test_bad_input import good_docx


def labels(doc) -> list[str]:
    return [s._.label for s in doc.sents]


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_upload_is_checked_under_its_own_name(tmp_path, checker):
    data = good_docx(tmp_path / "r.docx").read_bytes()
    doc = check_upload(checker, "某村述职.docx", data)
    assert doc._.source.path == "某村述职.docx"
    assert report_json(doc) == report_json(checker.check_path(tmp_path / "r.docx")) | {"file": "某村述职.docx"}


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
    before = labels(review.base)
    index = next(i for i, label in enumerate(before) if label != "problem" and i > 0)
    doc = session.correct(review, index, "problem")
    expected = checker.relabel(review.base, {index: "problem"})
    corrected = list(doc.sents)[index]
    assert corrected._.label == "problem" and corrected._.confidence == 1.0
    assert labels(review.base) == before  # the classifier's labels are kept apart
    assert doc._.figures.body_shares == expected._.figures.body_shares != review.base._.figures.body_shares
    assert [(c.paragraph, c.label, c.predicted) for c in store.corrections()] == [
        (corrected._.paragraph, "problem", before[index])]
    reopened = ReviewSession(checker, store).open("r.docx", good_docx(tmp_path / "r.docx").read_bytes())
    assert reopened.corrections == {index: "problem"}
    assert reopened.doc._.figures.body_shares == expected._.figures.body_shares


def test_key_figures_name_every_value(tmp_path, checker):
    data = report_json(checker.check_path(good_docx(tmp_path / "r.docx")))
    for basis, shares in (("total", data["shares"]), ("body", data["body_shares"])):
        figures = dict(key_figures(data, share_rule(profile_file(tmp_path, basis=basis))))
        assert figures["字数"] == str(data["chars"])
        assert figures["成绩占比"] == f"{shares['achievement']:.0%}"
        assert len(figures) == len({"chars", "achievement_share"} | set(data["figures"]))
        for key in data["figures"]:
            assert FIGURE_NAMES.get(key, key) in figures


def profile_file(tmp_path, **settings):
    """A user profile extending default with ACHIEVEMENT_SHARE settings."""
    lines = [f"    {k}: {v}" for k, v in settings.items()]
    path = tmp_path / f"p{len(list(tmp_path.glob('p*.yaml')))}.yaml"
    path.write_text("name: mine\nextends: default\nrules:\n  ACHIEVEMENT_SHARE:\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return load_profile(str(path))


def test_share_rule_comes_from_the_profile(tmp_path):
    rule = share_rule(profile_file(tmp_path, max_share=0.25, limit_text='"1/4"', basis="body"))
    assert (rule.limit, rule.limit_text, rule.of) == (0.25, "1/4", "正文")
    data = {"shares": {"achievement": 0.1}, "body_shares": {"achievement": 0.2}}
    assert rule.shares(data) is data["body_shares"]
    rule = share_rule(profile_file(tmp_path, basis="total"))
    assert rule.shares(data) is data["shares"] and rule.of == "全文"
    rule = share_rule(profile_file(tmp_path, enabled="false"))
    assert abs(rule.limit - 1 / 3) < 1e-9


def test_rule_names_for_the_excel_columns(tmp_path):
    names = page_names(profile_file(tmp_path, name="篇幅占比"))
    profile = load_profile()
    assert names["ACHIEVEMENT_SHARE"] == "篇幅占比"
    assert set(names) == set(profile.rules) | set(profile.cohort) - {"REPEATED_PROBLEMS"}  # no last year's reports
    assert names["SIMILAR_TO"] == profile.cohort["SIMILAR_TO"].name


def test_cohort_rows(checker):
    reports = [ReportSummary.of(checker.check_path(p)) for p in sample_paths()]
    rule, names = share_rule(checker.profile), page_names(checker.profile)
    rows = cohort_rows(reports, rule, names)
    assert [r["文件"] for r in rows] == [r.file for r in reports]
    assert [r["成绩占比"] for r in rows] == [r.shares["achievement"] for r in reports]
    assert [r["问题数"] for r in rows] == [len(r.flags) for r in reports]
    assert [r["结论"] for r in rows] == [r.verdict_text for r in reports]
    assert [r["问题"] for r in rows] == ["、".join(names[f.code] for f in r.flags) for r in reports]
