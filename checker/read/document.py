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
    number: int = 0  # the paragraph's place in the file as Word counts it (empty paragraphs too); 0: unknown


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
SLOGAN_END = re.compile(r"[\u4e00-\u9fffA-Za-z”」）)]$")
NOT_SLOGAN = re.compile(r"[。！？；：:;!?\d]|^[·•\-*]")
SLOGAN_CHARS = (4, 24)
AUTHOR_HINT = re.compile(r"书记|述职人|报告人|党支部|党委|党组|总支|工委")
SENTENCE_MARKS = re.compile(r"[，。；！？,;!?]|[：:]$")  # an author/organization line is not a sentence
SENTENCE_END = re.compile(r"[。！？；]")  # nor is a title


def mark_title_and_author(doc: Document) -> Document:
    """The title (a short line naming 述职/报告 among the first three), the author line after it, and slogan
    headings (see is_slogan_heading)."""
    for i, block in enumerate(doc.blocks):
        if not block.heading_level and not block.in_table and is_slogan_heading(doc.blocks, i):
            block.heading_level = 1
    for i, block in enumerate(doc.blocks[:3]):
        if len(block.text) <= 60 and TITLE_HINT.search(block.text) and not block.outline and not SENTENCE_END.search(block.text):
            doc.title_block = i
            break
    start = (doc.title_block + 1) if doc.title_block is not None else 0
    for i in range(start, min(start + 3, len(doc.blocks))):
        text = doc.blocks[i].text.strip()
        if len(text) <= 40 and AUTHOR_HINT.search(text) and not SENTENCE_MARKS.search(text) and not doc.blocks[i].outline:
            doc.author_block = i
            break
    return doc


def is_slogan_heading(blocks: list[Block], i: int) -> bool:
    """A heading written as a slogan, with no numbering: a short line (4–24 characters) with no sentence
    punctuation, no figure and no final punctuation, followed by a paragraph at least half as long again
    (a list of short lines is not a list of headings)."""
    text = blocks[i].text.strip()
    if not SLOGAN_CHARS[0] <= len(text) <= SLOGAN_CHARS[1] or NOT_SLOGAN.search(text) or not SLOGAN_END.search(text):
        return False
    following = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
    return len(following) >= 1.5 * len(text)
