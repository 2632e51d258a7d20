"""Outline numbers: typed in the text (一、（一）1.（1）第一 一是) or rendered from Word numbering."""

from __future__ import annotations

import re

CN_DIGITS = "零一二三四五六七八九"
CN = "一二三四五六七八九十百零〇两"

# (pattern, level) in order of precedence; the match is the outline marker.
TYPED_MARKERS = [
    (re.compile(rf"^第[{CN}]+(?:部分|章|节|项|、|，|,|是)"), 1),
    (re.compile(rf"^[{CN}]+(?:、|[.．](?!\d))"), 1),
    (re.compile(rf"^[（(〔][{CN}]+[）)〕]、?"), 2),
    (re.compile(r"^\d{1,2}(?:[、．]|\.(?!\d))"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]、?"), 4),
    (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]"), 4),
]
MAX_HEADING_CHARS = 40
LIST_MARKER = re.compile(rf"^(?:[{CN}]+是|首先|其次|再次|最后)[，,：:]?")


def typed_marker(text: str) -> tuple[str, int]:
    """The outline marker typed at the start of text and its level; ('', 0) when none."""
    for pattern, level in TYPED_MARKERS:
        m = pattern.match(text)
        if m:
            return m.group(0), level
    m = LIST_MARKER.match(text)
    if m:
        return m.group(0), 0
    return "", 0


def chinese_number(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


CN_VALUES = {c: i for i, c in enumerate(CN_DIGITS)} | {"〇": 0, "○": 0, "两": 2}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def chinese_value(text: str) -> int:
    """The value of a number in digits or Chinese numerals (十二 → 12, 三千零五 → 3005, 二〇二四 → 2024, 12 → 12)."""
    if text.isdigit():
        return int(text)
    if not any(c in CN_UNITS for c in text):  # digit by digit: 二〇二四
        return int("".join(str(CN_VALUES[c]) for c in text))
    total = section = digit = 0
    for c in text:
        if c in CN_VALUES:
            digit = CN_VALUES[c]
        elif c in ("万", "亿"):
            total += (section + digit) * CN_UNITS[c]
            section = digit = 0
        else:
            section += (digit or 1) * CN_UNITS[c]
            digit = 0
    return total + section + digit


def format_number(n: int, fmt: str) -> str:
    """Render counter n in a Word w:numFmt."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "chineseLegalSimplified", "ideographLegalTraditional"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def is_short_title(text: str) -> bool:
    """A line short enough, and without sentence punctuation inside, to be a heading."""
    body = text.strip().rstrip("。：:；;")
    return len(body) <= MAX_HEADING_CHARS and not re.search(r"[。！？；]", body)


def heading_from_text(text: str) -> tuple[int, str]:
    """Heading level and outline marker of a paragraph judged by its typed numbering and length."""
    marker, level = typed_marker(text)
    if level and is_short_title(text):
        return level, marker
    return 0, marker
