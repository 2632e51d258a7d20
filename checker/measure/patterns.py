"""A `_patterns` lexicon matched as its joined alternation would match it, trying only the parts that can match.

The lexicon's regex is `(?:p1)|(?:p2)|…`: at each position the first part that matches there wins. Most parts
need one of a few strings (月, 《, 更加, 第…) that most sentences lack, yet the joined regex tries every part at
every position. `Alternatives.finditer(text)` keeps the parts one of whose needed strings starts in the text
(its first two characters occur there) and finds the same matches: the leftmost match of any kept part, the
earliest part on a tie, searched again from where the last match ended. A part that cannot match in the text is
never the first to match, so it changes nothing. When a part's needed strings are not known (it starts with a
class such as \\d, say), the part is always tried; when many parts are left, the lexicon has few parts, an empty
match turns up, or a part refers to a group by number, the joined regex runs as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser as parser  # noqa: PLC2701 (the standard parser of regex syntax; stable in 3.11+)

SMALL_RANGE = 64  # a character class range wider than this ([\u4e00-\u9fff]) needs no known character
MAX_PARTS = 8  # with more parts left, the joined regex is as fast
KEPT_MASKS = 4096  # the sets of kept parts remembered per lexicon
MIN_PARTS = 17  # a lexicon of fewer parts runs joined: picking its parts costs about what it saves
# the most frequent characters of Chinese text (a general frequency list): a part needing one of them is tried
# on most sentences, so another need of the part is the better gate
COMMON = frozenset("的一是了在不有和人这中大为上个我以要们到说时地也就出会可对生能而子那得于着下自之年过发后作里用道行所"
                   "然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力"
                   "它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体新己制身果加")
NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?\(\d")  # \1, (?(1)…): numbers shift when the parts are joined


def needed_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` holds (the longest known: 更加 rather than 更); None when
    none is known."""
    try:
        parsed = parser.parse(pattern)
    except (re.error, RecursionError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(parsed)


def _sequence(items) -> frozenset[str] | None:
    """The most selective of the sets needed by the items a match goes through in turn (a run of literals needs
    itself)."""
    options, run = [], ""
    for op, av in items:
        if op is parser.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        need = _item(op, av)
        if need is not None:
            options.append(need)
    if run:
        options.append(frozenset([run]))
    return max(options, key=_selective, default=None)


def _selective(need: frozenset[str]) -> tuple[int, int, int]:
    """How rarely a sentence holds one of `need`: longer strings, fewer common characters, fewer strings."""
    return min(map(len, need)), -len(need & COMMON), -len(need)


def _item(op, av) -> frozenset[str] | None:
    if op is parser.IN:
        return _class(av)
    if op is parser.SUBPATTERN:
        _, add_flags, _, items = av
        return None if add_flags & re.IGNORECASE else _sequence(items)
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT):
        low, _, items = av
        return _sequence(items) if low >= 1 else None
    if op is parser.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            need = _sequence(branch)
            if need is None:
                return None
            union |= need
        return frozenset(union)
    return None  # assertions, anchors, any character, references: nothing known


def _class(members) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in members:
        if op is parser.LITERAL:
            chars.add(chr(av))
        elif op is parser.RANGE and av[1] - av[0] < SMALL_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # a negated class, a category (\d), a wide range
    return frozenset(chars)


class Alternatives:
    """The joined regex of a pattern lexicon (`regex`, for `match` at a position) and its parts, each searched
    alone where the strings it needs start (see the module's note); the parts are compiled when first kept."""

    def __init__(self, regex: re.Pattern, patterns: tuple[str, ...]):
        self.regex = regex
        parts = [p for p in patterns if p]
        self.parts = [f"(?:{p})" for p in parts]
        self.split = len(parts) >= MIN_PARTS and not any(NUMBERED_REFERENCE.search(p) for p in parts)
        self.always = 0  # the parts whose needs are not known, as a bit mask
        by_key: dict[str, int] = {}  # the first two characters of a needed string (or the one) -> its parts
        for k, need in enumerate(map(needed_strings, self.parts) if self.split else ()):
            if need is None:
                self.always |= 1 << k
            for key in {s[:2] for s in need or ()}:
                by_key[key] = by_key.get(key, 0) | 1 << k
        by_first: dict[str, list[tuple[str, int]]] = {}
        for key, parts in by_key.items():
            by_first.setdefault(key[0], []).append((key, parts))
        self.by_first = {first: tuple(keys) for first, keys in by_first.items()}  # first character -> (key, parts)
        self.firsts = frozenset(self.by_first)
        self._kept: dict[int, tuple[re.Pattern, ...]] = {}  # bit mask -> its parts, in order
        self._compiled: dict[int, re.Pattern] = {}

    def _part(self, k: int) -> re.Pattern:
        part = self._compiled.get(k)
        if part is None:
            part = self._compiled[k] = re.compile(self.parts[k])
        return part

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        return self.regex.match(text, pos)

    def finditer(self, text: str) -> list[re.Match]:
        """The joined regex's matches in `text` (non-overlapping, left to right)."""
        parts = self._parts_for(text) if self.split else None
        if parts is None:
            return list(self.regex.finditer(text))
        found = _leftmost(parts, text)
        return list(self.regex.finditer(text)) if found is None else found

    def _parts_for(self, text: str) -> tuple[re.Pattern, ...] | None:
        mask = self.always
        for first in self.firsts.intersection(_characters(text)):
            for key, parts in self.by_first[first]:
                if len(key) == 1 or key in text:
                    mask |= parts
        kept = self._kept.get(mask)
        if kept is None:
            if len(self._kept) >= KEPT_MASKS:
                self._kept.clear()
            kept = self._kept[mask] = tuple(self._part(k) for k in range(len(self.parts)) if mask >> k & 1)
        return kept if len(kept) <= MAX_PARTS else None


@lru_cache(maxsize=64)
def _characters(text: str) -> frozenset[str]:
    """The characters of a text (read by every pattern lexicon of a sentence); a pair is then looked for only
    where its first character occurs."""
    return frozenset(text)


def _leftmost(parts: tuple[re.Pattern, ...], text: str) -> list[re.Match] | None:
    """The matches an alternation of `parts` finds in `text`; None on an empty match (the joined regex's rules
    for those are its own)."""
    ahead = [part.search(text) for part in parts]
    found, pos = [], 0
    while True:
        best = None
        for k, match in enumerate(ahead):
            if match is not None and match.start() < pos:  # overtaken by the last match: search on from its end
                match = ahead[k] = parts[k].search(text, pos)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return found
        if best.end() == best.start():
            return None
        found.append(best)
        pos = best.end()
