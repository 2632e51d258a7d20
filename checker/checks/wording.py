"""Wording read against the tables of checker.checks.terms: TERM_OUTDATED (a formulation of another period than the
report's year, presented as current), TERM_NONSTANDARD (a fixed formulation written wrong, in the wrong order or
incomplete) and TYPO. Every sentence of the report is read, title and headings included; each hit is evidence
with its replacement. The user's allowed forms (lexicon `wording_allowed`) are never reported."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, model_validator

from checker.checks.engine import Finding, Mark, RuleConfig, Severity, rule
from checker.checks.parts import Item, counted, paragraphs_of, source_range
from checker.checks.terms import (QUOTES, Hit, Outdated, PhraseTable, TermSet, load_tables, nonstandard_table,
                                  outdated_table, set_table, typo_table)
from checker.segment.normalize import normalized

EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)年")
LIST_GAP = re.compile(r"[、，,和与及以及“”‘’\"'「」]*")  # what may stand between the members of a listed set
PLAIN = re.compile("[“”‘’\"'「」『』了]")  # what a pairing's formulations are read without
LOOSE = "[“”‘’\"'「」『』了]*"  # between the characters of a given formulation
CLOSING = "[”’\"'」』]?"
CLAUSE_END = "，；：。！？,;:!?"


class MarksConfig(RuleConfig):
    """A rule that points at words, each with what should stand there (the wording and typography rules)."""

    severity: Severity = Field(Severity.info, strict=False)
    max_listed: int = Field(8, ge=1)  # hits named in the message
    max_evidence: int = Field(50, ge=1)  # hits pointed at (comments in Word), the first ones

    FIELDS: ClassVar = {"count": 2, "items": "布署→部署"}


class WordingConfig(MarksConfig):
    extra_files: list[str] = []  # the user's tables (the format of checker/data/terms.yaml and typos.yaml)

    @model_validator(mode="after")
    def _tables_load(self):
        load_tables(tuple(self.extra_files))
        return self

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(self.extra_files)


def _words(context) -> tuple[str, ...]:
    return tuple(context.lexicons.raw.get("wording_words") or ())


def _mark(item: Item, start: int, end: int, replacement: str) -> Mark:
    """A hit at characters start..end of the sentence's normalised text, as a Mark on its own text."""
    first, last = source_range(item, start, end)
    return Mark(item, item.text[first:last], first, replacement)


def _table_marks(report, table: PhraseTable, replace) -> list[tuple[Mark, object]]:
    """(mark, entry) of every hit of the table that `replace(item, words, hit)` gives a replacement (None: not
    reported)."""
    found = []
    for item in report.sentences:
        words = report.words(item)
        for hit in table.find(words):
            replacement = replace(item, words, hit)
            if replacement is not None:
                found.append((_mark(item, hit.start, hit.end, replacement), hit.entry))
    return found


def finding(marks: list[Mark], config: MarksConfig, context, values: dict | None = None,
            variant: str = "") -> Finding | None:
    """The flag of some marks, in report order, without the forms the user allows; None when none is left."""
    allowed = set(context.lexicons.raw.get("wording_allowed") or ())
    marks = sorted((m for m in marks if m.text not in allowed and m.text.translate(QUOTES) not in allowed),
                   key=lambda m: (m.item.key, m.start))
    if not marks:
        return None
    items = counted([f"{m.text}→{m.replacement}" if m.replacement else m.text for m in marks], config.max_listed)
    return Finding({"count": len(marks), "items": items, **(values or {})},
                   paragraphs_of([m.item for m in marks]), variant, evidence=marks[:config.max_evidence])


# TERM_OUTDATED

class OutdatedConfig(WordingConfig):
    serious_kinds: list[str] = ["congress", "plenum"]  # presented as current: a reviewer sends the report back
    severity_serious: Severity | None = Field(None, strict=False)

    FIELDS: ClassVar = {**WordingConfig.FIELDS, "year": 2024}
    LEXICONS: ClassVar = ("term_past_before", "term_past_after")


def _told_as_past(words, hit: Hit, year: int, lexicons) -> bool:
    """A past marker before the formulation in its clause (上年度, 曾经; one character only right before it: 原, 曾),
    another year (2021年) in that clause, a past marker right after it (以来, 时, 成果…), or a document's title
    (《…》) holding it."""
    if words.title[words.at[hit.start]]:
        return True
    before = words.text[:hit.start]
    clause = before[max(before.rfind(c) for c in CLAUSE_END) + 1:]
    after = words.text[hit.end:].lstrip("”\"」")
    return (any(int(y) != year for y in EXPLICIT_YEAR.findall(clause))
            or any(clause.endswith(w) or (len(w) > 1 and w in clause) for w in lexicons.raw["term_past_before"])
            or any(after.startswith(w) for w in lexicons.raw["term_past_after"]))


