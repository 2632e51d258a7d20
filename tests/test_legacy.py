"""Legacy .doc/.wps: converted through LibreOffice when it is installed, else a clear message."""

import shutil
import subprocess

import pytest

from checker import read
from checker.read import legacy
from checker.cli import main
from checker.errors import InputError
from test_bad_input import good_docx


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")


def test_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch, capsys):
    path = tmp_path / "old.doc"
    path.write_bytes(OLE + b"\x00" * 504 + WORD_STREAM + b"\x00" * 1024)
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "另存为 .docx" in err and "LibreOffice" in err


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_doc_is_converted_with_libreoffice(tmp_path):
    source = good_docx(tmp_path / "src.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=180, check=True)
    legacy = tmp_path / "src.doc"
    assert legacy.read_bytes().startswith(b"\xd0\xcf\x11\xe0")
    texts = [b.text for b in read.read_document(legacy).blocks]
    assert "全年我主持召开支委会12次，讲党课4次。" in texts and "二、存在问题" in texts


def test_file_that_is_no_word_document_is_refused_before_conversion(tmp_path, monkeypatch):
    path = tmp_path / "broken.wps"
    path.write_bytes(OLE + b"garbage" * 100)
    monkeypatch.setattr(legacy.subprocess, "run", lambda *a, **k: pytest.fail("must not call LibreOffice"))
    with pytest.raises(InputError, match="不是有效的 .wps 文件"):
        read.read_document(path)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_damaged_doc_fails_cleanly(tmp_path):
    path = tmp_path / "damaged.doc"
    path.write_bytes(OLE + b"\x00" * 504 + WORD_STREAM + b"\x00" * 2048)
    with pytest.raises(InputError, match="LibreOffice 无法转换"):
        read.read_document(path)
