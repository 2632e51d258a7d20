"""The wording tables: formulations with the years they are current in (terms.yaml `outdated`), nonstandard forms,
fixed sets and pairings (terms.yaml), typos (typos.yaml) — shipped in checker/data, extended by the user's own
files (a rule's `extra_files`, same format) — validated when a profile loads, and matched on a sentence's words.

A phrase is found where its first character starts a word and its last character ends one (jieba's words, so
十四五 is not read in 十四五岁, nor 按排 in 按排名; a typo may also cut into a word jieba made up, see PhraseTable);
a `pattern` (regular expression) where its match starts a word.
Matches inside an `except` string or a user word (lexicon `wording_words`) are dropped, and so are the wrong forms
the user allows (lexicon `wording_allowed`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker.measure.lexicons import WordMatcher
from checker.measure.words import Words
from checker.safe_yaml import load_yaml
from checker.segment.normalize import normalized
from checker.segment.tokens import in_dictionary

SHIPPED = ("terms.yaml", "typos.yaml")
QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Outdated(_Entry):
    text: str = Field(min_length=2)
    variants: list[str] = []
    except_: list[str] = Field([], alias="except")
    valid: tuple[int, int]  # first and last reported year in which the text is the current formulation
    instead: str = ""
    kind: Literal["congress", "plenum", "campaign", "slogan", "institution"]

    @property
    def phrases(self) -> list[str]:
        """The text and its variants, each also with ASCII quotes, 「」 and no quotes."""
        forms = []
        for form in [self.text, *self.variants]:
            forms += [form, form.replace("“", '"').replace("”", '"'), form.replace("“", "「").replace("”", "」"),
                      form.translate(QUOTES)]
        return list(dict.fromkeys(f for f in forms if len(f) >= 2))


class _Replaceable(_Entry):
    """A literal wrong form (`wrong`) or a regular expression (`pattern`; its group `wrong`, when it has one, is
    the part to replace) and its right form."""

    wrong: str = ""
    pattern: str = ""
    right: str
    except_: list[str] = Field([], alias="except")
    note: str = ""

    @model_validator(mode="after")
    def _one_form(self):
        if bool(self.wrong) == bool(self.pattern):
            raise ValueError("每一项要有 wrong 或 pattern 之一")
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"pattern 无效：{exc}") from None
        return self


class Nonstandard(_Replaceable):
    kind: Literal["name", "order", "role"]


class Typo(_Replaceable):
    pass


class TermSet(_Entry):
    name: str
    members: list[str] = Field(min_length=2)
    text: str = ""  # the whole set as written in full (default: the members joined by 、)
    since: int | None = None  # the first reported year the set has these members (四个自信: 2016)
    min_present: int | None = None  # members listed that make a partial list wrong (default: all but one, ≥ 3)

    @property
    def full(self) -> str:
        return self.text or "、".join(self.members)


class Pairing(_Entry):
    given: list[str] = Field(min_length=1)
    expected: str
    present: str = ""  # what, found in the paragraph, counts as the expected formulation (default: expected)


class Tables(_Entry):
    outdated: list[Outdated] = []
    nonstandard: list[Nonstandard] = []
    sets: list[TermSet] = []
    pairings: list[Pairing] = []
    typos: list[Typo] = []


def load_tables(files: tuple[str, ...] = ()) -> Tables:
    """The shipped tables with the user's files appended; a file that cannot be used raises ValueError (Chinese)."""
    stamps = tuple((f, Path(f).stat().st_mtime) if Path(f).is_file() else (f, None) for f in files)
    return _tables(stamps)


@lru_cache(maxsize=8)
def _tables(stamps: tuple) -> Tables:
    folder = resources.files("checker.data")
    parts = [_parsed(name, folder.joinpath(name).read_text(encoding="utf-8")) for name in SHIPPED]
    for path, stamp in stamps:
        if stamp is None:
            raise ValueError(f"extra_files 中的文件 {path} 不存在")
        parts.append(_parsed(path, Path(path).read_text(encoding="utf-8")))
    merged = {key: [entry for part in parts for entry in getattr(part, key)] for key in Tables.model_fields}
    return Tables(**merged)


def _parsed(name: str, text: str) -> Tables:
    try:
        return Tables.model_validate(load_yaml(text) or {})
    except yaml.YAMLError as exc:
        raise ValueError(f"extra_files 中的文件 {name} 不是有效的 YAML：{str(exc).splitlines()[0]}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"extra_files 中的文件 {name} 有误：{where}：{first['msg'].removeprefix('Value error, ')}"
                         ) from None


def longest_of(phrases) -> str:
    """A regular expression of literal phrases that matches, at each position, the longest of them there, as
    their alternation longest first does; but as a trie (a branch per next character, not per phrase), which
    the regex engine tries much faster than hundreds of alternatives."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """The longer phrases first: the end of a phrase ("") is the last branch."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in node.items() if ch] + [""] * ("" in node)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class Hit:
    """A match in a sentence's normalised text (Words.text), characters start..end, and the entry matched."""

    start: int
    end: int
    entry: object


