"""The year a report is about (述职年度), read from the Document when the user gives none (--year, shuzhi.yaml).

In order: the title (2024年度…述职报告), the opening lines (2024年，我… / 现将2024年度… / 关于开展2024年度…的通知),
the date line at the end (2025年1月10日: a report signed in the first half of a year is about the year before).
Nothing else counts: a year in the body may be last year's or next year's, and a formulation (十九大精神) is
what the year is needed to judge.
"""

from __future__ import annotations

import re

from checker.read.document import Document
from checker.read.numbering import chinese_value

YEAR = r"((?:19|20)\d\d|二[〇零○][一二三四五六七八九〇零○]{2})"
MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
TITLE_YEAR = re.compile(YEAR + "年")
TITLE_LINE_YEAR = re.compile(YEAR + "年度")  # a subtitle or the first line when no title was found: （2015年度）
OPENING_YEAR = re.compile(rf"(?:^|现将|关于开展|把|就|对)(?:本人|我)?{YEAR}年(?:度|[，,是以里全我的])")
DATE_LINE = re.compile(rf"{YEAR}年{MONTH}月(?:[\dXx×Ｘ一二三四五六七八九十〇]{{0,3}}日)?$")
SHORT_LINE = 60
SENTENCE = re.compile(r"[，。；！？,;!?]")
OPENING_BLOCKS = 6  # title, author, salutation, then the opening paragraphs
CLOSING_BLOCKS = 3
SOURCES = {"given": "指定", "title": "标题", "opening": "开头", "date": "落款日期"}


def report_year(document: Document) -> tuple[int | None, str]:
    """(the year, where it was read: a key of SOURCES) or (None, "")."""
    blocks = [b.text.strip() for b in document.blocks]
    title = blocks[document.title_block] if document.title_block is not None else next(
        (b for b in blocks[:1] if len(b) <= SHORT_LINE and not SENTENCE.search(b)), "")
    for text in [title] + [b for b in blocks[:3] if len(b) <= SHORT_LINE]:
        found = TITLE_YEAR.search(text) if text == title else TITLE_LINE_YEAR.search(text)
        if found:
            return chinese_value(found.group(1)), "title"
    for text in blocks[:OPENING_BLOCKS]:
        found = OPENING_YEAR.search(text)
        if found:
            return chinese_value(found.group(1)), "opening"
    for text in reversed(blocks[-CLOSING_BLOCKS:]):
        found = DATE_LINE.search(text)
        if found:
            year, month = chinese_value(found.group(1)), chinese_value(found.group(2))
            return (year if month >= 7 else year - 1), "date"
    return None, ""
