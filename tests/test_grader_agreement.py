"""The verdict against two graders: where a second grader graded a report blind (`grade2:`), the benchmark counts
how far the graders agree with each other and the verdict with each."""

import pytest

from checker.training.corpus import parse_raw
from checker.training.verdicts import agreement, panel_grade
from report_builder import good_report, judge


def graded(report_id: str, grade: str, grade2: str | None = None):
    second = f"grade2: {grade2}\n" if grade2 else ""
    return parse_raw(f"---\nid: {report_id}\ngrade: {grade}\n{second}---\n" + "\n".join(good_report()) + "\n")


def test_second_grades_are_counted_beside_the_first():
    verdict = judge(good_report())._.verdict.value
    other = next(g for g in ("通过", "建议修改", "退回修改") if g != verdict)
    found = agreement([graded("a", verdict, verdict), graded("b", verdict, other), graded("c", other, other),
                       graded("d", verdict)])
    assert found.reports == 4 and found.second_graded == 3
    shares = found.second_agreement()
    assert shares["graders"] == 2 / 3  # a and c
    assert shares["verdict_second"] == 1 / 3  # a only
    assert shares["verdict_where_alike"] == 1 / 2  # a of a, c
    assert shares["verdict_panel"] == 1 / 2  # the panel grades a and c (b has no third grade): a is right


def test_no_second_grades_count_nothing():
    found = agreement([graded("a", "通过")])
    assert found.second_graded == 0 and found.second_agreement()["graders"] == 0


@pytest.mark.parametrize("grades, panel", [
    ({"grade": "通过", "grade2": "通过"}, "通过"),
    ({"grade": "通过", "grade2": "退回修改", "grade3": "退回修改"}, "退回修改"),
    ({"grade": "通过", "grade2": "退回修改", "grade3": "建议修改"}, "建议修改"),  # all differ: the middle
    ({"grade": "通过", "grade2": "退回修改"}, None),  # no third grade to break the tie
    ({"grade": "通过"}, None),
])
def test_the_panel_grade_is_the_majority_of_three(grades, panel):
    assert panel_grade(grades) == panel
