"""Plain text and Markdown reports: encoding detection (UTF-8, GB18030/GBK, others) and blocks."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from checker.errors import InputError
from checker.read.numbering import heading_from_text
from checker.read.document import Block

MD_HEADING = re.compile(r"^(#{1,6})\s*(.+)$")
MD_DECORATION = re.compile(r"^(?:[-*+]\s+|>\s*)|\*\*|__")


def decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(str(path), "不是文本文件（含有二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise InputError(str(path), "无法识别文本编码，请另存为 UTF-8 后重试")
    return str(best)


def text_blocks(path: Path, data: bytes) -> list[Block]:
    markdown = path.suffix.lower() == ".md"
    blocks = []
    for number, line in enumerate(decode(path, data).splitlines(), 1):
        line = line.strip().replace("\u3000", " ").strip()
        if not line:
            continue
        heading = MD_HEADING.match(line) if markdown else None
        if heading:
            text = heading.group(2).strip()
            blocks.append(Block(text=text, heading_level=len(heading.group(1)), outline=heading_from_text(text)[1],
                                number=number))
            continue
        if markdown:
            line = MD_DECORATION.sub("", line).strip()
        level, marker = heading_from_text(line)
        blocks.append(Block(text=line, heading_level=level, outline=marker, number=number))
    return blocks
