"""Cohort checks: reports copied from each other (SIMILAR_TO) and problems copied from last year (REPEATED_PROBLEMS).

Both work on a *fingerprint* taken from a report's JSON contract (checker.render.json_out.result_dict):
its organization key and its body sentences that are not labelled 其他, each as
[paragraph, chars, label, normalised text]. Normalised text: NFKC, runs of digits -> "0" (changed figures do
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

import re
import unicodedata
import zlib
from collections import defaultdict
from pathlib import PurePath

from legacy_checker.errors import ProfileError
from legacy_checker.profile import SEVERITIES, Profile
from legacy_checker.rules import NUMBER, SEVERITY_ORDER, Rule, verdict
from legacy_checker.structures import Flag

# Settings, types and message placeholders of the cohort checks, validated like the per-report rules (no check
# function: Cohort runs them).
SIMILAR_TO_PARAMS = {"sentence_similarity": NUMBER, "min_sentence_chars": NUMBER, "min_share": NUMBER,
                     "min_run": NUMBER, "common_reports": NUMBER, "common_share": NUMBER, "max_listed": int}
REPEATED_PROBLEMS_PARAMS = {"min_sentence_chars": NUMBER, "min_sentences": NUMBER, "min_share": NUMBER}
COHORT_RULES = {
    "SIMILAR_TO": Rule("SIMILAR_TO", None, SIMILAR_TO_PARAMS, tuple(SIMILAR_TO_PARAMS),
                       fields=("others", "other", "share", "run", "count")),
    "REPEATED_PROBLEMS": Rule("REPEATED_PROBLEMS", None, REPEATED_PROBLEMS_PARAMS, tuple(REPEATED_PROBLEMS_PARAMS),
                              fields=("count", "share", "other")),
}
COHORT_CODES = tuple(COHORT_RULES)
NUM_PERM = 64
LSH_THRESHOLD = 0.5  # candidates only: pairs are verified on exact shingle overlap
SHINGLE = 3
MIN_ORG_KEY = 5

DIGITS = re.compile(r"\d+")
NON_WORD = re.compile(r"[\W_]+")
SPACE = re.compile(r"\s+")
SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
YEAR = re.compile(r"(?:19|20)\d\d年度?|年度")
ORG = re.compile(r"\w{2,40}?(?:党总支部|党总支|党支部|党工委|党委|党组|总支部|总支|支部|工委|委员会)")
LEADING_NOISE = re.compile(r"^(?:关于)?(?:中国共产党|中共)?")
STEM_NOISE = re.compile(r"述职报告|述职|报告|抓基层党建工作|书记|\d+")


def normalize(text: str) -> str:
    return NON_WORD.sub("", DIGITS.sub("0", unicodedata.normalize("NFKC", text))).lower()


def organization_key(author: str, title: str, file: str) -> str:
    keys = []
    for text in (author, title):
        text = unicodedata.normalize("NFKC", text or "")
        match = None if SENTENCE_MARK.search(text) else ORG.search(YEAR.sub("", SPACE.sub("", text)))
        if match:
            keys.append(LEADING_NOISE.sub("", match.group(0)))
    if keys:
        return max(keys, key=len)
    stem = YEAR.sub("", SPACE.sub("", unicodedata.normalize("NFKC", PurePath(file).stem)))
    return NON_WORD.sub("", STEM_NOISE.sub("", stem))


def fingerprint(result: dict) -> dict:
    """What the cohort checks need from one report's JSON contract (small enough to keep per report)."""
    sentences = [[p["index"], s["chars"], s["label"], normalize(s["text"])]
                 for p in result.get("paragraphs", []) if p["role"] == "body"
                 for s in p["sentences"] if s["label"] != "other"]
    org = organization_key(result.get("author", ""), result.get("title", ""), result["file"])
    return {"org": org, "sentences": sentences}


def cohort_rules(profile: Profile, previous: bool = True) -> dict[str, dict]:
    """The enabled cohort checks of a profile, validated; without last year's reports (`previous` False)
    REPEATED_PROBLEMS cannot apply and is left out."""
    if not isinstance(profile.cohort, dict):
        raise ProfileError(f"配置 {profile.name} 的 cohort 应当是按检查代码列出的键值表")
    rules, problems = {}, []
    for code, config in profile.cohort.items():
        if code not in COHORT_RULES:
            problems.append(f"未知的汇总检查代码 {code}（可用：{'、'.join(COHORT_CODES)}）")
        elif not isinstance(config, dict):
            problems.append(f"{code} 的设置应当是键值表")
        elif config.get("enabled", True):
            problems += COHORT_RULES[code].problems(config, {})
            if config.get("severity", "warning") not in SEVERITIES:
                problems.append(f"{code}.severity 应为 {'/'.join(SEVERITIES)} 之一")
            rules[code] = config
    if problems:
        raise ProfileError(f"配置 {profile.name} 的 cohort 部分有误：" + "；".join(problems))
    if not previous:
        rules.pop("REPEATED_PROBLEMS", None)
    return rules


