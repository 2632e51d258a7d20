"""How often each flag code fires per corpus quality group, on gold sentence labels.

    python benchmarks/flag_calibration.py [--profile default] [--figures]

Prints a Markdown table (rows: quality groups from the front matter, columns: codes, cells: share of
reports flagged) and, with --figures, the key figures of every report, for choosing thresholds.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from checker.corpus import load_raw
from checker.goldlabels import gold_labeled
from checker.pipeline import Checker

GROUPS = ("good", "achievement_heavy", "vague", "blames_others", "no_plans", "fake_plans", "no_rectification")
FIGURES = ("chars", "achievement_share", "data_points", "examples", "first_person_sentences", "first_person_acts",
           "empty_words_per_1000")


def calibrate(profile: str, show_figures: bool) -> str:
    checker = Checker(profile, classifier=object())  # labels are gold: the classifier is never called
    fired: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sizes: dict[str, int] = defaultdict(int)
    verdicts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lines = []
    for report in load_raw():
        group = report.meta.get("quality", "?")
        result = checker.judge(gold_labeled(report))
        sizes[group] += 1
        verdicts[group][result.verdict] += 1
        for flag in result.flags:
            fired[group][flag.code] += 1
        if show_figures:
            values = {"chars": result.figures.chars, **result.figures.values}
            lines.append(f"{report.id} {group:18} " + " ".join(f"{k}={values.get(k)}" for k in FIGURES)
                         + "  " + ",".join(f.code for f in result.flags))
    codes = list(checker.profile.rules)
    groups = [g for g in GROUPS if g in sizes] + sorted(set(sizes) - set(GROUPS))
    table = [f"profile: {checker.profile.name}",
             "| quality (n) | " + " | ".join(codes) + " | 通过/建议/退回 |",
             "|---" * (len(codes) + 2) + "|"]
    for g in groups:
        cells = [f"{fired[g][c] / sizes[g]:.0%}" for c in codes]
        v = verdicts[g]
        table.append(f"| {g} ({sizes[g]}) | " + " | ".join(cells)
                     + f" | {v['通过']}/{v['建议修改']}/{v['退回修改']} |")
    return "\n".join(lines + [""] + table if lines else table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--figures", action="store_true", help="also print every report's key figures")
    args = parser.parse_args()
    print(calibrate(args.profile, args.figures))


if __name__ == "__main__":
    main()
