"""The wording checks on the whole corpus: year detection, hits per 10,000 characters per code, CPU time per report.

    python benchmarks/wording.py [--profile default] [--list CODE] [--repeat 3]

Every report of corpus/raw, corpus/external and corpus/realform is read with its gold labels and the year of its
front matter (`year:`). Year detection (checker.read.year) is compared with that year. For each wording code the
table gives the reports it fires on and its hits (evidence) per 10,000 characters (字数, checker.textcount) of the
whole corpus; the corpus reports were written without typos or outdated formulations on purpose, so every hit
of TERM_OUTDATED, TERM_NONSTANDARD and TYPO is read by hand (--list CODE prints them with their sentences).
Recall: the literal typos and wrong names put back into corpus sentences that hold their right form.
Time: the CPU time of each rule's check on every report (a fresh Report each time, so the words are read too),
less the floor (the same loop with a check that does nothing), per report, best of --repeat runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.checks.engine import rule_of  # noqa: E402
from checker.checks.parts import Report  # noqa: E402
from checker.checks.terms import load_tables, nonstandard_table, typo_table  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.profile import load_profile  # noqa: E402
from checker.textcount import count_chars  # noqa: E402
from checker.training.corpus import EXTERNAL_SETS, gold_doc, load_raw  # noqa: E402

CODES = ("TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO", "PUNCTUATION", "NUMBERS", "HEADING_ORDER")
FAULT_FORMS = {"PUNCTUATION": {"halfwidth_punct", "odd_numbering"}, "HEADING_ORDER": {"odd_numbering"}}  # `forms:`


def corpus() -> list:
    return [r for folder in ("raw", *EXTERNAL_SETS) for r in load_raw(folder=folder)]


def judged(reports, profile) -> list:
    """(report, its judged gold Doc with the front matter's year) for every report."""
    checkers: dict[int, Checker] = {}
    out = []
    for report in reports:
        year = int(report.meta["year"])
        checker = checkers.setdefault(year, Checker(profile, year=year))
        out.append((report, checker.judge(gold_doc(report))))
    return out


def year_detection(reports) -> str:
    found = Counter()
    for report in reports:
        doc = gold_doc(report)
        found["found" if doc._.year else "none"] += 1
        found["right" if doc._.year == int(report.meta["year"]) else "wrong" if doc._.year else ""] += 1
    n = len(reports)
    return (f"year detection: {n} reports, read {found['found']} ({found['found'] / n:.1%}), right {found['right']}, "
            f"wrong {found['wrong']}, unknown {found['none']}")


def hits_table(docs) -> str:
    """Per code: reports flagged, hits and hits per 10,000 characters on the whole corpus, and on the reports whose
    front matter lists none of the forms that are such faults (FAULT_FORMS: half-width punctuation, odd numbering)."""
    chars = sum(count_chars(d.text) for _, d in docs)
    rows = [f"whole corpus: {len(docs)} reports, {chars} characters", "",
            "| code | reports | hits | per 10,000 characters | reports without such forms: reports, hits, per 10,000 |",
            "|---|---|---|---|---|"]
    for code in CODES:
        clean = [(r, d) for r, d in docs if not FAULT_FORMS.get(code, set()) & set(r.meta.get("forms", "").split(", "))]
        found = [[f for f in d._.flags if f.code == code] for _, d in docs]
        found_clean = [[f for f in d._.flags if f.code == code] for _, d in clean]
        hits, hits_clean = (sum(len(f.evidence) for fs in group for f in fs) for group in (found, found_clean))
        clean_chars = sum(count_chars(d.text) for _, d in clean)
        rows.append(f"| {code} | {sum(map(bool, found))} | {hits} | {hits * 10_000 / chars:.2f} | "
                    f"{len(clean)}: {sum(map(bool, found_clean))}, {hits_clean}, {hits_clean * 10_000 / clean_chars:.2f} |")
    return "\n".join(rows)


def listing(docs, code: str) -> str:
    lines = []
    for report, doc in docs:
        sentences = list(doc.sents)
        for flag in (f for f in doc._.flags if f.code == code):
            for e in flag.evidence:
                lines.append(f"{report.id} {report.meta['year']} {e.text} → {e.replacement} | "
                             f"{sentences[e.sentence].text[:80]}")
    return "\n".join(lines)


def recall(docs) -> str:
    """Typos and wrong names put back into the corpus: each literal entry whose right form a corpus sentence holds
    has it replaced by the wrong form there (first such sentence), and the table is asked to find it."""
    from checker.measure.words import Words
    from checker.read.document import Block, Document
    from checker.segment import segment

    sentences = [s.text for _, d in docs for s in d.sents]
    rows = ["| table | entries tried | found |", "|---|---|---|"]
    for name, entries, table in (("typos", load_tables().typos, typo_table((), ())),
                                 ("nonstandard", load_tables().nonstandard, nonstandard_table((), ()))):
        tried = found = 0
        for entry in (e for e in entries if e.wrong):
            text = next((t for t in sentences if entry.right in t), None)
            if text is None:
                continue
            wrong = text.replace(entry.right, entry.wrong, 1)
            words = Words.of(next(segment(Document("r.txt", [Block(wrong)])).sents))
            tried += 1
            found += any(h.entry is entry for h in table.find(words))
        rows.append(f"| {name} | {tried} | {found} ({found / max(tried, 1):.0%}) |")
    return "\n".join(rows)


def timing(docs, profile, repeat: int) -> str:
    context = profile.context()

    def run(check, config) -> float:
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for _, doc in docs:
                report = Report(doc)
                check(report, report.items(), config, context)
            best = min(best, time.process_time() - start)
        return best

    def every_code(report, scope, config, context):  # the six on one Report: the words are read once
        for code in CODES:
            rule_of(code, profile.rules[code]).check(report, scope, profile.rules[code], context)

    floor = run(lambda *args: None, None)
    rows = [f"CPU per report, floor {floor * 1000 / len(docs):.2f} ms (a Report per Doc)", "",
            "| code | ms per report |", "|---|---|"]
    for code in CODES:
        config = profile.rules[code]
        spent = run(rule_of(code, config).check, config) - floor
        rows.append(f"| {code} | {spent * 1000 / len(docs):.2f} |")
    rows.append(f"| all six | {(run(every_code, None) - floor) * 1000 / len(docs):.2f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--list", dest="code", default=None, help="print every hit of this code")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    profile = load_profile(args.profile).with_rules(**{code: {"max_evidence": 10**6} for code in CODES})  # every hit
    reports = corpus()
    docs = judged(reports, profile)
    if args.code:
        print(listing(docs, args.code))
        return
    print(year_detection(reports), "", hits_table(docs), "", recall(docs), "", timing(docs, profile, args.repeat),
          sep="\n")


if __name__ == "__main__":
    main()
