"""Profile lexicons compiled to regexes.

A lexicon is a list of plain phrases, except those whose name ends in `_patterns` (regular expressions).
Each phrase lexicon may have a `<name>_not` companion: phrases masked out before matching
(e.g. first_person 我 with first_person_not 我们、我村).
"""

from __future__ import annotations

import re
from functools import lru_cache

PATTERN_SUFFIX = "_patterns"
EXCLUDE_SUFFIX = "_not"


@lru_cache(maxsize=256)
def _alternation(words: tuple[str, ...]) -> re.Pattern | None:
    words = tuple(w for w in words if w)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@lru_cache(maxsize=256)
def _patterns(patterns: tuple[str, ...]) -> re.Pattern | None:
    patterns = tuple(p for p in patterns if p)
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def pattern_errors(lexicons: dict) -> list[str]:
    """Chinese messages for regex lexicons that do not compile."""
    problems = []
    for name, items in lexicons.items():
        if not name.endswith(PATTERN_SUFFIX) or not isinstance(items, list):
            continue
        for item in items:
            try:
                re.compile(str(item))
            except re.error as exc:
                problems.append(f"词表 lexicons.{name} 中的正则表达式 {item!r} 无效：{exc}")
    return problems


class Lexicons:
    """Phrase look-up by lexicon name; unknown names match nothing."""

    def __init__(self, raw: dict[str, list[str]]):
        self.raw = raw
        self._compiled: dict[str, re.Pattern | None] = {}

    def regex(self, name: str) -> re.Pattern | None:
        if name not in self._compiled:
            items = tuple(self.raw.get(name) or ())
            self._compiled[name] = _patterns(items) if name.endswith(PATTERN_SUFFIX) else _alternation(items)
        return self._compiled[name]

    def masked(self, name: str, text: str) -> str:
        """text with the phrases of lexicon `name` replaced by spaces (positions kept)."""
        regex = self.regex(name)
        return regex.sub(lambda m: " " * len(m.group(0)), text) if regex else text

    def find(self, name: str, text: str) -> list[str]:
        """Every match of lexicon `name` in text, after masking `<name>_not`."""
        regex = self.regex(name)
        if regex is None:
            return []
        return [m.group(0) for m in regex.finditer(self.masked(name + EXCLUDE_SUFFIX, text))]

    def has(self, name: str, text: str) -> bool:
        return bool(self.find(name, text))
