"""The checks separate the corpus quality groups (gold labels): each flawed group gets its flag, good ones pass."""

import pytest

from checker.training.calibration import firing_rates
from checker.training.corpus import load_raw

EXPECTED = [  # (quality group, code that should fire on most of it)
    ("vague", "EMPTY_WORDS"), ("vague", "LACKS_DATA"), ("achievement_heavy", "ACHIEVEMENT_SHARE"),
    ("blames_others", "PROBLEMS_NOT_SELF"), ("no_rectification", "NO_RECTIFICATION"),
    ("no_plans", "PLANS_UNMATCHED"), ("fake_plans", "PLANS_UNMATCHED"),
]


@pytest.fixture(scope="module")
def groups():
    return firing_rates(load_raw(), "default")


@pytest.mark.parametrize("group, code", EXPECTED)
def test_flawed_groups_get_their_flag(groups, group, code):
    if group not in groups:
        pytest.skip(f"no {group} reports in the corpus")
    assert groups[group].rate(code) >= 0.8


def test_good_reports_mostly_pass(groups):
    good = groups["good"]
    assert good.verdicts["通过"] >= 0.85 * good.size
    assert good.verdicts["退回修改"] <= 0.05 * good.size


def test_good_reports_rarely_get_the_flaws_of_the_others(groups):
    for _, code in EXPECTED:
        assert groups["good"].rate(code) <= 0.1, code
