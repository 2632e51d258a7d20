"""Every bad input: one Chinese line naming the file and the reason, exit 2, other files still checked."""

import io
import json
import os
import struct
import zipfile
import zlib

import pytest

from checker.cli import main
from docx_factory import new_document

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def png_1x1() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def good_docx(path):
    document = new_document()
    document.add_paragraph("2024年度某村党支部书记抓基层党建工作述职报告")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("全年我主持召开支委会12次，讲党课4次。")
    document.add_paragraph("二、存在问题")
    document.add_paragraph("本人调研不够深入。")
    document.add_paragraph("三、下一步打算")
    document.add_paragraph("明年3月前完成党员活动室改造。")
    document.save(path)
    return path


def make_empty(p):
    p.write_bytes(b"")


def make_not_zip(p):
    p.write_text("这不是Word文档", encoding="utf-8")


def make_truncated(p):
    good_docx(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def make_encrypted(p):
    p.write_bytes(OLE + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))


def make_renamed_doc(p):
    p.write_bytes(OLE + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 2048)


def make_zip_bomb(p):
    good_docx(p)
    with zipfile.ZipFile(p, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("word/media/bomb.bin", "w", force_zip64=True) as fh:
            chunk = b"\x00" * (8 * 1024 * 1024)
            for _ in range(32):  # 256 MB unzipped, ~250 KB zipped
                fh.write(chunk)


def make_images_only(p):
    document = new_document()
    document.add_picture(io.BytesIO(png_1x1()))
    document.save(p)


def make_huge(p):
    good_docx(p)
    with zipfile.ZipFile(p, "a", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/photo.bin", os.urandom(50 * 1024 * 1024))


def make_directory(p):
    p.mkdir()


def make_unsupported(p):
    p.write_bytes(b"%PDF-1.4 fake")


CASES = {
    "empty.docx": (make_empty, "文件为空"),
    "notzip.docx": (make_not_zip, "不是有效的 .docx"),
    "truncated.docx": (make_truncated, "损坏"),
    "encrypted.docx": (make_encrypted, "加密"),
    "renamed.docx": (make_renamed_doc, "旧版 Word"),
    "bomb.docx": (make_zip_bomb, "解压后超过"),
    "images.docx": (make_images_only, "没有可读的文字"),
    "huge.docx": (make_huge, "文件过大"),
    "folder.docx": (make_directory, "文件夹"),
    "report.pdf": (make_unsupported, "不支持的文件格式"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gives_one_chinese_line_and_exit_2(tmp_path, capsys, name):
    make, reason = CASES[name]
    path = tmp_path / name
    make(path)
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：") and str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in out + err


def test_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.docx")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_other_files_still_checked_in_multi_file_run(tmp_path, capsys):
    good = good_docx(tmp_path / "good.docx")
    bad = tmp_path / "empty.docx"
    make_empty(bad)
    code = main(["check", str(bad), str(good), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    results = json.loads(out)
    assert [r["file"] for r in results] == [str(bad), str(good)]
    assert results[0]["error"] == "文件为空"
    assert results[1]["chars"] > 0 and results[1]["paragraphs"]
    assert len(err.strip().splitlines()) == 1


def test_bad_usage_is_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", "a.docx"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_unknown_profile_is_one_line_exit_2(tmp_path, capsys):
    good = good_docx(tmp_path / "good.docx")
    assert main(["check", str(good), "--profile", "no-such-profile"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "未知的配置" in err and "default" in err
