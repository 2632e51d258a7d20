"""Training-time augmentation keeps every sentence's label and is reproducible."""

import random
from collections import Counter

from checker.training.augment import ENUMERATOR, augmented, past_work_in_plans, shortfalls_in_achievements
from checker.training.corpus import load_raw

REPORT = next(r for r in load_raw() if r.id == "c001")


def spans(paragraphs) -> Counter:
    return Counter((label, ENUMERATOR.sub("", text.strip())) for p in paragraphs for label, text in p)


def test_moved_shortfalls_keep_their_label_and_land_among_achievements():
    before = [list(p) for p in REPORT.paragraphs]
    after = shortfalls_in_achievements(before, random.Random(3))
    assert spans(after) == spans(before)
    mixed = [p for p in after if {label for label, _ in p} == {"achievement", "problem"}
             and p[-1][0] == "problem" and all(label == "achievement" for label, _ in p[:-1])]
    assert mixed and len(after) <= len(before)


def test_moved_past_work_keeps_its_label_and_opens_a_plans_paragraph():
    before = [list(p) for p in REPORT.paragraphs]
    after = past_work_in_plans(before, random.Random(3))
    assert spans(after) == spans(before)
    mixed = [p for p in after if {label for label, _ in p} == {"achievement", "plan"}
             and p[0][0] == "achievement" and all(label == "plan" for label, _ in p[1:])]
    assert mixed and len(after) <= len(before)


def test_a_report_without_problems_is_left_as_it_is():
    only = [p for p in REPORT.paragraphs if all(label != "problem" for label, _ in p)]
    assert shortfalls_in_achievements(only, random.Random(3)) == only


def test_the_same_copy_comes_out_twice():
    first, second = augmented(REPORT, random.Random(1), 0), augmented(REPORT, random.Random(1), 0)
    assert first.paragraphs == second.paragraphs and first.id == "c001~0"
