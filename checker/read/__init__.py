"""Stage 1, read: a file on disk (or its bytes) -> Document, the ordered blocks with headings marked.

.docx through zipfile + lxml (checker.read.docx), .txt/.md with encoding detection (textfile), .doc/.wps
through LibreOffice (legacy). Every failure while reading one file, of whatever kind, becomes an InputError
with a one-line Chinese reason; the file's size, its unzipped size and its characters are limited (Limits).
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from checker.errors import InputError
from checker.limits import FileTimeout, Limits
from checker.read.document import Block, Document, mark_title_and_author
from checker.read.docx import MissingPart, docx_blocks
from checker.read.legacy import OLE_MAGIC, convert_legacy
from checker.read.textfile import text_blocks
from checker.textcount import count_chars

__all__ = ["Block", "Document", "read_document", "read_bytes", "SUPPORTED", "Limits"]

log = logging.getLogger("shuzhi")
TEXT_SUFFIXES = {".txt", ".md"}
LEGACY_SUFFIXES = {".doc", ".wps"}
SUPPORTED = ".docx、.txt、.md（.doc/.wps 需安装 LibreOffice）"
DAMAGED = "文件已损坏或不完整，无法作为 .docx 打开"


def read_document(path: str | Path, limits: Limits = Limits()) -> Document:
    """Read a .docx/.txt/.md (or a .doc/.wps through LibreOffice) into a Document."""
    path = Path(path)
    return read_bytes(str(path), _file_bytes(path, limits), limits)


def read_bytes(name: str, data: bytes, limits: Limits = Limits()) -> Document:
    """A Document from a file's bytes; `name` (its file name) gives the format and names it in errors."""
    try:
        return _read(Path(name), data, limits)
    except InputError:
        raise
    except FileTimeout:
        raise InputError(name, f"读取超时（超过 {limits.seconds:g} 秒），文件可能过于复杂或已损坏") from None
    except MemoryError:
        raise InputError(name, "文件过于复杂，内存不足，无法读取") from None
    except Exception as exc:  # a defect of a library on an odd file: one line for the user, details in --debug
        log.debug("reading %s failed", name, exc_info=True)
        raise InputError(name, f"读取时出错（{type(exc).__name__}），文件可能已损坏") from exc


def _file_bytes(path: Path, limits: Limits) -> bytes:
    if path.is_dir():
        raise InputError(str(path), "这是一个文件夹，不是文件")
    if not path.exists():
        raise InputError(str(path), "文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "文件为空")
    if size > limits.max_file_mb * 1024 * 1024:
        raise InputError(str(path), f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {limits.max_file_mb:g} MB）")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"无法读取文件（{exc.strerror or exc}）") from exc


def _read(path: Path, data: bytes, limits: Limits) -> Document:
    if not data:
        raise InputError(str(path), "文件为空")
    if len(data) > limits.max_file_mb * 1024 * 1024:
        raise InputError(str(path), f"文件过大（{len(data) / 1024 / 1024:.1f} MB，上限 {limits.max_file_mb:g} MB）")
    suffix = path.suffix.lower()
    warnings: list[str] = []
    if suffix == ".docx":
        blocks = _docx(path, data, limits, warnings)
    elif suffix in TEXT_SUFFIXES:
        blocks = text_blocks(path, data)
    elif suffix in LEGACY_SUFFIXES:
        blocks = _docx(path, convert_legacy(path, data), limits, warnings)
    else:
        raise InputError(str(path), f"不支持的文件格式（{suffix or '无扩展名'}），请提供 {SUPPORTED}")
    blocks = [b for b in blocks if b.text.strip()]
    if not blocks:
        raise InputError(str(path), "文档中没有可读的文字（可能只有图片或扫描件）")
    chars = sum(count_chars(b.text) for b in blocks)
    if chars > limits.max_chars:
        raise InputError(str(path), f"文字过多（约 {chars} 字，上限 {limits.max_chars} 字）：不像一份述职报告，"
                                    f"可能是多份报告的汇编，请拆分后再检查")
    return mark_title_and_author(Document(path=str(path), blocks=blocks, warnings=warnings))


def _docx(path: Path, data: bytes, limits: Limits, warnings: list[str]) -> list[Block]:
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(str(path), "文件已加密（设置了打开密码），请取消密码后另存为 .docx 再检查")
        raise InputError(str(path), "扩展名是 .docx，但实际是旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx")
    if not data.startswith(b"PK"):
        raise InputError(str(path), "不是有效的 .docx 文件（不是 Word 文档的压缩包格式）")
    cap = int(limits.max_unzipped_mb * 1024 * 1024)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > cap:
                raise InputError(str(path), f"解压后超过 {limits.max_unzipped_mb:g} MB，疑似异常压缩文件，已拒绝")

            def read(name: str) -> bytes:
                with zf.open(name) as member:
                    content = member.read(cap + 1)
                if len(content) > cap:
                    raise InputError(str(path), f"解压后超过 {limits.max_unzipped_mb:g} MB，疑似异常压缩文件，已拒绝")
                return content

            return docx_blocks(zf, read, warnings)
    except MissingPart:
        raise InputError(str(path), "压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx 文件") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, NotImplementedError) as exc:
        raise InputError(str(path), DAMAGED) from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"文件已损坏，无法解析 Word 内容（{type(exc).__name__}）") from exc
    except RuntimeError as exc:  # zipfile: an encrypted member
        raise InputError(str(path), "文件已加密或已损坏，无法读取") from exc