class PhraseTable:
    """Phrases (on word boundaries, the longest at a position) and patterns (from a word start) of some entries.

    `loose` (typos): a phrase may also cut into words jieba made up from unknown characters (抓训炼, 来尉|问: a
    typo is no word, so jieba glues it to its neighbours), never into a dictionary word (按|排名 holds no 按排)."""

    def __init__(self, phrases: dict[str, object], patterns: list[tuple[str, object]], masks: list[str],
                 loose: bool = False):
        self.entries = {normalized(p).replace(" ", ""): e for p, e in reversed(list(phrases.items()))}
        anywhere = re.compile(longest_of(self.entries)) if self.entries else None  # every phrase, word boundaries or not
        self.loose = anywhere if loose else None
        self.anywhere = anywhere  # a sentence holding none of the phrases is not scanned word by word
        self.matcher = None if self.loose else WordMatcher({"phrases": tuple(self.entries)})
        self.patterns = [(re.compile(p), e) for p, e in patterns]
        masks = {normalized(m) for m in masks if m}
        self.masks = re.compile(longest_of(masks)) if masks else None

    def _phrases(self, words: Words) -> list[Hit]:
        if self.anywhere is None or not self.anywhere.search(words.text):
            return []
        if self.loose is None:
            return [Hit(words.starts[i], words.starts[j], self.entries[words.span_text(i, j)])
                    for i, j in self.matcher.scan(words).spans("phrases")]
        return [Hit(m.start(), m.end(), self.entries[m.group(0)]) for m in self.loose.finditer(words.text)
                if not _cuts_a_word(words, m.start(), m.end())]

    def find(self, words: Words) -> list[Hit]:
        hits = self._phrases(words)
        for regex, entry in self.patterns:
            for m in regex.finditer(words.text):
                if m.start() in words.at and m.end() > m.start():
                    group = "wrong" if "wrong" in regex.groupindex and m.group("wrong") else 0
                    hits.append(Hit(m.start(group), m.end(group), entry))
        if self.masks and hits:
            masked = [(m.start(), m.end()) for m in self.masks.finditer(words.text)]
            hits = [h for h in hits if not any(a < h.end and h.start < b for a, b in masked)]
        return sorted(hits, key=lambda h: h.start)


def _cuts_a_word(words: Words, start: int, end: int) -> bool:
    """Characters start..end begin or end inside a dictionary word that does not hold them all."""
    first, last = bisect_right(words.starts, start) - 1, bisect_left(words.starts, end) - 1
    return any((words.starts[k] < start or words.starts[k + 1] > end)
               and not (words.starts[k] <= start and words.starts[k + 1] >= end) and in_dictionary(words.forms[k])
               for k in {first, last})


def _replaceable_table(entries: list[_Replaceable], words: list[str], loose: bool = False) -> PhraseTable:
    return PhraseTable({e.wrong: e for e in entries if e.wrong}, [(e.pattern, e) for e in entries if e.pattern],
                       [m for e in entries for m in e.except_] + words, loose)


@lru_cache(maxsize=16)
def outdated_table(files: tuple[str, ...], words: tuple[str, ...]) -> PhraseTable:
    entries = load_tables(files).outdated
    return PhraseTable({p: e for e in entries for p in e.phrases}, [],
                       [m for e in entries for m in e.except_] + list(words))


@lru_cache(maxsize=16)
def nonstandard_table(files: tuple[str, ...], words: tuple[str, ...]) -> PhraseTable:
    return _replaceable_table(load_tables(files).nonstandard, list(words))


@lru_cache(maxsize=16)
def typo_table(files: tuple[str, ...], words: tuple[str, ...]) -> PhraseTable:
    return _replaceable_table(load_tables(files).typos, list(words), loose=True)


class SetTable:
    """The members of every fixed set in one regular expression: a sentence is scanned once for all sets."""

    def __init__(self, sets: list[TermSet]):
        self.sets = sets
        self.members = [[normalized(m) for m in term_set.members] for term_set in sets]
        self.owners: dict[str, list[tuple[int, int]]] = {}  # member -> (set, its place in the set)
        for i, members in enumerate(self.members):
            for k, member in enumerate(members):
                self.owners.setdefault(member, []).append((i, k))
        self.regex = re.compile(longest_of(self.owners))

    def occurrences(self, words: Words) -> dict[int, list[tuple[int, int, int]]]:
        """Set -> (start, end, place in the set) of its members found on word boundaries, in order."""
        found: dict[int, list[tuple[int, int, int]]] = {}
        for m in self.regex.finditer(words.text):
            if m.start() in words.at and m.end() in words.at:
                for i, k in self.owners[m.group(0)]:
                    found.setdefault(i, []).append((m.start(), m.end(), k))
        return found


@lru_cache(maxsize=16)
def set_table(files: tuple[str, ...]) -> SetTable:
    return SetTable(load_tables(files).sets)