class Cohort:
    """Fingerprints of a cohort (and of last year's reports) -> cohort flags. The order of add() does not matter."""

    def __init__(self, rules: dict[str, dict]):
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

    def add(self, name: str, fingerprint: dict, previous: bool = False) -> None:
        (self.previous if previous else self.current)[name] = fingerprint
        if not previous and "SIMILAR_TO" in self.rules:
            self._index(fingerprint)

    def _index(self, fingerprint: dict) -> None:
        shortest = self.rules["SIMILAR_TO"]["min_sentence_chars"]
        new = list(dict.fromkeys(t for *_, t in fingerprint["sentences"] if len(t) >= shortest and t not in self._ids))
        for text, minhash in zip(new, self._bulk((_shingles(t) for t in new), **self._minhash_args)):
            self._ids[text] = len(self._ids)
            self._lsh.insert(self._ids[text], minhash, check_duplication=False)

    def flags(self) -> dict[str, list[dict]]:
        """Cohort flags per current report (an empty list when none)."""
        found = {name: [] for name in self.current}
        if "SIMILAR_TO" in self.rules:
            for name, flags in self._similar().items():
                found[name] += flags
        if "REPEATED_PROBLEMS" in self.rules and self.previous:
            for name, flags in self._repeated().items():
                found[name] += flags
        return found

    # SIMILAR_TO

    def _clusters(self) -> list[int]:
        """Sentence id -> id of its group of near-identical sentences (union-find over verified LSH buckets)."""
        parent = list(range(len(self._ids)))
        texts = list(self._ids)
        shingles: dict[int, set] = {}
        similarity = self.rules["SIMILAR_TO"]["sentence_similarity"]

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

    def _similar(self) -> dict[str, list[dict]]:
        config = self.rules["SIMILAR_TO"]
        cluster = self._clusters()
        sequences = {name: self._cluster_sequence(fp, cluster) for name, fp in self.current.items()}
        holders: dict[int, set[str]] = defaultdict(set)
        for name, sequence in sequences.items():
            for _, _, group in sequence:
                holders[group].add(name)
        common = max(config["common_reports"], config["common_share"] * len(self.current))
        overlaps = {name: _overlaps(name, sequences[name], holders, common) for name in self.current}
        flags = {}
        for name, mine in overlaps.items():
            chosen = sorted(((other, o) for other, o in mine.items()
                             if _copied(o, config) or _copied(overlaps[other].get(name), config)),
                            key=lambda pair: (-pair[1]["share"], pair[0]))
            if chosen:
                flags[name] = [_similar_flag(config, chosen)]
        return flags

    def _cluster_sequence(self, fingerprint: dict, cluster: list[int]) -> list[tuple[int, int, int]]:
        """(paragraph, chars, sentence group) for the indexed sentences of a report, in order."""
        out = []
        for paragraph, chars, _, text in fingerprint["sentences"]:
            sentence = self._ids.get(text)
            if sentence is not None:
                out.append((paragraph, chars, cluster[sentence]))
        return out

    # REPEATED_PROBLEMS

    def _repeated(self) -> dict[str, list[dict]]:
        config = self.rules["REPEATED_PROBLEMS"]
        shortest = config["min_sentence_chars"]
        match = _OrganizationIndex({name: fp["org"] for name, fp in self.previous.items()})
        flags = {}
        for name, fp in self.current.items():
            earlier = match(fp["org"])
            if not earlier:
                continue
            last_year = {t for prev in earlier for _, _, label, t in self.previous[prev]["sentences"]
                         if label == "problem" and len(t) >= shortest}
            problems = [(p, c, t) for p, c, label, t in fp["sentences"] if label == "problem" and len(t) >= shortest]
            repeated = [(p, c) for p, c, t in problems if t in last_year]
            share = sum(c for _, c in repeated) / max(sum(c for _, c, _ in problems), 1)
            if repeated and (len(repeated) >= config["min_sentences"] or share >= config["min_share"]):
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


def _copied(overlap: dict | None, config: dict) -> bool:
    return overlap is not None and (overlap["share"] >= config["min_share"] or overlap["run"] >= config["min_run"])


def _similar_flag(config: dict, chosen: list[tuple[str, dict]]) -> dict:
    """One SIMILAR_TO flag naming the closest reports (at most max_listed), the closest one first."""
    listed = chosen[: config["max_listed"]]
    others = "、".join(f"{other}（{o['share']:.0%}）" for other, o in listed)
    if len(chosen) > len(listed):
        others += f" 等 {len(chosen)} 份报告"
    closest, o = listed[0]
    values = {"others": others, "other": closest, "share": o["share"], "run": o["run"], "count": len(chosen)}
    paragraphs = [p for _, overlap in listed for p in overlap["paragraphs"]]
    return _flag("SIMILAR_TO", config, values, paragraphs, "、".join(other for other, _ in listed), o["share"])


def _flag(code: str, config: dict, values: dict, paragraphs: list[int], other: str, share: float) -> dict:
    return {"code": code, "severity": config.get("severity", "warning"), "message": config["message"].format(**values),
            "paragraphs": sorted(set(paragraphs)), "suggestion": config.get("suggestion", "").format(**values),
            "other": other, "share": round(share, 4)}


def with_cohort_flags(result: dict, flags: list[dict], profile: Profile) -> dict:
    """A copy of a result (or batch row) with its cohort flags replaced and the verdict re-judged."""
    if "error" in result:
        return result
    merged = [f for f in result["flags"] if f["code"] not in COHORT_CODES] + flags
    merged.sort(key=lambda f: SEVERITY_ORDER[f["severity"]])
    judged, fix_first = verdict([Flag(f["code"], f["severity"], f["message"], f["paragraphs"], f["suggestion"])
                                 for f in merged], profile)
    return {**result, "flags": merged, "verdict": judged, "fix_first": fix_first}


def add_cohort_flags(results: list[dict], profile: Profile) -> list[dict]:
    """Cohort checks over full JSON-contract results (e.g. several uploads at once); returns updated copies."""
    cohort = Cohort(cohort_rules(profile, previous=False))
    for result in results:
        if "error" not in result:
            cohort.add(result["file"], fingerprint(result))
    found = cohort.flags()
    return [with_cohort_flags(r, found.get(r["file"], []), profile) for r in results]
