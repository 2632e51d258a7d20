"""Cohort checks: reports copied from each other (SIMILAR_TO) and problems copied from last year (REPEATED_PROBLEMS).

Both work on a report's *fingerprint* (checker.summary.Fingerprint): its organization key and its body
sentences that are not labelled 其他, each as [paragraph, chars, label, normalised text]. Normalised text: NFKC, runs of digits -> "0" (changed figures do
not hide a copy), punctuation and whitespace dropped, Latin lower-cased.

SIMILAR_TO. Every distinct normalised sentence of at least `min_sentence_chars` characters has a datasketch
MinHash of its character 3-grams, cut into LSH bands where the report was checked (checker.cohort.fingerprint);
the cohort keeps each report as numbers (a Sketch; in a batch its band keys on disk, read a band at a time).
Distinct sentences sharing a band key whose exact 3-gram Jaccard reaches `sentence_similarity` are the same
sentence (a changed name or place still matches): only their texts are looked up, from the fingerprints or,
in a batch, from the journal. A sentence found in more
than max(`common_reports`, min(`common_share` x cohort size, MAX_SHARED)) reports is boilerplate and ignored:
an inverted index (sentence group -> reports holding it) then gives each report the others it shares text with
in time linear in the cohort, at most MAX_SHARED others per sentence. For each pair of reports sharing sentences: share = characters of this report's compared sentences
(long enough, not boilerplate) found in the other / characters of all its compared sentences; run = longest stretch of consecutive sentences found in the other
(unmatched short sentences do not break a run). A pair with a share >= `min_share` or a run >= `min_run`
on either side is flagged on both reports, each with its own share: one flag per report naming the closest
`max_listed` others (its `share` is that of the closest one).

REPEATED_PROBLEMS. A report is matched to last year's reports of the same organization; its 问题 sentences
(at least `min_sentence_chars` characters) that equal one of last year's 问题 sentences after normalisation
are repeated word for word. Flagged when at least `min_sentences` are, or they are `min_share` of its compared
问题 text (sentences long enough to compare).

Organization key: from the author/organization line (Document.author) and from the title, each NFKC'd, without
whitespace and years (2019年度, 2019年, 年度): the shortest leading run of characters ending in an organization word
(党支部, 党总支, 党委, 党组, 党工委, 工委, 委员会, …), without a leading 关于/中共/中国共产党; the longer of the two
wins ("局党组成员、机关党委书记" gives only "机关党委", the title "青岚县人社局机关党委书记……" more). A line with
sentence punctuation (a sentence the reader took for the author line) is not used. With neither, the file name
minus years and the words 述职报告/述职/报告/抓基层党建工作/书记. Two keys match when equal, or when the shorter
one (>= 5 characters) ends the longer ("东营村党支部" matches "禾丰镇东营村党支部").

Thresholds, severities and texts are profile data (profiles/default.yaml, `cohort:`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

import numpy as np

from checker.checks.engine import Flag, RuleConfig
from checker.cohort.fingerprint import BandStore, Fingerprint, Sketch, band_count, shingles

MIN_ORG_KEY = 5
MAX_SHARED = 50  # a sentence in more reports than this is boilerplate however large the cohort (linear time)
Texts = Callable[[set], dict]  # text keys -> {key: normalised text}


class Cohort:
    """Fingerprints of a cohort (and of last year's reports) -> cohort flags. The order of add() does not matter.
    `texts` looks up the sentences whose fingerprints came without text (Sketch); the others keep their own;
    `bands` holds the band keys of the sketches added without them."""

    def __init__(self, rules: dict[str, RuleConfig], texts: Texts | None = None, bands: BandStore | None = None):
        self.rules = rules
        self.bands = bands
        self.current: dict[str, Sketch] = {}
        self.previous: dict[str, Sketch] = {}
        self.shortest = shortest_kept(rules)
        self._texts: dict[int, str] = {}
        self._lookup = texts
        self._groups: dict[float, tuple] = {}

    def add(self, name: str, fingerprint: Fingerprint | Sketch, previous: bool = False) -> None:
        (self.previous if previous else self.current)[name] = Sketch.of(fingerprint, self.shortest, self._texts)
        self._groups.clear()

    @property
    def _compared(self) -> list[RuleConfig]:
        """The checks that compare sentences across the cohort (they share one index)."""
        return [self.rules[code] for code in ("SIMILAR_TO", "COMMON_PROBLEMS") if code in self.rules]

    def flags(self) -> dict[str, list[Flag]]:
        """Cohort flags per current report (an empty list when none)."""
        found = {name: [] for name in self.current}
        if "SIMILAR_TO" in self.rules:
            for name, flags in self._similar().items():
                found[name] += flags
        if "REPEATED_PROBLEMS" in self.rules and self.previous:
            for name, flags in self._repeated().items():
                found[name] += flags
        if "COMMON_PROBLEMS" in self.rules:
            for name, flags in self._common().items():
                found[name] += flags
        return found

    def _text(self, keys: Iterable[int]) -> dict[int, str]:
        missing = {int(k) for k in keys} - self._texts.keys()
        if missing and self._lookup is not None:
            self._texts.update(self._lookup(missing))
        return self._texts

    # sentence groups

    def _grouped(self, similarity: float) -> tuple:
        """(reports, per report the group of each indexed sentence, reports holding each group as a CSR pair
        (starts, reports), their count): a group is a set of near-identical sentences."""
        if similarity not in self._groups:
            shortest = min(config.min_sentence_chars for config in self._compared)
            sketches = list(self.current.values())
            indexed = [s.lengths >= shortest for s in sketches]
            keys = np.concatenate([s.keys[m] for s, m in zip(sketches, indexed)] or [np.zeros(0, np.uint64)])
            distinct, first, ids = np.unique(keys, return_index=True, return_inverse=True)
            del keys
            bands = (self._band(band, sketches, indexed)[first] for band in range(band_count()))
            group = self._clusters(distinct, bands, similarity)[ids]
            sizes = np.cumsum([0] + [int(m.sum()) for m in indexed])
            per_report = [group[a:b] for a, b in zip(sizes, sizes[1:])]
            owner = np.repeat(np.arange(len(sketches)), np.diff(sizes))
            held = np.unique(group.astype(np.int64) * len(sketches) + owner)
            held_group, held_report = held // max(len(sketches), 1), held % max(len(sketches), 1)
            starts = np.searchsorted(held_group, np.arange(len(distinct) + 1))
            self._groups[similarity] = (indexed, per_report, starts, held_report, np.diff(starts))
        return self._groups[similarity]

    def _band(self, band: int, sketches: list[Sketch], indexed: list[np.ndarray]) -> np.ndarray:
        """The keys in this band of the indexed sentences of these sketches, in order."""
        stored = self.bands.column(band) if self.bands is not None else None
        parts = [(s.bands[:, band] if s.bands is not None else stored[s.at:s.at + len(s.keys)])[m]
                 for s, m in zip(sketches, indexed)]
        return np.concatenate(parts or [np.zeros(0, np.uint32)])

    def _clusters(self, distinct: np.ndarray, bands: Iterable[np.ndarray], similarity: float) -> np.ndarray:
        """Sentence id -> the smallest id of its group (union-find over band buckets, verified on 3-grams);
        bands: the key of each distinct sentence in each band, a band at a time. Only the sentences that share a
        bucket (candidates) take part: the union-find runs on their positions among the candidates."""
        buckets = [bucket for column in bands for bucket in _buckets(column)]
        group = np.arange(len(distinct), dtype=np.int64)
        if not buckets:
            return group
        candidates = np.unique(np.concatenate(buckets))
        ends = np.cumsum([len(b) for b in buckets])[:-1]
        buckets = np.split(np.searchsorted(candidates, np.concatenate(buckets)), ends)  # positions among them
        distinct = distinct[candidates]
        texts = self._text(distinct)
        parent = list(range(len(candidates)))
        shingled: dict[int, set] = {}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def grams(i: int) -> set:
            if i not in shingled:
                shingled[i] = set(shingles(texts[int(distinct[i])]))
            return shingled[i]

        for bucket in buckets:
            members = bucket.tolist()
            for n, a in enumerate(members):
                for b in members[n + 1:]:
                    ra, rb = find(a), find(b)
                    if ra != rb and _jaccard(grams(a), grams(b)) >= similarity:
                        parent[max(ra, rb)] = min(ra, rb)
        group[candidates] = candidates[[find(i) for i in range(len(parent))]]
        return group

    # SIMILAR_TO

    def _similar(self) -> dict[str, list[Flag]]:
        config = self.rules["SIMILAR_TO"]
        indexed, groups, starts, holders, counts = self._grouped(config.sentence_similarity)
        names, sketches = list(self.current), list(self.current.values())
        common = max(config.common_reports, min(config.common_share * len(names), MAX_SHARED))

        def overlaps(me: int) -> dict[int, dict]:
            mask = indexed[me]
            return _overlaps(me, sketches[me].paragraphs[mask].tolist(), sketches[me].chars[mask].tolist(),
                             groups[me].tolist(), starts, holders, counts, common)

        chosen: dict[int, dict[int, dict]] = {}
        wanted: dict[int, set[int]] = {}  # other -> reports that copied from it: it names them too
        for me in range(len(names)):
            mine = {other: o for other, o in overlaps(me).items() if _copied(o, config)}
            chosen[me] = mine
            for other in mine:
                wanted.setdefault(other, set()).add(me)
        for other, copiers in wanted.items():
            missing = copiers - chosen[other].keys()
            if missing:
                theirs = overlaps(other)
                chosen[other].update((me, theirs[me]) for me in missing)
        flags = {}
        for me, mine in chosen.items():
            if mine:
                ranked = sorted(((names[other], o) for other, o in mine.items()), key=lambda p: (-p[1]["share"], p[0]))
                flags[names[me]] = [_similar_flag(config, ranked)]
        return flags

    # COMMON_PROBLEMS

    def common_problems(self) -> list[tuple[str, int]]:
        """(a problem statement, the reports that use it, near-identical) shared by a large share of the cohort,
        most shared first."""
        return [(text, count) for text, count, _ in self._common_groups()]

    def _common_groups(self) -> list[tuple[str, int, int]]:
        if "COMMON_PROBLEMS" not in self.rules:
            return []
        config = self.rules["COMMON_PROBLEMS"]
        indexed, groups, *_ = self._grouped(config.sentence_similarity)
        holders: dict[int, set[int]] = {}
        example: dict[int, int] = {}  # group -> key of its first problem sentence
        for me, sketch in enumerate(self.current.values()):
            mask = indexed[me]
            wanted = sketch.problem[mask] & (sketch.lengths[mask] >= config.min_sentence_chars)
            for group, key in zip(groups[me][wanted].tolist(), sketch.keys[mask][wanted].tolist()):
                holders.setdefault(group, set()).add(me)
                example.setdefault(group, key)
        least = max(config.min_reports, config.min_share * len(self.current))
        common = [(group, len(reports)) for group, reports in holders.items() if len(reports) >= least]
        texts = self._text(example[group] for group, _ in common)
        return sorted(((texts[example[group]], count, group) for group, count in common),
                      key=lambda found: (-found[1], found[0]))

    def _common(self) -> dict[str, list[Flag]]:
        config = self.rules["COMMON_PROBLEMS"]
        indexed, groups, *_ = self._grouped(config.sentence_similarity)
        counts = {group: count for _, count, group in self._common_groups()}
        flags = {}
        for me, (name, sketch) in enumerate(self.current.items()):
            mask = indexed[me]
            shared = [(p, g) for p, g, problem in zip(sketch.paragraphs[mask].tolist(), groups[me].tolist(),
                                                      sketch.problem[mask].tolist()) if problem and g in counts]
            if len(shared) >= config.min_sentences:
                most = max(counts[g] for _, g in shared)
                values = {"count": len(shared), "reports": most, "cohort": len(self.current)}
                flags[name] = [_flag("COMMON_PROBLEMS", config, values, [p for p, _ in shared], "", most / len(self.current))]
        return flags

    # REPEATED_PROBLEMS

    def _repeated(self) -> dict[str, list[Flag]]:
        config = self.rules["REPEATED_PROBLEMS"]
        shortest = config.min_sentence_chars
        match = _OrganizationIndex({name: sketch.org for name, sketch in self.previous.items()})
        flags = {}
        for name, sketch in self.current.items():
            earlier = match(sketch.org)
            if not earlier:
                continue
            last_year = {k for prev in earlier for k in _problems(self.previous[prev], shortest)[2]}
            paragraphs, chars, keys = _problems(sketch, shortest)
            repeated = [(p, c) for p, c, k in zip(paragraphs, chars, keys) if k in last_year]
            share = sum(c for _, c in repeated) / max(sum(chars), 1)
            if repeated and (len(repeated) >= config.min_sentences or share >= config.min_share):
                other = "、".join(earlier)
                flags[name] = [_flag("REPEATED_PROBLEMS", config,
                                     {"count": len(repeated), "share": share, "other": other},
                                     [p for p, _ in repeated], other, share)]
        return flags


def shortest_kept(rules: dict[str, RuleConfig]) -> int:
    """The shortest sentence any of these cohort checks reads (shorter ones need not be kept)."""
    return min((getattr(config, "min_sentence_chars", 1) for config in rules.values()), default=1)


def _problems(sketch: Sketch, shortest: int) -> tuple[list, list, list]:
    """(paragraphs, 字数, keys) of the 问题 sentences of at least `shortest` characters."""
    mask = sketch.problem & (sketch.lengths >= shortest)
    return sketch.paragraphs[mask].tolist(), sketch.chars[mask].tolist(), sketch.keys[mask].tolist()


class _OrganizationIndex:
    """Organization key -> last year's reports, matching equal keys or one key ending the other."""

    def __init__(self, keys: dict[str, str]):
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.by_suffix: dict[str, set[str]] = defaultdict(set)
        for name, key in sorted(keys.items()):
            if key:
                self.by_key[key].append(name)
                for start in range(1, len(key) - MIN_ORG_KEY + 1):
                    self.by_suffix[key[start:]].add(key)

    def __call__(self, key: str) -> list[str]:
        if not key:
            return []
        if key in self.by_key:
            return self.by_key[key]
        keys = set(self.by_suffix.get(key, ())) if len(key) >= MIN_ORG_KEY else set()
        keys |= {key[s:] for s in range(1, len(key) - MIN_ORG_KEY + 1) if key[s:] in self.by_key}
        return sorted(name for k in keys for name in self.by_key[k])


def _buckets(keys: np.ndarray) -> list[np.ndarray]:
    """The positions sharing each key held more than once, in increasing order (copies: the sort of all the keys
    is not kept)."""
    order = np.argsort(keys, kind="stable")
    cuts = np.flatnonzero(np.diff(keys[order])) + 1
    starts, ends = np.concatenate([[0], cuts]), np.concatenate([cuts, [len(keys)]])
    shared = ends - starts > 1
    return [order[a:b].copy() for a, b in zip(starts[shared].tolist(), ends[shared].tolist())]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def _overlaps(me: int, paragraphs: list, chars: list, groups: list, starts, holders, counts,
              common: float) -> dict[int, dict]:
    """Per other report: share of this report's compared text found there, longest run of shared sentences."""
    found: dict[int, dict] = {}
    position = compared = 0
    for paragraph, size, group in zip(paragraphs, chars, groups):
        held = counts[group]
        if held > common:
            continue  # boilerplate sentence: neither counted nor breaking a run
        position += 1
        compared += size
        if held == 1:
            continue  # only this report
        for other in holders[starts[group]:starts[group + 1]].tolist():
            if other == me:
                continue
            o = found.setdefault(other, {"chars": 0, "run": 0, "current": 0, "last": -1, "paragraphs": set()})
            o["current"] = o["current"] + 1 if o["last"] == position - 1 else 1
            o["last"] = position
            o["run"] = max(o["run"], o["current"])
            o["chars"] += size
            o["paragraphs"].add(paragraph)
    return {other: {"share": o["chars"] / max(compared, 1), "run": o["run"], "paragraphs": sorted(o["paragraphs"])}
            for other, o in found.items()}


def _copied(overlap: dict | None, config: RuleConfig) -> bool:
    return overlap is not None and (overlap["share"] >= config.min_share or overlap["run"] >= config.min_run)


def _similar_flag(config: RuleConfig, chosen: list[tuple[str, dict]]) -> Flag:
    """One SIMILAR_TO flag naming the closest reports (at most max_listed), the closest one first."""
    listed = chosen[: config.max_listed]
    others = "、".join(f"{other}（{o['share']:.0%}）" for other, o in listed)
    if len(chosen) > len(listed):
        others += f" 等 {len(chosen)} 份报告"
    closest, o = listed[0]
    values = {"others": others, "other": closest, "share": o["share"], "run": o["run"], "count": len(chosen)}
    paragraphs = [p for _, overlap in listed for p in overlap["paragraphs"]]
    return _flag("SIMILAR_TO", config, values, paragraphs, "、".join(other for other, _ in listed), o["share"])


def _flag(code: str, config: RuleConfig, values: dict, paragraphs: list[int], other: str, share: float) -> Flag:
    return Flag(code=code, name=config.name or code, severity=config.severity, message=config.message.format(**values),
                paragraphs=sorted(set(paragraphs)), suggestion=config.suggestion.format(**values), other=other,
                share=round(share, 4))


def cohort_rules(cohort: dict[str, RuleConfig], previous: bool) -> dict[str, RuleConfig]:
    """The cohort checks that can run: without last year's reports REPEATED_PROBLEMS is left out."""
    return {code: config for code, config in cohort.items() if previous or code != "REPEATED_PROBLEMS"}


def cohort_of(summaries: list, profile, previous: list = (), texts: Texts | None = None,
              bands: BandStore | None = None) -> Cohort:
    """The Cohort of these summaries (`previous`: last year's; `texts`: looks up sentence texts for fingerprints
    kept without them; `bands`: holds the band keys of sketches kept without them, see Cohort)."""
    cohort = Cohort(cohort_rules(profile.cohort, previous=bool(previous)), texts, bands)
    for summary in [*summaries, *previous]:
        if summary.checked:
            cohort.add(summary.file, summary.fingerprint, previous=summary.kind == "previous")
    return cohort


def with_cohort_flags(summaries: list, profile, previous: list = (), texts: Texts | None = None,
                      cohort: Cohort | None = None) -> list:
    """The summaries of a cohort with their cohort flags added and verdicts re-judged (the arguments as for
    cohort_of, or the cohort already made of them)."""
    found, names = (cohort or cohort_of(summaries, profile, previous, texts)).flags(), profile.names()
    return [s.with_cohort_flags(found.get(s.file, []), profile.verdict, names) for s in summaries]
