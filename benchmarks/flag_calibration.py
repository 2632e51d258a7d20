"""How often each flag code fires per corpus quality group, on gold sentence labels.

    python benchmarks/flag_calibration.py [--profile default] [--figures] [--model]

Prints a Markdown table (rows: quality groups from the front matter, columns: codes, cells: share of
reports flagged, last column: verdicts 通过/建议修改/退回修改) and, with --figures, the key figures of
every report, for choosing thresholds. With --model the labels come from the shipped classifier, on the
held-out reports only (the classifier never saw them).
"""

from __future__ import annotations

import argparse

from checker.calibration import firing_rates
from checker.corpus import held_out_ids, load_raw
from checker.profile import load_profile

FIGURES = ("achievement_share", "data_points", "examples", "first_person_sentences", "first_person_acts",
           "empty_words_per_1000")


def print_figures(report, result) -> None:
    values = {"chars": result.figures.chars, **result.figures.values}
    print(f"{report.id} {report.meta.get('quality', '?'):18} chars={values['chars']} "
          + " ".join(f"{k}={values.get(k)}" for k in FIGURES) + "  " + ",".join(f.code for f in result.flags))


def table(profile: str, show_figures: bool, use_model: bool) -> str:
    reports = load_raw()
    if use_model:
        held_out = held_out_ids([r.id for r in reports])
        reports = [r for r in reports if r.id in held_out]
    groups = firing_rates(reports, profile, print_figures if show_figures else None, use_model)
    codes = list(load_profile(profile).rules)
    labels = "classifier labels, held-out reports" if use_model else "gold labels"
    lines = [f"profile: {profile} ({labels})", "| quality (n) | " + " | ".join(codes) + " | 通过/建议/退回 |",
             "|---" * (len(codes) + 2) + "|"]
    for name, group in groups.items():
        v = group.verdicts
        lines.append(f"| {name} ({group.size}) | " + " | ".join(f"{group.rate(c):.0%}" for c in codes)
                     + f" | {v['通过']}/{v['建议修改']}/{v['退回修改']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--figures", action="store_true", help="also print every report's key figures")
    parser.add_argument("--model", action="store_true", help="label with the shipped classifier (held-out reports)")
    args = parser.parse_args()
    print(table(args.profile, args.figures, args.model))


if __name__ == "__main__":
    main()
