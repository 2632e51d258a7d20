"""Sentences: a paragraph split at 。！？； and line ends, quotes and brackets kept whole.

A half-width . ends a sentence too when it follows Chinese text and no digit follows it (2.3万元 stays whole).
"""

from __future__ import annotations

import re

TERMINATORS = set("。！？；!?;\n")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", '"': '"'}
CLOSERS_AFTER_END = set("”’」』）)\"")
TRAILING_CLOSERS = CLOSERS_AFTER_END - {'"'}  # kept with the sentence they follow: with no quote open, a " after
# a terminator opens the next sentence's quote (…只有8次。"三会一课"有时…)
MAX_QUOTE = 200  # a quote left open longer than this is treated as a typo
CHINESE = re.compile(r"[\u3400-\u9fff”’」』）)]")


def _ends(text: str, i: int) -> bool:
    ch = text[i]
    if ch == ".":
        following = text[i + 1] if i + 1 < len(text) else ""
        return i > 0 and bool(CHINESE.match(text[i - 1])) and not (following.isascii() and following.isalnum())
    return ch in TERMINATORS


def split_sentences(text: str) -> list[str]:
    """Split at 。！？； and line ends; text inside quotes/brackets stays whole."""
    sentences, start, stack, opened_at = [], 0, [], 0
    speech = False  # the outer quote follows a colon: a terminator before its closer ends the sentence
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in OPENERS and not (ch == '"' and stack and stack[-1] == '"'):
            if not stack:
                opened_at, speech = i, i > 0 and text[i - 1] in "：:"
            stack.append(OPENERS[ch])
        elif stack and i - opened_at > MAX_QUOTE:
            stack.clear()
        ends_quote = speech and not stack and ch in CLOSERS_AFTER_END and _ends(text, i - 1)
        if (_ends(text, i) or ends_quote) and not stack:
            j = i + 1
            while j < n and (_ends(text, j) or text[j] in TRAILING_CLOSERS or text[j] == "."):
                j += 1
            _keep(sentences, text[start:j])
            start, i = j, j
            continue
        i += 1
    _keep(sentences, text[start:])
    return sentences


def _keep(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)
