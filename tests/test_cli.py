"""`shuzhi check` output: the JSON contract and exit codes."""

import json
import shutil
import subprocess
import sys

import pytest

from checker.cli import main
from checker.errors import InputError
from checker.pipeline import Checker
from checker.render.json_out import report_json
from test_bad_input import good_docx

HEAVY = ("spacy", "sklearn", "skops", "pandas", "scipy", "datasketch", "openpyxl", "streamlit", "rjieba")

PARAGRAPH_KEYS = {"index", "text", "chars", "section", "label", "confidence"}


def test_json_contract_for_a_generated_report(tmp_path, capsys):
    path = good_docx(tmp_path / "r.docx")
    code = main(["check", str(path), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and code == (1 if result["flags"] else 0)
    assert {"file", "chars", "sections", "paragraphs", "shares", "flags", "verdict"} <= set(result)
    assert result["file"] == str(path)
    assert result["chars"] == sum(p["chars"] for p in result["paragraphs"]) > 0
    assert [s["title"] for s in result["sections"]] == ["一、主要工作", "二、存在问题", "三、下一步打算"]
    for p in result["paragraphs"]:
        assert PARAGRAPH_KEYS <= set(p)
        assert p["label"] in {"achievement", "problem", "plan", "other"}
        assert 0.0 <= p["confidence"] <= 1.0
    assert set(result["shares"]) == {"achievement", "problem", "plan", "other"}
    assert abs(sum(result["shares"].values()) - 1) < 1e-3
    for flag in result["flags"]:
        assert {"code", "severity", "message", "paragraphs"} <= set(flag)
        assert flag["severity"] in {"error", "warning", "info"}
    assert result["verdict"] in {"通过", "建议修改", "退回修改", "非述职报告"}


def test_several_files_give_a_list(tmp_path, capsys):
    a, b = good_docx(tmp_path / "a.docx"), good_docx(tmp_path / "b.docx")
    main(["check", str(a), str(b), "--format", "json"])
    assert [r["file"] for r in json.loads(capsys.readouterr().out)] == [str(a), str(b)]


def test_several_files_are_checked_together_as_each_alone(tmp_path):
    files = [good_docx(tmp_path / f"{name}.docx") for name in "abc"]
    (tmp_path / "bad.docx").write_bytes(b"not a docx")
    paths = [str(files[0]), str(tmp_path / "bad.docx"), str(files[1]), str(tmp_path / "none.docx"), str(files[2])]
    checker = Checker()
    together = list(checker.check_paths(paths, size=2))
    assert [type(r).__name__ for r in together] == ["Doc", "InputError", "Doc", "InputError", "Doc"]
    assert [report_json(d) for d in together[::2]] == [report_json(checker.check_path(p)) for p in paths[::2]]
    with pytest.raises(InputError) as alone:
        checker.check_path(paths[1])
    assert together[1].reason == alone.value.reason


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["check"], ["batch", "--jobs", "x", "a"]])
def test_help_and_usage_errors_import_nothing_heavy(argv):
    code = (f"import sys\nfrom checker.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_text_output_is_chinese(tmp_path, capsys):
    main(["check", str(good_docx(tmp_path / "r.docx"))])
    out = capsys.readouterr().out
    assert "字数" in out and "结论" in out


def test_console_script_installed(tmp_path):
    exe = shutil.which("shuzhi")
    assert exe, "console script shuzhi is not on PATH"
    done = subprocess.run([exe, "check", str(good_docx(tmp_path / "r.docx")), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(done.stdout)["chars"] > 0


def test_train_with_a_missing_extra_file_is_one_line_exit_2(tmp_path, capsys):
    assert main(["train", "--out", str(tmp_path), "--extra", str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "文件不存在" in err
    assert not (tmp_path / "classifier.npz").exists()


def test_text_output_can_list_every_sentence_with_its_label(tmp_path, capsys):
    path = good_docx(tmp_path / "r.docx")
    main(["check", str(path), "--sentences"])
    out = capsys.readouterr().out.splitlines()
    listed = [line for line in out if line[:3].strip().isdigit()]
    assert len(listed) == 7 and listed[0].startswith("  1  【其他")
    assert any("【成绩" in line and "全年我主持召开支委会12次" in line for line in listed)
    assert any("【打算" in line and "明年3月前完成党员活动室改造" in line for line in listed)
    main(["check", str(path)])
    assert "【" not in capsys.readouterr().out
