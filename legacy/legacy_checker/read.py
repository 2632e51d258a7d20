"""Stage 1, read: a file on disk -> Document (ordered blocks with heading levels and outline numbers)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from legacy_checker.docx_reader import docx_blocks
from legacy_checker.errors import InputError
from legacy_checker.structures import Block, Document
from legacy_checker.textfile import text_blocks

MAX_FILE_MB = 30
MAX_UNZIPPED_MB = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a .doc/.wps compound file
TEXT_SUFFIXES = {".txt", ".md"}
LEGACY_SUFFIXES = {".doc", ".wps"}
SUPPORTED = ".docx、.txt、.md（.doc/.wps 需安装 LibreOffice）"
TITLE_HINT = re.compile(r"述职|报告")
AUTHOR_HINT = re.compile(r"书记|述职人|报告人|党支部|党委|党组|总支|工委")
SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]|[：:]$")  # an author/organization line is not a sentence


def read_document(path: str | Path, max_mb: float = MAX_FILE_MB) -> Document:
    """Read a .docx/.txt/.md (or a .doc/.wps through LibreOffice) into a Document."""
    path = Path(path)
    data = _read_bytes(path, max_mb)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        blocks = _docx_blocks(path, data)
    elif suffix in TEXT_SUFFIXES:
        blocks = text_blocks(path, data)
    elif suffix in LEGACY_SUFFIXES:
        blocks = _docx_blocks(path, _convert_legacy(path, data))
    else:
        raise InputError(str(path), f"不支持的文件格式（{suffix or '无扩展名'}），请提供 {SUPPORTED}")
    blocks = [b for b in blocks if b.text.strip()]
    if not blocks:
        raise InputError(str(path), "文档中没有可读的文字（可能只有图片或扫描件）")
    return mark_title_and_author(Document(path=str(path), blocks=blocks))


def _read_bytes(path: Path, max_mb: float) -> bytes:
    if path.is_dir():
        raise InputError(str(path), "这是一个文件夹，不是文件")
    if not path.exists():
        raise InputError(str(path), "文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise InputError(str(path), "文件为空")
    if size > max_mb * 1024 * 1024:
        raise InputError(str(path), f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_mb:g} MB）")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"无法读取文件（{exc.strerror or exc}）") from exc


def _docx_blocks(path: Path, data: bytes) -> list[Block]:
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(str(path), "文件已加密（设置了打开密码），请取消密码后另存为 .docx 再检查")
        raise InputError(str(path), "扩展名是 .docx，但实际是旧版 Word（.doc）格式，请在 Word/WPS 中另存为 .docx")
    if not data.startswith(b"PK"):
        raise InputError(str(path), "不是有效的 .docx 文件（不是 Word 文档的压缩包格式）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unzipped = sum(i.file_size for i in zf.infolist())
            if unzipped > MAX_UNZIPPED_MB * 1024 * 1024:
                raise InputError(str(path), f"解压后超过 {MAX_UNZIPPED_MB} MB，疑似异常压缩文件，已拒绝")
            if "word/document.xml" not in zf.namelist():
                raise InputError(str(path), "压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx 文件")
            bad = zf.testzip()
            if bad:
                raise InputError(str(path), f"文件已损坏（{bad} 校验失败）")
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise InputError(str(path), "文件已损坏或不完整，无法作为 .docx 打开") from exc
    try:
        return docx_blocks(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml raise many types on malformed parts
        raise InputError(str(path), f"文件已损坏，无法解析 Word 内容（{type(exc).__name__}）") from exc


def _convert_legacy(path: Path, data: bytes) -> bytes:
    if not data.startswith(OLE_MAGIC) or WORD_STREAM not in data:
        raise InputError(str(path), f"不是有效的 {path.suffix} 文件（文件已损坏或并非 Word/WPS 文档）")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise InputError(
            str(path),
            f"旧版格式（{path.suffix}）需要转换：请在 Word/WPS 中“另存为 .docx”，或安装 LibreOffice 后重试",
        )
    with tempfile.TemporaryDirectory() as out:
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                capture_output=True, timeout=120, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise InputError(str(path), "用 LibreOffice 转换超时（120 秒）") from exc
        converted = Path(out) / (path.stem + ".docx")
        if not converted.exists():
            raise InputError(str(path), "LibreOffice 无法转换该文件（文件可能已损坏或加密）")
        return converted.read_bytes()


def mark_title_and_author(doc: Document) -> Document:
    for i, block in enumerate(doc.blocks[:3]):
        if len(block.text) <= 60 and TITLE_HINT.search(block.text) and not block.outline:
            doc.title_block = i
            break
    start = (doc.title_block + 1) if doc.title_block is not None else 0
    for i in range(start, min(start + 3, len(doc.blocks))):
        text = doc.blocks[i].text.strip()
        if len(text) <= 40 and AUTHOR_HINT.search(text) and not SENTENCE_MARKS.search(text) and not doc.blocks[i].outline:
            doc.author_block = i
            break
    return doc
