"""Profile lexicons, compiled once per profile: to regexes over raw text, and to a word matcher over a sentence.

A lexicon is a list of plain phrases, except those whose name ends in `_patterns` (regular expressions).
Each phrase lexicon may have a `<name>_not` companion: phrases masked out before matching
(e.g. first_person 我 with first_person_not 我们、我村).

`Lexicons.find(name, text)` matches phrases anywhere in a text (the checks that read paragraphs use it);
`Lexicons.words.scan(words)` matches every phrase lexicon at once on a sentence's words (checker.measure.words):
a phrase is found only where its first character starts a word and its last character ends one, so 切实 is
not found in 不切实际 (不切实际), nor 镇 in 围绕镇党委 (围绕|镇党委), nor 组织 in 党组织. spaCy's PhraseMatcher
would need each phrase tokenised exactly as jieba cuts it in context, which jieba does not guarantee for
Chinese (高度重视 is one word or two depending on what follows); matching the joined forms on word
boundaries does not depend on how a phrase itself is cut.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache

from checker.measure.patterns import Alternatives
from checker.segment.normalize import normalized

PATTERN_SUFFIX = "_patterns"
EXCLUDE_SUFFIX = "_not"
NOTHING: frozenset[int] = frozenset()  # the cover of a lexicon found nowhere in the sentence


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

    @cached_property
    def words(self) -> "WordMatcher":
        """Every lexicon compiled for matching on a sentence's words (once per Lexicons; equal lexicons share
        one matcher)."""
        return _word_matcher(tuple((name, tuple(str(w) for w in items))
                                   for name, items in sorted(self.raw.items()) if isinstance(items, list)))


@lru_cache(maxsize=16)
def _word_matcher(lexicons: tuple[tuple[str, tuple[str, ...]], ...]) -> "WordMatcher":
    return WordMatcher(dict(lexicons))


class WordMatcher:
    """The phrase lexicons in one table: phrase (normalised) -> the lexicons holding it, and every prefix of a
    phrase, so that a scan stops extending a candidate as soon as it cannot become a phrase; the `_patterns`
    lexicons as their alternations (checker.measure.patterns)."""

    def __init__(self, lexicons: dict[str, tuple[str, ...]]):
        table: dict[str, list[str]] = {}
        self.lists: dict[str, tuple[str, ...]] = {}
        self.patterns: dict[str, Alternatives | None] = {}
        for name, items in lexicons.items():
            if name.endswith(PATTERN_SUFFIX):
                regex = _patterns(items)
                self.patterns[name] = Alternatives(regex, items) if regex is not None else None
                continue
            phrases = []
            for item in items:
                phrase = normalized(item).replace(" ", "")
                if phrase:
                    phrases.append(phrase)
                    if name not in table.setdefault(phrase, []):
                        table[phrase].append(name)
            self.lists[name] = tuple(phrases)
        self.table = {phrase: tuple(names) for phrase, names in table.items()}
        self.sets = {name: frozenset(items) for name, items in self.lists.items()}
        self.singles = {name: frozenset(p for p in items if len(p) == 1) for name, items in self.lists.items()}
        self.prefixes = {phrase[:k] for phrase in self.table for k in range(1, len(phrase) + 1)}

    def scan(self, words) -> "Hits":
        """Every occurrence of every phrase on word boundaries of the sentence."""
        forms, table, prefixes = words.forms, self.table, self.prefixes
        found: dict[str, list[tuple[int, int]]] = {}
        n = len(forms)
        for i, piece in enumerate(forms):  # piece: words i..j-1 joined, extended while it can become a phrase
            j = i + 1
            while piece in prefixes:
                names = table.get(piece)
                if names:
                    for name in names:
                        found.setdefault(name, []).append((i, j))
                if j == n:
                    break
                piece += forms[j]
                j += 1
        return Hits(self, words, found)


class Hits:
    """What the lexicons find in one sentence: phrases as word ranges (start, end); `_patterns` lexicons as
    regex matches over the sentence's text, found when first asked for."""

    __slots__ = ("matcher", "words", "found", "_every", "_kept", "_matched", "_cover")

    def __init__(self, matcher: WordMatcher, words, found: dict[str, list[tuple[int, int]]]):
        self.matcher, self.words, self.found = matcher, words, found
        self._every: dict[str, list[tuple[int, int]]] = {}
        self._kept: dict[str, list[tuple[int, int]]] = {}
        self._matched: dict[str, list[re.Match]] = {}
        self._cover: dict[str, frozenset[int]] = {}

    def lexicon(self, name: str) -> tuple[str, ...]:
        """The (normalised) phrases of a lexicon."""
        return self.matcher.lists.get(name, ())

    def set(self, name: str) -> frozenset[str]:
        """The phrases of a lexicon as a set; `singles`: its one-character phrases."""
        return self.matcher.sets.get(name, frozenset())

    def singles(self, name: str) -> frozenset[str]:
        return self.matcher.singles.get(name, frozenset())

    def matches(self, name: str) -> list[re.Match]:
        """Matches of a `_patterns` lexicon in the sentence's text, outside `<name>_not` phrases."""
        found = self._matched.get(name)
        if found is None:
            regex = self.matcher.patterns.get(name)
            found = regex.finditer(self.words.text) if regex is not None else []
            masks = self.found.get(name + EXCLUDE_SUFFIX)
            if masks and found:
                starts = self.words.starts
                found = [m for m in found if not any(starts[a] < m.end() and m.start() < starts[b] for a, b in masks)]
            self._matched[name] = found
        return found

    def every(self, name: str) -> list[tuple[int, int]]:
        """Every occurrence (overlapping ones too) not overlapping a phrase of `<name>_not`; for a `_patterns`
        lexicon, its matches that start on a word boundary, up to the end of the word they end in."""
        kept = self._every.get(name)
        if kept is not None:
            return kept
        if name.endswith(PATTERN_SUFFIX):  # from a word start to the end of the word the match ends in
            at, starts = self.words.at, self.words.starts
            kept = [(at[m.start()], bisect_left(starts, m.end())) for m in self.matches(name)
                    if m.start() in at and m.end() > m.start()]
        else:
            kept = self.found.get(name) or []
            masks = self.found.get(name + EXCLUDE_SUFFIX) if kept else None
            if masks:
                kept = [(i, j) for i, j in kept if not any(a < j and i < b for a, b in masks)]
        self._every[name] = kept
        return kept

    def widened(self, name: str) -> list[tuple[int, int]]:
        """The words a `_patterns` lexicon's matches touch (a match may start or end inside a word: 思想认识还不够
        到位 holds 认识还不够到位)."""
        starts = self.words.starts
        return [(bisect_right(starts, m.start()) - 1, bisect_left(starts, m.end())) for m in self.matches(name)
                if m.end() > m.start()]

    def spans(self, name: str) -> list[tuple[int, int]]:
        """Leftmost-longest occurrences that do not overlap each other (as a regex alternation would find)."""
        kept = self._kept.get(name)
        if kept is None:
            kept, end = [], 0
            for i, j in sorted(self.every(name), key=lambda r: (r[0], -r[1])):
                if i >= end:
                    kept.append((i, j))
                    end = j
            self._kept[name] = kept
        return kept

    def find(self, name: str) -> list[str]:
        if name.endswith(PATTERN_SUFFIX):
            return [m.group(0) for m in self.matches(name)]
        return [self.words.span_text(i, j) for i, j in self.spans(name)]

    def has(self, name: str) -> bool:
        if name.endswith(PATTERN_SUFFIX):
            return bool(self.matches(name))
        return bool(self.every(name))

    def starting(self, name: str, i: int) -> int:
        """End of the longest phrase of `name` starting at word i (i when none)."""
        return max((j for a, j in self.every(name) if a == i), default=i)

    def cover(self, name: str) -> frozenset[int]:
        """The words the phrases of `name` cover."""
        cover = self._cover.get(name)
        if cover is None:
            every = self.every(name)
            cover = self._cover[name] = frozenset(k for a, b in every for k in range(a, b)) if every else NOTHING
        return cover

    def covering(self, name: str, i: int) -> bool:
        """A phrase of `name` covers word i."""
        cover = self._cover.get(name)
        if cover is None:
            cover = self.cover(name)
        return i in cover
