"""Punctuation (GB/T 15834), numbers (GB/T 15835) and heading numbers (GB/T 9704) as the file has them: the source
text of each sentence, never the normalised words (which turn half-width marks into full-width ones).

PUNCTUATION  half-width , ; : ( ) ! ? and a final . in Chinese text; quotes and brackets left unpaired in a
             paragraph; 。 inside a closing quote that does not follow a colon (the quote is part of the sentence:
             落实“三会一课”。); a sentence numbered 1、 or 1， (GB/T 15834: 1.) or （一）、
NUMBERS      counts written in Chinese numerals of two characters or more (三十二名) in a report that writes counts
             in digits
HEADING_ORDER the levels 一、 → （一） → 1. → （1）: a level skipped, a sibling numbered out of sequence (一、二、四、), or
             numbered in another level's style (一、 二、 3、)
"""

from __future__ import annotations

import re
from typing import ClassVar

from checker.checks.engine import Mark, rule
from checker.checks.parts import Item, counted
from checker.checks.wording import MarksConfig, finding
from checker.doc import span_values
from checker.read.numbering import chinese_number, chinese_value
from checker.segment.normalize import FULL_WIDTH

CJK = r"[\u3400-\u9fff“”‘’《》、，。；：！？（）]"
HALF_WIDTH = re.compile(rf"(?<={CJK})\s*[,;:!?]|[,;:!?](?=\s*{CJK})|(?<=[\u3400-\u9fff])\.(?!\d)(?=\s*$|\s*{CJK})")
HALF_PARENS = re.compile(r"\(([^()]{0,40})\)")
HALF_MARKS = re.compile(r"[,;:!?.()]")  # a sentence without any has nothing HALF_WIDTH or HALF_PARENS finds
PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in PAIRS.items()}
BRACKETS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
COLONS = "：:"
MARKER_PUNCT = [(re.compile(r"^(\d{1,2})[、，,]"), lambda m: f"{m.group(1)}."),
                (re.compile(r"^([（(][一二三四五六七八九十\d]{1,3}[）)])[、.．，]"), lambda m: m.group(1))]
KINDS = {"half": "半角标点", "unpaired": "引号或括号不成对", "period": "句号应在引号外", "marker": "序号后的标点"}


def _punctuation_marks(items: list[Item]) -> list[tuple[Mark, str]]:
    """(mark, kind) of every punctuation fault of the sentences, kinds as in KINDS."""
    marks = []
    for item in items:
        text = item.text
        marks += _half_width_marks(item)
        for pattern, right in MARKER_PUNCT:
            m = pattern.match(text)
            if m:
                marks.append((Mark(item, m.group(0), 0, right(m)), "marker"))
    return marks + _pair_marks(items)


def _half_width_marks(item: Item) -> list[tuple[Mark, str]]:
    """Half-width marks in Chinese text, each with its full-width form."""
    text, marks = item.text, []
    if not HALF_MARKS.search(text):
        return marks
    for m in HALF_PARENS.finditer(text):
        if re.search(CJK, m.group(0) + text[m.end():m.end() + 1] + text[max(m.start() - 1, 0):m.start()]):
            marks.append((Mark(item, m.group(0), m.start(), f"（{m.group(1)}）"), "half"))
    for m in HALF_WIDTH.finditer(text):
        mark = m.group(0).strip()
        marks.append((Mark(item, mark, m.start() + m.group(0).index(mark), FULL_WIDTH.get(mark, "。")), "half"))
    return marks


def _pair_marks(items: list[Item]) -> list[tuple[Mark, str]]:
    """Per paragraph: marks opened and never closed, closed and never opened, and 。 closing a quote that is part
    of the sentence."""
    marks: list[tuple[Mark, str]] = []
    by_paragraph: dict[int, list[Item]] = {}
    for item in items:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    for sentences in by_paragraph.values():
        stack: list[tuple[Item, int]] = []
        for item in sentences:
            for bracket in BRACKETS.finditer(item.text):
                at, ch = bracket.start(), bracket.group()
                if ch in PAIRS:
                    stack.append((item, at))
                elif ch in CLOSERS:
                    if stack and stack[-1][0].text[stack[-1][1]] == CLOSERS[ch]:
                        opened, start = stack.pop()
                        before = opened.text[start - 1] if start else ""
                        if ch == "”" and at and item.text[at - 1] == "。" and before and before not in COLONS:
                            marks.append((Mark(item, "。”", at - 1, "”。"), "period"))
                    else:
                        marks.append((Mark(item, ch, at), "unpaired"))
        marks += [(Mark(item, item.text[at], at), "unpaired") for item, at in stack]
    return marks


class TypographyConfig(MarksConfig):
    FIELDS: ClassVar = {**MarksConfig.FIELDS, "kinds": "半角标点×3"}


@rule("PUNCTUATION", TypographyConfig)
def punctuation(report, scope, config: TypographyConfig, context):
    found = _punctuation_marks(report.sentences)
    return finding([m for m, _ in found], config, context, {"kinds": counted([KINDS[k] for _, k in found])})


# NUMBERS

CN_NUMBER = re.compile(r"(?<![第几数上\d.．〇零一二两三四五六七八九十百千万])"
                       r"(?=[〇零一二两三四五六七八九十百千万]{2})[〇零一二两三四五六七八九十百千万]*[十百千万]"
                       r"[〇零一二两三四五六七八九十百千万]*")
TWO_NUMERALS = re.compile(r"[〇零一二两三四五六七八九十百千万]{2}")
APPROXIMATE = re.compile(r"[一二两三四五六七八九][一二两三四五六七八九]|几")  # 二三十, 两三千
ARABIC_COUNT = r"\d+(?:\.\d+)?(?:余|多)?"
ORDINAL_UNITS = {"届"}  # 二十届三中全会 is a name, not a count


