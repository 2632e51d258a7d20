"""The verdict rule: 退回修改 / 建议修改 / 通过 from the flags' severities, and what to fix first."""

from checker.checks.engine import Flag, Severity, VerdictConfig
from checker.checks.engine import verdict as judged
from checker.profile import load_profile
from report_builder import ACHIEVEMENTS, HEAD, PLANS, PROBLEMS, TAIL, judge, profile_with


def flags(*severities):
    return [Flag(code=f"C{i}", severity=Severity(s), message=f"问题{i}", suggestion=f"改{i}")
            for i, s in enumerate(severities)]


def with_verdict(**settings) -> VerdictConfig:
    return load_profile().verdict.model_copy(update=settings)


def verdict(found, config):
    return judged(found, config if isinstance(config, VerdictConfig) else config.verdict, {})


def test_no_flags_or_only_info_passes():
    assert verdict([], load_profile()) == ("通过", [])
    assert verdict(flags("info", "info"), load_profile()) == ("通过", [])


def test_one_warning_asks_for_revision_one_error_returns():
    assert verdict(flags("warning"), load_profile())[0] == "建议修改"
    assert verdict(flags("warning", "error"), load_profile())[0] == "退回修改"


def test_many_warnings_return_the_report():
    assert verdict(flags(*["warning"] * 3), load_profile())[0] == "建议修改"
    assert verdict(flags(*["warning"] * 4), load_profile())[0] == "退回修改"
    assert verdict(flags(*["warning"] * 9), with_verdict(return_warnings=0))[0] == "建议修改"


def test_thresholds_come_from_the_profile():
    assert verdict(flags("error"), with_verdict(return_errors=2))[0] == "建议修改"
    assert verdict(flags("warning"), with_verdict(revise_warnings=2))[0] == "通过"


def test_fix_first_lists_errors_then_warnings_without_info_up_to_the_limit():
    listed = verdict(flags("info", "warning", "error", "warning", "warning"), load_profile())[1]
    assert listed == ["C1：改1", "C2：改2", "C3：改3"]  # apply_rules already sorts flags by severity
    assert len(verdict(flags(*["warning"] * 5), with_verdict(fix_first=2))[1]) == 2


def test_fix_first_names_the_rule_and_quotes_its_suggestion():
    heavy = HEAD + ACHIEVEMENTS * 3 + PROBLEMS + PLANS + TAIL
    result = judge(heavy, profile_with(LENGTH={"minimum": 300}))
    assert result._.flags[0].code == "ACHIEVEMENT_SHARE"
    assert result._.fix_first[0].startswith("成绩篇幅：压缩成绩和做法的篇幅（约 ")
    assert [f.severity for f in result._.flags] == sorted((f.severity for f in result._.flags),
                                                          key=["error", "warning", "info"].index)
