"""The review page (app.py) driven by streamlit.testing.v1.AppTest: upload -> result -> correction -> new share."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from checker.errors import InputError
from checker.limits import Limits
from checker.pipeline import Checker
from checker.profile import load_profile
from checker.render.json_out import report_json
from checker.render.page import sample_paths, share_rule
from checker.review.corrections import CorrectionStore
from checker.review.session import check_upload

MAX_FILE_MB = int(Limits().max_file_mb)

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TIMEOUT = 120


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "corrections.sqlite"
    monkeypatch.setenv("SHUZHI_DB", str(path))
    return path


@pytest.fixture(scope="module")
def checker():
    return Checker()


def sample(name: str) -> Path:
    return next(p for p in sample_paths() if p.name == name)


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="uploads").set_value([(name, data, DOCX_MIME) for name, data in files]).run()
    assert not at.exception
    return at


def flag_expanders(at: AppTest) -> list:
    return [e for e in at.expander if e.label.startswith("[")]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def share(doc) -> float:
    """The achievement share the profile judges (of the whole text or of the body)."""
    return share_rule(load_profile()).shares(report_json(doc))["achievement"]


def share_text(result) -> str:
    return f"{share(result):.0%}"


def longest_achievement(doc) -> int:
    sentences = list(doc.sents)
    candidates = [i for i, s in enumerate(sentences) if s._.label == "achievement"]
    assert candidates, "the sample should have achievement sentences"
    return max(candidates, key=lambda i: sentences[i]._.chars)


def test_empty_page_invites_an_upload(db):
    at = new_app()
    assert any("上传" in i.value for i in at.info)
    assert not at.metric


def test_upload_result_correction_updates_share(db, checker):
    path = sample("v016.docx")
    at = upload(new_app(), (path.name, path.read_bytes()))
    expected = checker.check_path(path)
    assert metric(at, "字数") == str(expected._.figures.chars)
    assert metric(at, "成绩占比") == share_text(expected)
    page = next(h.value for h in at.html if 'class="shuzhi"' in h.value)
    assert page.count('class="sent label-') == len(list(expected.sents))
    assert len(flag_expanders(at)) == len(expected._.flags)

    index = longest_achievement(expected)
    corrected = checker.relabel(expected, {index: "problem"})
    assert share_text(corrected) != share_text(expected)
    at.selectbox(key=f"sentence:{path.name}").set_value(index).run()
    at.radio(key=f"label:{path.name}:{index}").set_value("problem")
    at.button(key=f"apply:{path.name}").click().run()
    assert not at.exception
    assert metric(at, "成绩占比") == share_text(corrected)
    assert len(flag_expanders(at)) == len(corrected._.flags)
    verdict = corrected._.verdict.value
    box = {"通过": at.success, "建议修改": at.warning, "退回修改": at.error}[verdict]
    assert f"结论：{verdict}" in [b.value for b in box]

    saved = CorrectionStore(db).corrections()
    assert [(c.text, c.label, c.predicted) for c in saved] == [
        (list(expected.sents)[index].text, "problem", "achievement")]


def test_saved_corrections_come_back_in_a_new_session(db, checker):
    path = sample("v016.docx")
    expected = checker.check_path(path)
    index = longest_achievement(expected)
    first = upload(new_app(), (path.name, path.read_bytes()))
    first.selectbox(key=f"sentence:{path.name}").set_value(index).run()
    first.radio(key=f"label:{path.name}:{index}").set_value("problem")
    first.button(key=f"apply:{path.name}").click().run()

    again = upload(new_app(), (path.name, path.read_bytes()))
    corrected = checker.relabel(expected, {index: "problem"})
    assert metric(again, "成绩占比") == share_text(corrected)


def test_open_sample_from_sidebar(db, checker):
    at = new_app()
    at.selectbox(key="sample_choice").set_value("j001.docx")
    at.button(key="open_sample").click().run()
    assert not at.exception
    assert metric(at, "字数") == str(checker.check_path(sample("j001.docx"))._.figures.chars)


def test_unreadable_files_listed_with_reason_others_shown(db, checker):
    good = sample("j001.docx")
    broken = b"PK\x03\x04 truncated"
    with pytest.raises(InputError) as failure:
        check_upload(checker, "broken.docx", broken)
    at = upload(new_app(), ("broken.docx", broken), (good.name, good.read_bytes()))
    assert f"broken.docx：{failure.value.reason}" in [e.value for e in at.error]
    assert metric(at, "字数") == str(checker.check_path(good)._.figures.chars)


def test_file_over_the_limit_gets_a_chinese_message(db):
    big = b"x" * (MAX_FILE_MB * 1024 * 1024 + 1)
    at = upload(new_app(), ("big.txt", big))
    errors = [e.value for e in at.error]
    assert any(e.startswith("big.txt：文件过大") and f"上限 {MAX_FILE_MB} MB" in e for e in errors), errors
    assert not at.metric


def test_cohort_view_for_several_reports(db, checker):
    paths = [sample("v016.docx"), sample("j001.docx")]
    at = upload(new_app(), *[(p.name, p.read_bytes()) for p in paths], ("broken.docx", b"not a word file"))
    assert [t.label for t in at.tabs] == ["单篇报告", "批次概况（2 份）"]
    assert [e.value for e in at.error if e.value.startswith("broken.docx：")]
    table = at.dataframe[0].value
    assert list(table["文件"]) == [p.name for p in paths]
    expected = [checker.check_path(p) for p in paths]
    assert list(table["成绩占比"]) == [share(r) for r in expected]
    assert list(table["问题数"]) == [len(r._.flags) for r in expected]
    assert list(table["结论"]) == [r._.verdict.value for r in expected]
    assert "汇总表（Excel）" in [d.label for d in at.get("download_button")]


def test_cohort_view_flags_copies_among_uploads(db):
    original = sample("v016.docx").read_bytes()
    at = upload(new_app(), ("甲村.docx", original), ("乙村.docx", original), ("j001.docx", sample("j001.docx").read_bytes()))
    table = at.dataframe[0].value
    copied = dict(zip(table["文件"], table["问题"]))
    assert "雷同" in copied["甲村.docx"] and "雷同" in copied["乙村.docx"]
    assert "雷同" not in copied["j001.docx"]


def test_upload_ceiling_matches_the_server_config():
    import tomllib

    from checker.review.serve import UPLOAD_CEILING_MB

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == UPLOAD_CEILING_MB > MAX_FILE_MB
    assert config["browser"]["gatherUsageStats"] is False