class NumbersConfig(TypographyConfig):
    FIELDS: ClassVar = {**MarksConfig.FIELDS, "arabic": 12}
    LEXICONS: ClassVar = ("units",)


@rule("NUMBERS", NumbersConfig)
def numbers(report, scope, config: NumbersConfig, context):
    """Counts in Chinese numerals of two characters or more (三十二名, 一百户; not 十几名, 二三十人, 第三十, 三十多年,
    一百周年, a quoted slogan's “千名党员”, `numbers_not` phrases) beside counts in digits (32名): each with its
    digits."""
    units = sorted((u for u in context.lexicons.raw["units"] if not u.isascii() and u not in ORDINAL_UNITS),
                   key=len, reverse=True)
    unit = "(?:" + "|".join(map(re.escape, units)) + ")(?![年代])"
    chinese = re.compile(f"({CN_NUMBER.pattern})(?=(余|多)?{unit})")
    arabic = re.compile(f"{ARABIC_COUNT}{unit}")
    marks, digits = [], 0
    for item in report.sentences:
        digits += len(arabic.findall(item.text))
        if not TWO_NUMERALS.search(item.text):  # what CN_NUMBER needs, and masking only takes away
            continue
        text = context.lexicons.masked("numbers_not", item.text)
        for m in chinese.finditer(text):
            quoted = text.count("“", 0, m.start()) > text.count("”", 0, m.start())
            if not (APPROXIMATE.search(m.group(1)) or m.group(2) or quoted):
                marks.append(Mark(item, m.group(1), m.start(1), str(chinese_value(m.group(1)))))
    return finding(marks, config, context, {"arabic": digits}) if digits else None


# HEADING_ORDER

OPENS = r"(?:^|(?<=[：:；;，,]))"  # a number opens a sentence, or an item of a list run on after ： ； ，
STYLES = [  # (pattern, GB/T 9704 level, render a number in this style); 1.9个支部 may be 1. or 1.9 (group 2)
    (re.compile(OPENS + r"([一二三四五六七八九十]+)[、.．](?![一二三四五六七八九十])"), 1,
     lambda n: f"{chinese_number(n)}、"),  # not 三、四月份
    (re.compile(OPENS + r"[（(]([一二三四五六七八九十]+)[）)]"), 2, lambda n: f"（{chinese_number(n)}）"),
    (re.compile(OPENS + r"(\d{1,2})(?:、(?!\d)|[.．](?!\d)|[.．](?=\d{4}年)|[.．](?=(\d)))"), 3, lambda n: f"{n}."),
    (re.compile(OPENS + r"[（(](\d{1,2})[）)]"), 4, lambda n: f"（{n}）"),
]
MAY_OPEN = re.compile(OPENS + r"[一二三四五六七八九十（(\d]")  # where any of the styles could match


def _numbered(report) -> list[tuple[Item, re.Match | None, int, int]]:
    """(sentence, marker match, GB level, number) of every sentence, heading or not, that starts with a number in
    one of the four styles (items run on in one paragraph too: （三）……。（四）……); (heading, None, 0, 0) for an
    unnumbered heading."""
    spans = report.doc.spans["paragraphs"]
    starts = {span.start for span, (role,) in zip(spans, span_values(spans, "role")) if role == "heading"}
    out = []
    for item in report.sentences:
        found = next(((m, level) for pattern, level, _ in STYLES for m in [pattern.search(item.text)] if m), None) \
            if MAY_OPEN.search(item.text) else None
        if found:
            out.append((item, found[0], found[1], chinese_value(found[0].group(1))))
        elif item.sentence.start in starts:
            out.append((item, None, 0, 0))
    return out


def _misnumbered(level: int, number: int, last: dict[int, int], previous: int) -> tuple[str, str, int] | None:
    """(what is wrong, the number as it should be written, the level it belongs to) or None."""
    if previous and previous != level and level not in last and last[previous] + 1 == number > 1:
        return "同级序号混用", STYLES[previous - 1][2](number), previous
    if previous and level > previous + 1:
        return "跳级", STYLES[previous][2](1), level
    expected = last.get(level, 0) + 1
    if number not in (1, expected) and any(lv <= level for lv in last):
        return "序号不连续", STYLES[level - 1][2](expected), level
    return None


@rule("HEADING_ORDER", TypographyConfig)
def heading_order(report, scope, config: TypographyConfig, context):
    """Paragraph numbers against the levels 一、 → （一） → 1. → （1）: a number deeper than the one before by more
    than a level, a number that does not follow its sibling's (after 二、 comes 三、, not 四、 or 二、; a 1 starts a
    new list; the numbers after an unnumbered heading or opening the report are not judged: an unnumbered part may
    come before them), or a number continuing the sequence of the number before it in another level's style."""
    marks, kinds = [], []
    last: dict[int, int] = {}  # level -> number of the last sibling at that level (deeper ones reset)
    previous = 0
    for item, found, level, number in _numbered(report):
        if not level:
            last, previous = {}, 0
            continue
        if found.lastindex == 2 and number != last.get(level, 0) + 1:
            continue  # a decimal (1.9万元), not the next number
        wrong = _misnumbered(level, number, last, previous)
        if wrong:
            kind, right, level = wrong
            kinds.append(kind)
            marks.append(Mark(item, found.group(0), found.start(), right))
        last = {lv: n for lv, n in last.items() if lv < level} | {level: number}
        previous = level
    return finding(marks, config, context, {"kinds": counted(kinds)})
