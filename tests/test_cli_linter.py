"""The command line as a linter: --version, Chinese usage errors, JSON for one bad file, the settings file found
from a subfolder, --select / --ignore, --quiet, stdin, a missing batch path, and paragraph numbers as Word
counts them (blank paragraphs included), quoted with their first characters."""

import io
import json
import sys

import pytest

from checker import __version__
from checker.cli import main
from checker.render.text_out import QUOTE_CHARS
from docx_factory import new_document

SAMPLE = "\n".join([
    "2024年度村党支部书记抓基层党建工作述职报告",
    "一、主要工作",
    "全年我主持召开支委会12次，讲党课4次，走访困难党员23户，发展党员2名，为石桥村争取活动阵地改造资金8万元。",
    "我带头落实“三会一课”制度，全年召开党员大会4次、党小组会36次，党员参学率达到96%。",
    "二、存在问题",
    "本人抓党建的精力投入不够，全年只到第三党小组参加组织生活2次，对年轻党员的思想动态掌握不准。",
    "三、下一步打算",
    "明年3月底前，我牵头完成党员活动室改造，每季度到每个党小组参加一次组织生活，由我负责督促落实。",
    "以上述职，请予评议。",
])


def write(tmp_path, text=SAMPLE, name="r.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_version(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0 and capsys.readouterr().out.strip() == f"shuzhi {__version__}"


def test_usage_errors_are_chinese_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["batch"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "缺少必需的参数" in err and len(err.strip().splitlines()) == 1
    assert "the following arguments" not in err and "usage" not in err.lower()


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["check", "-h"])
    out = capsys.readouterr().out
    assert "用法" in out and "usage:" not in out and "show this help" not in out


def test_one_unreadable_file_still_prints_json(tmp_path, capsys):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    assert main(["check", str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result["file"] == str(bad) and result["error"] and result["verdict"] == "无法检查"


def test_settings_file_is_found_from_a_subfolder(tmp_path, monkeypatch, capsys):
    (tmp_path / "shuzhi.yaml").write_text("profile: yuepu-2015\nignore: [LENGTH]\n", encoding="utf-8")
    path = write(tmp_path)
    deeper = tmp_path / "a" / "b"
    deeper.mkdir(parents=True)
    monkeypatch.chdir(deeper)
    main(["check", str(path), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert result["profile"] == "yuepu-2015"
    assert "LENGTH" not in [f["code"] for f in result["flags"]]  # yuepu would flag 2000 字 missed
    monkeypatch.chdir(tmp_path.parent)
    main(["check", str(path), "--format", "json", "--profile", "yuepu-2015"])
    assert "LENGTH" in [f["code"] for f in json.loads(capsys.readouterr().out)["flags"]]


def test_ignore_and_select_for_one_run(tmp_path, capsys):
    path = write(tmp_path)
    main(["check", str(path), "--format", "json", "--profile", "yuepu-2015"])
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["flags"]]
    assert len(codes) >= 2
    main(["check", str(path), "--format", "json", "--profile", "yuepu-2015", "--ignore", codes[0]])
    assert codes[0] not in [f["code"] for f in json.loads(capsys.readouterr().out)["flags"]]
    main(["check", str(path), "--format", "json", "--profile", "yuepu-2015", "--select", codes[1]])
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["flags"]] == [codes[1]]


def test_an_unknown_code_in_ignore_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(write(tmp_path)), "--ignore", "NO_SUCH_CODE"]) == 2
    assert "NO_SUCH_CODE" in capsys.readouterr().err


def test_quiet_prints_one_line_per_file(tmp_path, capsys):
    a, b = write(tmp_path, name="a.txt"), write(tmp_path, name="b.txt")
    main(["check", str(a), str(b), "--quiet"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("：")[0] for line in lines] == [str(a), str(b)]


def test_text_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.encode("utf-8")), encoding="utf-8"))
    main(["check", "-", "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == "-" and result["verdict"] != "非述职报告"
    assert result["shares"]["achievement"] > 0 and result["shares"]["problem"] > 0


def test_a_missing_batch_path_is_a_usage_error_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "n.xlsx"
    assert main(["batch", str(tmp_path / "nosuch"), "--out", str(out)]) == 2
    assert "路径不存在" in capsys.readouterr().err and not out.exists()


def test_batch_summary_names_only_the_checks_that_ran(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder)
    assert main(["batch", str(folder), "--out", str(tmp_path / "n.xlsx")]) in (0, 1)
    assert "照搬上年问题" not in capsys.readouterr().out  # no --previous given


def test_paragraph_numbers_follow_word_with_blank_paragraphs(tmp_path, capsys):
    document = new_document()
    lines = SAMPLE.splitlines()
    for line in lines:
        document.add_paragraph(line)
        document.add_paragraph("")  # blank paragraphs between, as people type them
    path = tmp_path / "blank.docx"
    document.save(path)
    word_numbers = {p.text: n for n, p in enumerate(document.paragraphs, 1) if p.text}
    main(["check", str(path), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert [p["number"] for p in result["paragraphs"]] == [word_numbers[p["text"]] for p in result["paragraphs"]]
    assert result["paragraphs"][-1]["number"] == 2 * len(lines) - 1
    flagged = next(f for f in result["flags"] if f["paragraphs"])
    main(["check", str(path), "--ignore", ",".join(f["code"] for f in result["flags"] if f is not flagged)])
    text = capsys.readouterr().out
    first = result["paragraphs"][flagged["paragraphs"][0]]
    assert f"第 {first['number']} 段「{first['text'][:QUOTE_CHARS]}" in text


def test_json_gives_sentence_index_and_character_offsets(tmp_path, capsys):
    main(["check", str(write(tmp_path)), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    sentences = [s for p in result["paragraphs"] for s in p["sentences"]]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    for paragraph in result["paragraphs"]:
        for sentence in paragraph["sentences"]:
            start, end = sentence["start"], sentence["end"]
            assert paragraph["text"][start:end] == sentence["text"]


def test_fail_on_never_exits_zero_with_flags_and_two_on_bad_input(tmp_path):
    flawed = write(tmp_path, SAMPLE.replace("本人抓党建的精力投入不够，全年只到第三党小组参加组织生活2次，对年轻党员的思想动态掌握不准。", ""))
    assert main(["check", str(flawed)]) == 1
    assert main(["check", str(flawed), "--fail-on", "never"]) == 0
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"")
    assert main(["check", str(flawed), str(bad), "--fail-on", "never"]) == 2
