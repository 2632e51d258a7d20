"""The review page (app.py) driven by streamlit.testing.v1.AppTest: upload -> result -> correction -> new share.

The report's text is a component whose clicks AppTest cannot make: `send` delivers the widget value the browser
would send (the component's "relabel" trigger, the cohort table's row selection); the clicks themselves are
made in tests/test_app_browser.py.
"""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from checker.errors import InputError
from checker.limits import Limits
from checker.pipeline import Checker
from checker.profile import builtin_names, load_profile
from checker.read import legacy, read_document
from checker.render.json_out import report_json
from checker.render.page import profile_title, sample_paths, sample_reports, share_rule
from checker.review.corrections import CorrectionStore
from checker.review.session import check_upload

MAX_FILE_MB = int(Limits().max_file_mb)

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TIMEOUT = 120
INTERNAL = "$$STREAMLIT_INTERNAL_KEY_"


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


def send(at: AppTest, widget_id: str, **value) -> AppTest:
    """Run the page with one widget value set as the browser sets it (e.g. json_trigger_value=...)."""
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = widget_id
    for field, content in value.items():
        setattr(state, field, content)
    at._run(states)
    assert not at.exception
    return at


def report_view(at: AppTest, name: str):
    return next(c for c in at.get("bidi_component") if c.proto.id.endswith(f"report:{name}"))


def report_page(at: AppTest, name: str) -> str:
    return json.loads(report_view(at, name).proto.json)["html"]


def relabel(at: AppTest, name: str, index: int, label: str) -> AppTest:
    """What a click on sentence `index` and then on `label` in its menu sends."""
    events = [{"event": "relabel", "value": {"sentence": index, "label": label}}]
    return send(at, f"{INTERNAL}{report_view(at, name).proto.id}__events", json_trigger_value=json.dumps(events))


def open_row(at: AppTest, row: int) -> AppTest:
    """A click on a row of the cohort table."""
    selection = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return send(at, at.dataframe[0].proto.id, string_value=json.dumps(selection))


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


def verdict_boxes(at: AppTest) -> list[str]:
    return [b.value for b in [*at.success, *at.warning, *at.error] if b.value.startswith("结论：")]


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
    assert report_page(at, path.name).count('class="sent label-') == len(list(expected.sents))
    assert len(flag_expanders(at)) == len(expected._.flags)

    index = longest_achievement(expected)
    corrected = checker.relabel(expected, {index: "problem"})
    assert share_text(corrected) != share_text(expected)
    relabel(at, path.name, index, "problem")
    assert metric(at, "成绩占比") == share_text(corrected)
    assert len(flag_expanders(at)) == len(corrected._.flags)
    assert verdict_boxes(at) == [f"结论：{corrected._.verdict.value}"]
    assert f'data-index="{index}" data-label="problem"' in report_page(at, path.name)
    assert "问题（已更正）" in report_page(at, path.name)

    saved = CorrectionStore(db).corrections()
    assert [(c.text, c.label, c.predicted) for c in saved] == [
        (list(expected.sents)[index].text, "problem", "achievement")]


def test_a_malformed_relabel_request_changes_nothing(db, checker):
    path = sample("v016.docx")
    at = upload(new_app(), (path.name, path.read_bytes()))
    before = metric(at, "成绩占比")
    relabel(at, path.name, 10_000, "problem")
    relabel(at, path.name, 3, "slogan")
    assert metric(at, "成绩占比") == before and not CorrectionStore(db).corrections()


def test_saved_corrections_come_back_in_a_new_session(db, checker):
    path = sample("v016.docx")
    expected = checker.check_path(path)
    index = longest_achievement(expected)
    relabel(upload(new_app(), (path.name, path.read_bytes())), path.name, index, "problem")

    again = upload(new_app(), (path.name, path.read_bytes()))
    corrected = checker.relabel(expected, {index: "problem"})
    assert metric(again, "成绩占比") == share_text(corrected)


def test_flags_are_listed_by_name_and_link_to_their_words(db, checker):
    path = sample("j009.docx")
    at = upload(new_app(), (path.name, path.read_bytes()))
    expected = checker.check_path(path)
    titles = [e.label for e in flag_expanders(at)]
    assert titles == [f"[{'错误' if f.severity.value == 'error' else '警告' if f.severity.value == 'warning' else '提示'}]"
                      f" {f.name}：{f.message}" for f in expected._.flags]
    html = report_page(at, path.name)
    with_words = next(k for k, f in enumerate(expected._.flags) if f.evidence)
    first = expected._.flags[with_words].evidence[0]
    assert f'id="ev-{first.sentence}-{first.start}"' in html
    links = "".join(h.value for h in at.html if "shuzhi-jump" in h.value)
    assert f'href="#ev-{first.sentence}-{first.start}" data-flag="{with_words}"' in links


def test_open_sample_from_sidebar_by_its_title(db, checker):
    at = new_app()
    titles = sample_reports()
    options = at.selectbox(key="sample_choice").options
    assert options == list(titles) and not [o for o in options if re.search(r"[A-Za-z]", o)]
    title = next(t for t, p in titles.items() if p.name == "j001.docx")
    at.selectbox(key="sample_choice").set_value(title)
    at.button(key="open_sample").click().run()
    assert not at.exception
    assert metric(at, "字数") == str(checker.check_path(sample("j001.docx"))._.figures.chars)
    assert title == read_document(sample("j001.docx")).title


