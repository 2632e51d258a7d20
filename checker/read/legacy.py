"""Old binary Word/WPS files (.doc, .wps): converted to .docx by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from checker.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a .doc/.wps compound file
CONVERT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_legacy(path: Path, data: bytes) -> bytes:
    """The .docx bytes LibreOffice makes of a .doc/.wps file."""
    if not data.startswith(OLE_MAGIC) or WORD_STREAM not in data:
        raise InputError(str(path), f"不是有效的 {path.suffix} 文件（文件已损坏或并非 Word/WPS 文档）")
    program = soffice()
    if not program:
        raise InputError(
            str(path),
            f"旧版格式（{path.suffix}）需要转换：请在 Word/WPS 中“另存为 .docx”，或安装 LibreOffice 后重试",
        )
    with tempfile.TemporaryDirectory() as out:
        source = Path(out) / f"source{path.suffix.lower()}"
        source.write_bytes(data)
        try:
            subprocess.run([program, "--headless", "--convert-to", "docx", "--outdir", out, str(source)],
                           capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise InputError(str(path), f"用 LibreOffice 转换超时（{CONVERT_SECONDS} 秒）") from exc
        converted = source.with_suffix(".docx")
        if not converted.exists():
            raise InputError(str(path), "LibreOffice 无法转换该文件（文件可能已损坏或加密）")
        return converted.read_bytes()
