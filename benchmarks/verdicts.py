"""The verdict against the reviewers' gold grades, and each check against the faults of its reports.

    python benchmarks/verdicts.py [--profile default] [--gold]

Prints, for the held-out split of corpus/raw and for each external set (corpus/external, corpus/realform),
the confusion matrix of gold grade (rows) against the verdict (columns), the agreement (and, where a second
grader graded blind, `grade2:`, how far the graders agree with each other and the verdict with each), the number of
退回修改 reports judged 通过, and precision / recall of each check against the faults the writer and the
grader saw. Precision counts a flag on a report whose grader did not name that fault as false, although graders
name the main faults only, and a flag on a report with a fault the check is also right on (ALSO_RIGHT in
checker/training/verdicts.py) counts as right, its absence there as no miss; the last column (flags on reports graded 通过) counts sure false alarms. Labels come from the shipped classifier (what a user gets); --gold uses the annotation instead
(the checks alone), on every report of each set. --train measures the training split only: thresholds and
lexicons are chosen there, never on the held-out split or an external set.
"""

from __future__ import annotations

import argparse

from checker.training.corpus import EXTERNAL_SETS, held_out_ids, load_raw
from checker.training.verdicts import FAULTS, agreement, confusion_table


def sets(gold: bool, train: bool = False) -> dict[str, list]:
    raw = load_raw()
    held = held_out_ids([r.id for r in raw])
    if train:
        return {"training split": [r for r in raw if r.id not in held]}
    chosen = {"all of corpus/raw" if gold else "held-out": raw if gold else [r for r in raw if r.id in held]}
    return chosen | {name: load_raw(folder=name) for name in EXTERNAL_SETS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="default")
    parser.add_argument("--gold", action="store_true", help="gold sentence labels instead of the classifier's")
    parser.add_argument("--train", action="store_true",
                        help="only the training split of corpus/raw: where thresholds are chosen")
    args = parser.parse_args()
    for name, reports in sets(args.gold, args.train).items():
        found = agreement(reports, args.profile, use_model=not args.gold)
        print(f"\n## {name}: {found.reports} reports, agreement {found.agreement:.1%}, "
              f"退回修改 judged 通过: {found.passed_but_returned}\n")
        print(confusion_table(found))
        if found.second_graded:
            shares = found.second_agreement()
            print(f"\nsecond blind grader on {found.second_graded} reports: the graders agree on "
                  f"{shares['graders']:.1%}, the verdict agrees with the second grader on {shares['verdict_second']:.1%}, "
                  f"and on {shares['verdict_where_alike']:.1%} of the reports where both graders agree; with the majority "
                  f"grade of a panel of three (a third grader where the two differ) on {shares['verdict_panel']:.1%}")
        passed = found.confusion_row("通过")
        print(f"\n| check | precision | recall | reports with the fault | fires on the {passed} 通过 reports |"
              "\n|---|---|---|---|---|")
        for code in FAULTS:
            precision, recall, positives = found.precision_recall(code)
            shown = "–" if recall is None else f"{recall:.2f}"
            print(f"| {code} | {precision:.2f} | {shown} | {positives} | {found.on_passed[code]} |")


if __name__ == "__main__":
    main()