def test_profiles_are_offered_by_their_chinese_names(db):
    at = new_app()
    options = at.sidebar.selectbox[0].options
    assert options == [profile_title(n) for n in builtin_names()]
    assert {"通用要求", "吉县 2018 通知", "月浦镇 2015 通知"} <= set(options)
    assert not [o for o in options if re.search(r"[A-Za-z]", o)]


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


def test_any_format_reaches_the_reader_and_is_refused_in_chinese(db):
    at = upload(new_app(), ("report.pdf", b"%PDF-1.4 nothing"))
    assert any(e.startswith("report.pdf：不支持的文件格式（.pdf）") for e in [e.value for e in at.error])


def test_a_doc_upload_without_libreoffice_is_refused_in_chinese(db, monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    at = new_app()
    assert ".doc、" not in at.file_uploader(key="uploads").proto.label
    upload(at, ("old.doc", legacy.OLE_MAGIC + legacy.WORD_STREAM + bytes(512)))
    assert [e.value for e in at.error if e.value.startswith("old.doc：旧版格式（.doc）需要转换")]


@pytest.mark.skipif(not legacy.soffice(), reason="需要 LibreOffice（soffice）")
def test_a_doc_upload_is_read_through_libreoffice(db, checker, tmp_path):
    import subprocess

    subprocess.run([legacy.soffice(), "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(sample("j001.docx"))], check=True, capture_output=True, timeout=180)
    at = new_app()
    assert ".doc、.wps" in at.file_uploader(key="uploads").proto.label
    upload(at, ("j001.doc", (tmp_path / "j001.doc").read_bytes()))
    assert metric(at, "字数") == str(checker.check_path(sample("j001.docx"))._.figures.chars)


def test_the_same_file_uploaded_twice_is_checked_once(db):
    data = sample("j001.docx").read_bytes()
    at = upload(new_app(), ("甲.docx", data), ("乙.docx", data))
    assert not at.tabs and at.metric
    assert [i.value for i in at.info] == ["内容相同的文件只检查一次：乙.docx（与 甲.docx 相同）"]


def test_cohort_view_for_several_reports(db, checker):
    paths = [sample("v016.docx"), sample("j001.docx")]
    at = upload(new_app(), *[(p.name, p.read_bytes()) for p in paths], ("broken.docx", b"not a word file"))
    assert [t.label for t in at.tabs] == ["单篇报告", "批次概况（2 份）"]
    assert [e.value for e in at.error if e.value.startswith("broken.docx：")]
    table = at.dataframe[0].value
    assert list(table.columns[:4]) == ["结论", "问题数", "成绩占比", "字数"]
    assert list(table["文件"]) == [p.name for p in paths]
    expected = [checker.check_path(p) for p in paths]
    assert list(table["成绩占比"]) == [share(r) for r in expected]
    assert list(table["问题数"]) == [len(r._.flags) for r in expected]
    assert list(table["结论"]) == [r._.verdict.value for r in expected]
    assert "汇总表（.xlsx）" in [d.label for d in at.get("download_button")]


def test_a_click_on_a_cohort_row_opens_that_report_with_the_same_verdict(db):
    paths = [sample("v016.docx"), sample("j001.docx"), sample("c013.docx")]
    at = upload(new_app(), *[(p.name, p.read_bytes()) for p in paths])
    verdicts = list(at.dataframe[0].value["结论"])
    open_row(at, 2)
    assert at.session_state["view"] == "单篇报告" and at.selectbox(key="report_choice").value == 2
    assert verdict_boxes(at) == [f"结论：{verdicts[2]}"]


def test_cohort_view_flags_copies_among_uploads(db):
    original = sample("v016.docx")
    as_text = "\n".join(b.text for b in read_document(original).blocks).encode("utf-8")
    at = upload(new_app(), ("甲村.docx", original.read_bytes()), ("乙村.txt", as_text),
                ("j001.docx", sample("j001.docx").read_bytes()))
    table = at.dataframe[0].value
    copied = dict(zip(table["文件"], table["问题"]))
    assert "雷同" in copied["甲村.docx"] and "雷同" in copied["乙村.txt"]
    assert "雷同" not in copied["j001.docx"]


def test_no_flag_code_is_shown(db, checker):
    path = sample("j009.docx")
    at = upload(new_app(), (path.name, path.read_bytes()))
    shown = " ".join([e.label for e in at.expander] + [m.value for m in at.markdown] + [h.value for h in at.html]
                     + [b.value for b in [*at.success, *at.warning, *at.error, *at.info]]
                     + [report_page(at, path.name)])
    codes = {f.code for f in checker.check_path(path)._.flags} | set(load_profile().names())
    assert [c for c in codes if c in shown] == []
    assert "JSONL" not in shown and "JSON" not in shown


def test_upload_ceiling_matches_the_server_config():
    import tomllib

    from checker.review.serve import UPLOAD_CEILING_MB

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == UPLOAD_CEILING_MB > MAX_FILE_MB
    assert config["browser"]["gatherUsageStats"] is False