@rule("TERM_OUTDATED", OutdatedConfig)
def term_outdated(report, scope, config: OutdatedConfig, context):
    """Formulations outside their years (terms.yaml `valid`) for the report's year (for a plan, that year or the
    next) and not told as past; nothing when the year is unknown."""
    year = report.doc._.year
    if not year:
        return None

    def replace(item, words, hit):
        entry: Outdated = hit.entry
        ahead = year + (item.label == "plan")  # the plans look a year ahead
        if entry.valid[0] <= ahead and year <= entry.valid[1] or _told_as_past(words, hit, year, context.lexicons):
            return None
        return entry.instead or f"（{entry.valid[0]}—{entry.valid[1]}年的提法，删去或改用{year}年的提法）"

    found = _table_marks(report, outdated_table(config.files, _words(context)), replace)
    serious = any(entry.kind in config.serious_kinds for _, entry in found)
    return finding([m for m, _ in found], config, context, {"year": year}, "serious" if serious else "")


# TERM_NONSTANDARD

def _set_hits(words, term_set: TermSet, members: list[str], found: list[tuple[int, int, int]],
              year: int | None) -> list[Hit]:
    """Listings of a fixed set (its members `found` in the sentence, joined by 、，和) in the wrong order, or leaving
    out a member (at least `min_present` listed, by default all but one and at least 3) the sentence never names."""
    if term_set.since and (not year or year < term_set.since):
        return []
    runs: list[list[tuple[int, int, int]]] = []
    for occurrence in found:
        if runs and LIST_GAP.fullmatch(words.text[runs[-1][-1][1]:occurrence[0]]):
            runs[-1].append(occurrence)
        else:
            runs.append([occurrence])
    minimum = term_set.min_present or max(3, len(members) - 1)
    hits = []
    for run in runs:
        listed = [k for _, _, k in run]
        missing = [m for k, m in enumerate(members) if k not in listed]
        if len(set(listed)) < len(listed):
            continue
        wrong_order = not missing and listed != sorted(listed)
        left_out = missing and len(listed) >= minimum and not any(m in words.text for m in missing)
        if wrong_order or left_out:
            hits.append(Hit(run[0][0], run[-1][1], term_set))
    return hits


def _pairing_marks(report, pairings, items) -> list[Mark]:
    """A sentence with every `given` formulation of a pairing (read without quotes and 了: 增强了“四个意识”) whose
    paragraph lacks the expected one."""
    plains = [PLAIN.sub("", report.words(item).text) for item in items]
    whole = "\n".join(plains)  # a formulation it lacks is in no sentence: that pairing is not looked for
    forms = [(pairing, given, present) for pairing, given, present in _pairing_forms(pairings)
             if all(g in whole for g in given)]
    if not forms:
        return []
    paragraph_texts: dict[int, str] = {}
    for item, plain in zip(items, plains):
        paragraph_texts[item.paragraph] = paragraph_texts.get(item.paragraph, "") + plain
    marks = []
    for item, plain in zip(items, plains):
        words = report.words(item)
        for pairing, given, present in forms:
            if all(g in plain for g in given) and present not in paragraph_texts[item.paragraph]:
                last = re.search(LOOSE.join(map(re.escape, given[-1])) + CLOSING, words.text)
                if last:
                    marks.append(_mark(item, last.start(), last.end(),
                                       f"{words.text[last.start():last.end()]}、{pairing.expected}"))
    return marks


def _pairing_forms(pairings) -> list[tuple]:
    """(pairing, its given formulations, what counts as the expected one), read without quotes and 了."""
    return [(pairing, [PLAIN.sub("", normalized(g)) for g in pairing.given],
             PLAIN.sub("", normalized(pairing.present or pairing.expected))) for pairing in pairings]


@rule("TERM_NONSTANDARD", WordingConfig)
def term_nonstandard(report, scope, config: WordingConfig, context):
    """Wrong full names and roles (terms.yaml `nonstandard`), fixed sets listed out of order or incomplete (`sets`),
    a formulation without its expected partner (`pairings`)."""
    sets, year = set_table(config.files), report.doc._.year
    marks = [m for m, _ in _table_marks(report, nonstandard_table(config.files, _words(context)),
                                        lambda item, words, hit: hit.entry.right)]
    taken = {(m.item.key, m.start) for m in marks}
    for item in report.sentences:
        words = report.words(item)
        for i, found in sets.occurrences(words).items():
            term_set = sets.sets[i]
            for hit in _set_hits(words, term_set, sets.members[i], found, year):
                mark = _mark(item, hit.start, hit.end, term_set.full)
                if (item.key, mark.start) not in taken:
                    marks.append(mark)
    marks += _pairing_marks(report, load_tables(config.files).pairings, report.sentences)
    return finding(marks, config, context)


# TYPO

@rule("TYPO", WordingConfig)
def typo(report, scope, config: WordingConfig, context):
    """Typos and 公文 conventions of typos.yaml, each with its right form."""
    found = _table_marks(report, typo_table(config.files, _words(context)), lambda item, words, hit: hit.entry.right)
    return finding([m for m, _ in found], config, context)
