"""Reliability: no lost text, no crash on a damaged file, clean output errors, the model, the smaller defects."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

import checker.read
from checker.cli import main
from checker.cohort import batch
from checker.cohort.journal import RunLock, journal_path
from checker.errors import InputError, ProfileError
from checker.limits import Limits
from checker.profile import load_profile
from checker.read import read_document
from checker.review.corrections import CorrectionStore, StoreError
from checker.textcount import count_chars
from docx_parts import merged_table, package, paragraph, text_box_paragraph
from test_bad_input import good_docx

ROOT = Path(__file__).resolve().parent.parent


def read_texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks]


# Reading: tables, text boxes, document2.xml, dangling relationships

def test_every_cell_of_a_big_merged_table_is_read_once_the_same_way_every_time(tmp_path, capsys):
    table, cells = merged_table(20, 6)
    path = tmp_path / "tables.docx"
    path.write_bytes(package(paragraph("问题清单、责任清单、整改清单如下：") + table))
    runs = [read_texts(path) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert runs[0] == ["问题清单、责任清单、整改清单如下：", *cells] and len(cells) == 20 * 6 - 10 - 1
    expected = sum(count_chars(t) for t in runs[0])
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["chars"] == expected
    for jobs in ("1", "2"):
        out = tmp_path / f"r{jobs}.xlsx"
        assert main(["batch", str(path), "--out", str(out), "--jobs", jobs]) == 0
        assert pd.read_excel(out, sheet_name="汇总")["字数"].tolist() == [expected]


def test_text_boxes_are_read_once_after_their_paragraph(tmp_path):
    path = tmp_path / "box.docx"
    path.write_bytes(package(paragraph("一、主要工作") + text_box_paragraph("见右侧：", ["全年我讲党课4次。", "走访党员36户。"])
                             + paragraph("二、存在问题")))
    assert read_texts(path) == ["一、主要工作", "见右侧：", "全年我讲党课4次。", "走访党员36户。", "二、存在问题"]


def test_word_online_main_part_document2_xml_is_read(tmp_path):
    path = tmp_path / "online.docx"
    path.write_bytes(package(paragraph("全年我主持召开支委会12次。"), main="word/document2.xml"))
    assert read_texts(path) == ["全年我主持召开支委会12次。"]


def test_a_missing_part_is_a_warning_not_a_refusal(tmp_path, capsys):
    path = tmp_path / "dangling.docx"
    path.write_bytes(package(paragraph("全年我主持召开支委会12次。"), drop=("word/styles.xml", "docProps/core.xml")))
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["全年我主持召开支委会12次。"]
    assert any("word/styles.xml" in w and "缺失" in w for w in document.warnings)
    assert main(["check", str(path)]) in (0, 1)
    assert "提示：文档引用的部件 word/styles.xml 缺失" in capsys.readouterr().out


# Every exception while reading one file is that file's one line, exit 2; the others are still checked

@pytest.mark.parametrize("error", [zlib.error("invalid stored block lengths"), KeyError("word/numbering.xml"),
                                   zipfile.BadZipFile("Bad CRC-32"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
                                   etree.XMLSyntaxError("boom", 1, 1, 1), MemoryError(), RecursionError("deep"),
                                   ZeroDivisionError("an unseen defect")])
def test_any_exception_while_reading_is_one_line_and_the_others_go_on(tmp_path, capsys, monkeypatch, error):
    good, bad = good_docx(tmp_path / "good.docx"), good_docx(tmp_path / "bad.docx")
    real = checker.read._docx

    def failing(path, *args):
        if path.name == "bad.docx":
            raise error
        return real(path, *args)

    monkeypatch.setattr(checker.read, "_docx", failing)
    code = main(["check", str(bad), str(good), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"错误：{bad}：") and "Traceback" not in out + err
    results = json.loads(out)
    assert "error" in results[0] and results[1]["chars"] > 0


def test_debug_shows_the_detail_of_an_unexpected_defect(tmp_path, capsys, monkeypatch):
    path = good_docx(tmp_path / "r.docx")
    monkeypatch.setattr(checker.read, "_docx", lambda *a: 1 / 0)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ZeroDivisionError" in err and "Traceback" not in err
    assert main(["--debug", "check", str(path)]) == 2
    assert "Traceback" in capsys.readouterr().err  # the log, only with --debug


def test_a_damaged_member_of_a_cohort_zip_is_a_row_and_the_rest_is_checked(tmp_path):
    good = good_docx(tmp_path / "good.docx").read_bytes()
    damaged = bytearray(good)
    start = damaged.find(b"word/document.xml") + 40
    damaged[start:start + 40] = bytes(40)  # inside the compressed document part
    archive = tmp_path / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.docx", good)
        zf.writestr("b.docx", bytes(damaged))
        zf.writestr("c.docx", good)
    out = tmp_path / "r.xlsx"
    assert main(["batch", str(archive), "--out", str(out), "--jobs", "1"]) == 2
    rows = pd.read_excel(out, sheet_name="汇总").set_index("文件")
    assert list(rows["状态"]) == ["已检查", "错误", "已检查"]
    assert "损坏" in rows.loc["cohort.zip/b.docx", "原因"]


# Size and time limits

def test_a_five_million_character_paragraph_is_refused_in_seconds(tmp_path):
    path = tmp_path / "huge.docx"
    path.write_bytes(package(paragraph("党" * 5_000_000)))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2 and "文字过多" in done.stderr and done.stderr.count("\n") == 1
    assert time.monotonic() - started < 120


def test_segmenting_is_linear_in_the_length_of_a_paragraph():
    from checker.read import Block, Document
    from checker.segment import segment

    doc = segment(Document("long.txt", [Block("我主持召开会议，" * 40_000)]))  # 320 000 characters, one sentence
    assert len(doc) > 100_000 and len(list(doc.sents)) == 1


def test_a_file_over_its_time_limit_is_an_error_row(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    good_docx(folder / "fast.docx")
    good_docx(folder / "slow.docx")
    real = checker.read._docx

    def slow(path, *args):
        if path.name == "slow.docx":
            time.sleep(5)
        return real(path, *args)

    monkeypatch.setattr(checker.read, "_docx", slow)
    run = batch.run_batch([str(folder)], tmp_path / "r.xlsx", jobs=1, progress=False, limits=Limits(seconds=1))
    rows = {r.file: r for r in run.rows}
    assert "超时" in rows["in/slow.docx"].error and rows["in/fast.docx"].checked


# Output errors

def test_a_file_name_too_long_for_json_is_shortened_with_a_hash(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = ("关于" + "某某镇某某村党支部书记抓基层党建工作述职报告" * 4)[:82] + ".docx"  # 251 bytes: fits,
    good_docx(folder / long_name)                                                            # but not with .json
    assert len(long_name.encode("utf-8")) + len(".json") > 255
    json_dir = tmp_path / "json"
    assert main(["batch", str(folder), "--out", str(tmp_path / "r.xlsx"), "--json", str(json_dir), "--jobs", "1"]) == 0
    [written] = list(json_dir.rglob("*.json"))
    assert len(written.name.encode("utf-8")) <= 255 and "~" in written.name
    assert json.loads(written.read_text(encoding="utf-8"))["file"] == f"in/{long_name}"


def test_a_full_disk_is_one_chinese_line_and_the_journal_is_kept_for_resume(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.docx", "b.docx"):
        good_docx(folder / name)
    out = tmp_path / "r.xlsx"
    real = Path.open

    def full(self, *args, **kwargs):
        if self.name.endswith(".xlsx.tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", full)
    assert main(["batch", str(folder), "--out", str(out), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if line.startswith("错误：")]  # beside the progress bar
    assert "磁盘空间不足" in line and "--resume" in line and "Traceback" not in err
    assert journal_path(out).exists() and not out.exists()
    monkeypatch.setattr(Path, "open", real)
    checked = []
    monkeypatch.setattr(batch, "check_items", lambda items: checked.extend(items) or [])
    assert main(["batch", str(folder), "--out", str(out), "--resume"]) == 0
    assert checked == [] and out.exists() and not journal_path(out).exists()


def test_a_second_run_on_the_same_out_is_refused(tmp_path, capsys):
    good_docx(tmp_path / "a.docx")
    out = tmp_path / "r.xlsx"
    with RunLock(out):
        assert main(["batch", str(tmp_path / "a.docx"), "--out", str(out), "--jobs", "1"]) == 2
    assert "另一个批量检查正在写入" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "a.docx"), "--out", str(out), "--jobs", "1"]) == 0


def test_a_closed_pipe_ends_quietly(tmp_path):
    paths = [str(good_docx(tmp_path / f"{i}.docx")) for i in range(3)]
    done = subprocess.run(f"{sys.executable} -m checker.cli check {' '.join(paths)} --sentences | head -1",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


# The model

def test_a_missing_model_is_a_chinese_error_unless_baseline(tmp_path, monkeypatch, capsys):
    path = good_docx(tmp_path / "r.docx")
    monkeypatch.setenv("SHUZHI_MODEL", str(tmp_path / "none.npz"))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "找不到分类模型" in err and "--baseline" in err
    assert main(["check", str(path), "--baseline"]) in (0, 1)
    assert "提示：未加载分类模型，结果仅供参考" in capsys.readouterr().out


def test_a_truncated_model_is_a_chinese_error(tmp_path, monkeypatch, capsys):
    from checker.classify.store import shipped_model_path

    broken = tmp_path / "broken.npz"
    broken.write_bytes(shipped_model_path().read_bytes()[:50_000])
    monkeypatch.setenv("SHUZHI_MODEL", str(broken))
    assert main(["check", str(good_docx(tmp_path / "r.docx"))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "已损坏" in err and "Traceback" not in err


def test_saving_a_model_is_atomic(tmp_path, monkeypatch):
    import numpy as np

    from checker.classify.store import load_model, save_model

    target = tmp_path / "classifier.npz"
    target.write_bytes(b"the previous model")

    def interrupted(file, **arrays):
        file.write(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez_compressed", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_model(load_model(), target)
    assert target.read_bytes() == b"the previous model" and list(tmp_path.iterdir()) == [target]


@pytest.mark.slow
def test_the_wheel_ships_the_model_profiles_samples_and_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    [wheel] = tmp_path.glob("shuzhi_checker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    from checker.measure.learned import SIGNAL_MODELS, signal_model_file

    signal_models = tuple(f"checker/models/{signal_model_file(name)}" for name in SIGNAL_MODELS)
    for needed in ("checker/models/classifier.npz", "checker/profiles/default.yaml", "checker/profiles/profile.schema.json",
                   "checker/data/baseline.yaml", "checker/samples/v001.docx", "checker/review/app.py") + signal_models:
        assert needed in names, needed


# Smaller defects

def test_a_zip_bomb_inside_a_zip_does_not_cost_the_good_report(tmp_path, monkeypatch):
    from checker.cohort import inputs

    monkeypatch.setattr(inputs, "MAX_UNPACKED_MB", 20)
    inner = tmp_path / "bomb.zip"
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("zeros.txt", b"\0" * (40 * 1024 * 1024))
    archive = tmp_path / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(inner, "bomb.zip")
        zf.write(good_docx(tmp_path / "good.docx"), "good.docx")
    items = {i.name: i for i in inputs.collect([str(archive)], tmp_path / "work")}
    assert "压缩炸弹" in items["cohort.zip/bomb.zip/zeros.txt"].error
    assert not items["cohort.zip/good.docx"].error
    assert sum(f.stat().st_size for f in (tmp_path / "work").rglob("*") if f.is_file()) < 25 * 1024 * 1024


def test_symlinks_out_of_the_input_folder_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("一、主要工作\n机密内容不应被读取。\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    good_docx(folder / "good.docx")
    (folder / "link.txt").symlink_to(secret)
    json_dir = tmp_path / "json"
    assert main(["batch", str(folder), "--out", str(tmp_path / "r.xlsx"), "--json", str(json_dir), "--jobs", "1"]) == 2
    rows = pd.read_excel(tmp_path / "r.xlsx", sheet_name="汇总").set_index("文件")
    assert "符号链接" in rows.loc["in/link.txt", "原因"]
    assert not any("机密" in p.read_text(encoding="utf-8") for p in json_dir.rglob("*.json"))


def test_yaml_aliases_in_a_profile_are_refused(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nrules: {}\n"
    (tmp_path / "bomb.yaml").write_text(bomb, encoding="utf-8")
    with pytest.raises(ProfileError, match="别名"):
        load_profile(str(tmp_path / "bomb.yaml"))


def test_a_locked_store_is_a_chinese_store_error(tmp_path, monkeypatch):
    from checker.review import corrections

    monkeypatch.setattr(corrections, "BUSY_SECONDS", 0.1)
    store = CorrectionStore(tmp_path / "c.sqlite")
    holder = sqlite3.connect(tmp_path / "c.sqlite")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="正忙或无法写入"):
            store.save(corrections.Correction("r", 0, 0, "句子。", "problem", "", "plan", 0.5, "r.docx"))
    finally:
        holder.rollback()
        holder.close()


def test_temp_folders_of_a_killed_run_are_removed_by_the_next(tmp_path):
    import tempfile

    stale = Path(tempfile.gettempdir()) / f"{batch.TEMP_PREFIX}999999999-test"
    (stale / "current").mkdir(parents=True, exist_ok=True)
    (stale / "current" / "report.docx").write_bytes(b"extracted")
    good_docx(tmp_path / "a.docx")
    assert main(["batch", str(tmp_path / "a.docx"), "--out", str(tmp_path / "r.xlsx"), "--jobs", "1"]) == 0
    assert not stale.exists()
    assert not list(Path(tempfile.gettempdir()).glob(f"{batch.TEMP_PREFIX}{os.getpid()}-*"))


def test_titles_and_authors_are_escaped_on_the_page(tmp_path):
    from streamlit.testing.v1 import AppTest

    hostile = "![x](http://example.invalid/beacon.png)述职报告"
    path = tmp_path / "r.txt"
    path.write_text(f"{hostile}\n<b>柳河村党支部</b>书记 王建国\n全年我主持召开支委会12次。\n", encoding="utf-8")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.file_uploader(key="uploads").set_value([("r.txt", path.read_bytes(), "text/plain")]).run()
    assert not at.exception
    shown = " ".join(h.value for h in at.html)
    assert "beacon.png" in shown and "<img" not in shown and "<b>柳河村" not in shown
    assert all("example.invalid" not in m.value for m in at.markdown)
