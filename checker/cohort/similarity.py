"""Cohort checks: reports copied from each other (SIMILAR_TO) and problems copied from last year (REPEATED_PROBLEMS).

Both work on a report's *fingerprint* (checker.summary.Fingerprint): its organization key and its body
sentences that are not labelled 其他, each as [paragraph, chars, label, normalised text]. Normalised text: NFKC, runs of digits -> "0" (changed figures do
not hide a copy), punctuation and whitespace dropped, Latin lower-cased.

SIMILAR_TO. Every distinct normalised sentence of at least `min_sentence_chars` characters gets a datasketch
MinHash of its character 3-grams and goes into a MinHashLSH index (one entry per distinct sentence, so the
cost grows with the cohort, never with pairs of reports). Sentences sharing an LSH bucket whose exact 3-gram
Jaccard reaches `sentence_similarity` are the same sentence (a changed name or place still matches). A
sentence found in more than max(`common_reports`, `common_share` x cohort size) reports is boilerplate and
ignored. For each pair of reports sharing sentences: share = characters of this report's compared sentences
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

import zlib
from collections import defaultdict

from checker.checks.engine import Flag, RuleConfig
from checker.cohort.fingerprint import Fingerprint

NUM_PERM = 64
LSH_THRESHOLD = 0.5  # candidates only: pairs are verified on exact shingle overlap
SHINGLE = 3
MIN_ORG_KEY = 5



class Cohort:
    """Fingerprints of a cohort (and of last year's reports) -> cohort flags. The order of add() does not matter."""

    def __init__(self, rules: dict[str, RuleConfig]):
        from datasketch import MinHash, MinHashLSH  # imported here: it takes a third of a second

        self.rules = rules
        self.current: dict[str, dict] = {}
        self.previous: dict[str, dict] = {}
        self._ids: dict[str, int] = {}  # normalised sentence -> id in the LSH index
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._bulk = MinHash.bulk
        seed = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
        self._minhash_args = {"num_perm": NUM_PERM, "hashfunc": zlib.crc32, "permutations": seed.permutations,
                              "scheme": seed.scheme}

    def add(self, name: str, fingerprint: Fingerprint, previous: bool = False) -> None:
        (self.previous if previous else self.current)[name] = fingerprint
        if not previous and self._compared:
            self._index(fingerprint)

    @property
    def _compared(self) -> list[RuleConfig]:
        """The checks that compare sentences across the cohort (they share one index)."""
        return [self.rules[code] for code in ("SIMILAR_TO", "COMMON_PROBLEMS") if code in self.rules]

    def _index(self, fingerprint: Fingerprint) -> None:
        shortest = min(config.min_sentence_chars for config in self._compared)
        new = list(dict.fromkeys(t for *_, t in fingerprint.sentences if len(t) >= shortest and t not in self._ids))
        for text, minhash in zip(new, self._bulk((_shingles(t) for t in new), **self._minhash_args)):
            self._ids[text] = len(self._ids)
            self._lsh.insert(self._ids[text], minhash, check_duplication=False)

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

    # SIMILAR_TO

    def _clusters(self, similarity: float) -> list[int]:
        """Sentence id -> id of its group of near-identical sentences (union-find over verified LSH buckets)."""
        parent = list(range(len(self._ids)))
        texts = list(self._ids)
        shingles: dict[int, set] = {}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for table in self._lsh.hashtables:
            for key in table.keys():
                members = sorted(table.get(key))
                for n, a in enumerate(members):
                    for b in members[n + 1:]:
                        ra, rb = find(a), find(b)
                        if ra != rb and _jaccard(_cached(shingles, a, texts), _cached(shingles, b, texts)) >= similarity:
                            parent[max(ra, rb)] = min(ra, rb)
        return [find(i) for i in range(len(parent))]

    def _similar(self) -> dict[str, list[Flag]]:
        config = self.rules["SIMILAR_TO"]
        cluster = self._clusters(config.sentence_similarity)
        sequences = {name: self._cluster_sequence(fp, cluster) for name, fp in self.current.items()}
        holders: dict[int, set[str]] = defaultdict(set)
        for name, sequence in sequences.items():
            for _, _, group in sequence:
                holders[group].add(name)
        common = max(config.common_reports, config.common_share * len(self.current))
        overlaps = {name: _overlaps(name, sequences[name], holders, common) for name in self.current}
        flags = {}
        for name, mine in overlaps.items():
            chosen = sorted(((other, o) for other, o in mine.items()
                             if _copied(o, config) or _copied(overlaps[other].get(name), config)),
                            key=lambda pair: (-pair[1]["share"], pair[0]))
            if chosen:
                flags[name] = [_similar_flag(config, chosen)]
        return flags

    def _cluster_sequence(self, fingerprint: Fingerprint, cluster: list[int]) -> list[tuple[int, int, int]]:
        """(paragraph, chars, sentence group) for the indexed sentences of a report, in order."""
        out = []
        for paragraph, chars, _, text in fingerprint.sentences:
            sentence = self._ids.get(text)
            if sentence is not None:
                out.append((paragraph, chars, cluster[sentence]))
        return out

    # COMMON_PROBLEMS

    def common_problems(self) -> list[tuple[str, int]]:
        """(a problem statement, the reports that use it, near-identical) shared by a large share of the cohort,
        most shared first."""
        if "COMMON_PROBLEMS" not in self.rules:
            return []
        config = self.rules["COMMON_PROBLEMS"]
        cluster = self._clusters(config.sentence_similarity)
        holders: dict[int, set[str]] = defaultdict(set)
        example: dict[int, str] = {}
        for name, fp in self.current.items():
            for _, _, label, text in fp.sentences:
                sentence = self._ids.get(text)
                if label == "problem" and sentence is not None and len(text) >= config.min_sentence_chars:
                    holders[cluster[sentence]].add(name)
                    example.setdefault(cluster[sentence], text)
        least = max(config.min_reports, config.min_share * len(self.current))
        common = [(example[g], len(names)) for g, names in holders.items() if len(names) >= least]
        return sorted(common, key=lambda pair: (-pair[1], pair[0]))

    def _common(self) -> dict[str, list[Flag]]:
        config = self.rules["COMMON_PROBLEMS"]
        cluster = self._clusters(config.sentence_similarity)
        common = {text: count for text, count in self.common_problems()}
        groups = {cluster[self._ids[text]]: count for text, count in common.items()}
        flags = {}
        for name, fp in self.current.items():
            shared = [(p, t) for p, _, label, t in fp.sentences if label == "problem" and t in self._ids
                      and cluster[self._ids[t]] in groups]
            if len(shared) >= config.min_sentences:
                most = max(groups[cluster[self._ids[t]]] for _, t in shared)
                values = {"count": len(shared), "reports": most, "cohort": len(self.current)}
                flags[name] = [_flag("COMMON_PROBLEMS", config, values, [p for p, _ in shared], "", most / len(self.current))]
        return flags

    # REPEATED_PROBLEMS

    def _repeated(self) -> dict[str, list[Flag]]:
        config = self.rules["REPEATED_PROBLEMS"]
        shortest = config.min_sentence_chars
        match = _OrganizationIndex({name: fp.org for name, fp in self.previous.items()})
        flags = {}
        for name, fp in self.current.items():
            earlier = match(fp.org)
            if not earlier:
                continue
            last_year = {t for prev in earlier for _, _, label, t in self.previous[prev].sentences
                         if label == "problem" and len(t) >= shortest}
            problems = [(p, c, t) for p, c, label, t in fp.sentences if label == "problem" and len(t) >= shortest]
            repeated = [(p, c) for p, c, t in problems if t in last_year]
            share = sum(c for _, c in repeated) / max(sum(c for _, c, _ in problems), 1)
            if repeated and (len(repeated) >= config.min_sentences or share >= config.min_share):
                other = "、".join(earlier)
                flags[name] = [_flag("REPEATED_PROBLEMS", config,
                                     {"count": len(repeated), "share": share, "other": other},
                                     [p for p, _ in repeated], other, share)]
        return flags


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


def _shingles(text: str) -> list[bytes]:
    return [text[i:i + SHINGLE].encode() for i in range(max(len(text) - SHINGLE + 1, 1))]


def _cached(cache: dict[int, set], sentence: int, texts: list[str]) -> set:
    if sentence not in cache:
        cache[sentence] = set(_shingles(texts[sentence]))
    return cache[sentence]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def _overlaps(name: str, sequence, holders: dict[int, set[str]], common: float) -> dict[str, dict]:
    """Per other report: share of this report's compared text found there, longest run of shared sentences."""
    found: dict[str, dict] = {}
    position = compared = 0
    for paragraph, chars, group in sequence:
        others = holders[group]
        if len(others) > common:
            continue  # boilerplate sentence: neither counted nor breaking a run
        position += 1
        compared += chars
        for other in others:
            if other == name:
                continue
            o = found.setdefault(other, {"chars": 0, "run": 0, "current": 0, "last": -1, "paragraphs": set()})
            o["current"] = o["current"] + 1 if o["last"] == position - 1 else 1
            o["last"] = position
            o["run"] = max(o["run"], o["current"])
            o["chars"] += chars
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


def with_cohort_flags(summaries: list, profile, previous: list = ()) -> list:
    """The summaries of a cohort with their cohort flags added and verdicts re-judged (`previous`: last year's)."""
    cohort = Cohort(cohort_rules(profile.cohort, previous=bool(previous)))
    for summary in [*summaries, *previous]:
        if summary.checked:
            cohort.add(summary.file, summary.fingerprint, previous=summary.kind == "previous")
    found, names = cohort.flags(), profile.names()
    return [s.with_cohort_flags(found.get(s.file, []), profile.verdict, names) for s in summaries]
