"""What reading gives: the file as ordered blocks (paragraphs and table cells) with headings marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph of the source file (a body paragraph, a table cell's paragraph or a text box's)."""

    text: str
    style: str = ""
    heading_level: int = 0  # 0: body text; 1..n: heading depth
    outline: str = ""  # numbering as shown, e.g. "一、", "（二）", "1."
    in_table: bool = False


@dataclass
class Document:
    path: str
    blocks: list[Block]
    title_block: int | None = None
    author_block: int | None = None
    warnings: list[str] = field(default_factory=list)  # parts skipped while reading, shown to the user

    @property
    def title(self) -> str:
        return self.blocks[self.title_block].text if self.title_block is not None else ""

    @property
    def author(self) -> str:
        return self.blocks[self.author_block].text if self.author_block is not None else ""


TITLE_HINT = re.compile(r"述职|报告")
AUTHOR_HINT = re.compile(r"书记|述职人|报告人|党支部|党委|党组|总支|工委")
SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]|[：:]$")  # an author/organization line is not a sentence


def mark_title_and_author(doc: Document) -> Document:
    """The title (a short line naming 述职/报告 among the first three) and the author line after it."""
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
