"""Surface noise of real reports, undone for the words and the features (never for the text shown).

Half-width , ; : ( ) ! ? typed in Chinese text become their full-width forms, a half-width . ending a Chinese
sentence becomes 。, whitespace between two Chinese characters (stray spaces, 党 员 大 会) is dropped, and
traditional characters become simplified ones (OpenCC, character by character: 黨支部 -> 党支部).
`normalize` returns the normalised text and, for each of its characters, the index of the source character it
comes from, so that words found in the normalised text map back onto the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》、]")


_T2S = opencc.OpenCC("t2s")
PLAIN = re.compile(r"[^\s,;:()!?.]*")  # a text without these normalises character by character


@lru_cache(maxsize=20_000)
def simplified(ch: str) -> str:
    converted = _T2S.convert(ch)
    return converted if len(converted) == 1 else ch


class _Simplified(dict):
    """str.translate table: code point -> its simplified character (from U+3400 on), filled as text is read."""

    def __missing__(self, point: int) -> str:
        ch = chr(point)
        self[point] = found = simplified(ch) if ch >= "\u3400" else ch
        return found


_SIMPLE = _Simplified()


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(CJK.match(ch))


def normalize(text: str) -> tuple[str, list[int]]:
    if PLAIN.fullmatch(text):
        return text.translate(_SIMPLE), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    following = _following(text)
    for i, ch in enumerate(text):
        before = out[-1] if out else ""
        after = following[i]
        if ch.isspace():
            if _cjk(before) and _cjk(after):
                continue  # a stray space inside Chinese text
            out.append(" " if ch != "\n" else ch)
        elif ch in FULL_WIDTH and (_cjk(before) or _cjk(after)):
            out.append(FULL_WIDTH[ch])
        elif ch == "." and _cjk(before) and not after.isdigit():
            out.append("。")
        else:
            out.append(simplified(ch) if ch >= "\u3400" else ch)
        where.append(i)
    return "".join(out), where


def _following(text: str) -> list[str]:
    """For each character, the next one that is not whitespace ("" at the end)."""
    after, seen = [""] * len(text), ""
    for i in range(len(text) - 1, -1, -1):
        after[i] = seen
        if not text[i].isspace():
            seen = text[i]
    return after


def plain(text: str) -> str | None:
    """The normalised text of a text without whitespace or half-width punctuation (it normalises character by
    character, to a text as long), else None."""
    return text.translate(_SIMPLE) if PLAIN.fullmatch(text) else None


def normalized(text: str) -> str:
    return text.translate(_SIMPLE) if PLAIN.fullmatch(text) else normalize(text)[0]
