"""Profiles: the shipped ones load, a user's file overrides and extends them, a bad one gets a Chinese error."""

import json
import re
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import ProfileError
from checker.profile import builtin_names, load_profile
from checker.checks.engine import KINDS, RULES
from report_builder import good_report, judge

ISSUE_CODES = {"ACHIEVEMENT_SHARE", "LENGTH", "LACKS_DATA", "LACKS_EXAMPLES", "UNIT_SUMMARY", "PROBLEMS_NOT_SELF",
               "PROBLEMS_LIGHT", "EMPTY_WORDS", "NO_RECTIFICATION", "MISSING_TOPICS", "PLANS_UNMATCHED",
               "FORMALISM_NOT_ADDRESSED", "NOT_A_REPORT", "BUSINESS_NOT_PARTY", "PROBLEMS_VAGUE", "FAKE_PROBLEMS",
               "RECTIFICATION_VAGUE", "TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO", "PUNCTUATION", "NUMBERS",
               "HEADING_ORDER"}


def user_profile(tmp_path, text: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def profile_error(tmp_path, text: str) -> str:
    with pytest.raises(ProfileError) as failure:
        load_profile(user_profile(tmp_path, text))
    return str(failure.value)


def test_every_code_of_the_issue_is_a_rule_or_a_kind_instance_of_the_shipped_profiles():
    instances = {code for code, config in load_profile("jixian-2018").rules.items() if getattr(config, "kind", None)}
    assert ISSUE_CODES == set(RULES) | instances
    assert {getattr(load_profile("jixian-2018").rules[c], "kind") for c in instances} <= set(KINDS)


@pytest.mark.parametrize("name", ["default", "jixian-2018", "yuepu-2015"])
def test_shipped_profiles_load(name):
    assert name in builtin_names()
    profile = load_profile(name)
    assert profile.name == name and profile.rules


def test_jixian_enables_every_code_with_its_seven_content_points():
    profile = load_profile("jixian-2018")
    assert set(profile.rules) == ISSUE_CODES
    assert len(profile.topics) == 7
    assert profile.rules["ACHIEVEMENT_SHARE"].severity == "error"
    assert profile.rules["FORMALISM_NOT_ADDRESSED"].severity == "warning"


def test_yuepu_has_three_content_points_and_a_2000_character_target():
    profile = load_profile("yuepu-2015")
    assert len(profile.topics) == 3
    assert profile.rules["LENGTH"].target == 2000 and profile.rules["LENGTH"].tolerance == 0.1
    assert profile.rules["PROBLEMS_NOT_SELF"].severity == "error"
    assert "FORMALISM_NOT_ADDRESSED" not in profile.rules


def test_a_user_profile_without_a_name_is_named_by_its_file_not_by_the_one_it_extends(tmp_path):
    path = user_profile(tmp_path, "extends: jixian-2018\nrules:\n  ACHIEVEMENT_SHARE: {max_share: 0.2}\n")
    profile = load_profile(path)
    assert profile.name == str(path) and profile.title == load_profile("jixian-2018").title


def test_default_profile_leaves_notice_specific_rules_off():
    rules = load_profile("default").rules
    assert "MISSING_TOPICS" not in rules and "FORMALISM_NOT_ADDRESSED" not in rules
    assert rules["NO_RECTIFICATION"].severity == "warning"  # both notices ask for it; reviewers send such reports back


def test_user_profile_overrides_a_threshold_of_the_profile_it_extends(tmp_path):
    path = user_profile(tmp_path, "extends: jixian-2018\nname: 我的\nrules:\n  ACHIEVEMENT_SHARE: {max_share: 0.2}\n")
    profile = load_profile(path)
    assert profile.name == "我的" and profile.rules["ACHIEVEMENT_SHARE"].max_share == 0.2
    assert profile.rules["ACHIEVEMENT_SHARE"].severity == "error"  # inherited
    assert len(profile.topics) == 7
    assert "ACHIEVEMENT_SHARE" in [f.code for f in judge(good_report(), profile)._.flags]
    assert "ACHIEVEMENT_SHARE" not in [f.code for f in judge(good_report(), "jixian-2018")._.flags]


def test_user_profile_can_switch_a_rule_off(tmp_path):
    profile = load_profile(user_profile(tmp_path, "extends: default\nrules:\n  LENGTH: {enabled: false}\n"))
    assert "LENGTH" not in profile.rules
    assert "LENGTH" not in [f.code for f in judge(good_report(), profile)._.flags]


SLOGAN = "<A>今年我坚持抓铁有痕、踏石留印，以钉钉子精神抓落实，做到抓铁有痕。"


def test_lexicons_extra_appends_to_the_inherited_lexicon(tmp_path):
    path = user_profile(tmp_path, "extends: default\nlexicons_extra:\n  empty_words: [抓铁有痕, 踏石留印, 钉钉子精神]\n")
    profile = load_profile(path)
    default = load_profile("default").lexicons["empty_words"]
    assert profile.lexicons["empty_words"] == default + ["抓铁有痕", "踏石留印", "钉钉子精神"]
    report = good_report()[:5] + [SLOGAN] + good_report()[5:]
    slogan = next(s for s in judge(report, profile).sents if "抓铁有痕" in s.text)
    assert sorted(slogan._.signals["empty_words"]) == sorted(["抓铁有痕", "踏石留印", "钉钉子精神", "抓铁有痕"])


def test_lexicons_replace_the_inherited_lexicon(tmp_path):
    path = user_profile(tmp_path, "extends: default\nlexicons:\n  empty_words: [抓铁有痕]\n")
    assert load_profile(path).lexicons["empty_words"] == ["抓铁有痕"]
    assert load_profile(path).lexicons["first_person"] == load_profile("default").lexicons["first_person"]


def test_unknown_profile_name_lists_the_shipped_ones():
    with pytest.raises(ProfileError) as failure:
        load_profile("jixian")
    assert "未知的配置：jixian" in str(failure.value)
    for name in ("default", "jixian-2018", "yuepu-2015"):
        assert name in str(failure.value)


def test_missing_profile_file(tmp_path):
    with pytest.raises(ProfileError, match="配置文件不存在"):
        load_profile(str(tmp_path / "nope.yaml"))


def test_invalid_yaml(tmp_path):
    assert "不是有效的 YAML" in profile_error(tmp_path, "rules: [unclosed\n")


def test_every_problem_of_a_bad_profile_is_listed(tmp_path):
    message = profile_error(tmp_path, """
extends: default
colour: red
rules:
  ACHIEVMENT_SHARE: {max_share: 0.3}
  ACHIEVEMENT_SHARE: {max_share: 三分之一, basis: whole}
  LENGTH: {severity: fatal, minimum: 800, maxium: 3000}
  EMPTY_WORDS: {message: "套话 {count} 处，{unknown}"}
  LACKS_DATA: {parts: [achievement, summary]}
lexicons:
  example_patterns: ['(unclosed']
  units: 次
topics:
  - {name: 没有关键词}
verdict: {return_errors: many}
""")
    assert message.startswith("配置 ") and "有误：" in message
    expected = [
        "未知的顶层设置 colour",
        "未知的检查代码 ACHIEVMENT_SHARE",
        "ACHIEVEMENT_SHARE.max_share 应为数，而不是 '三分之一'",
        "ACHIEVEMENT_SHARE.basis 应为 body/total 之一，而不是 'whole'",
        "LENGTH.severity 应为 error/warning/info 之一，而不是 'fatal'",
        "LENGTH 有未知的设置 maxium",
        "EMPTY_WORDS.message 用到了未知的占位符 {unknown}",
        "LACKS_DATA.parts 只能包含 achievement、problem、plan",
        "词表 lexicons.example_patterns 中的正则表达式 '(unclosed' 无效",
        "词表 lexicons.units 应当是字符串列表",
        "第 1 个内容要点应有 name 和非空的 keywords（列表）",
        "verdict.return_errors 应为非负整数，而不是 'many'",
    ]
    for part in expected:
        assert part in message, part
    assert "\n" not in message


def test_a_rule_whose_lexicon_was_emptied_is_reported(tmp_path):
    message = profile_error(tmp_path, "extends: default\nlexicons:\n  empty_words: []\n")
    assert "EMPTY_WORDS 需要词表 lexicons.empty_words，但配置里没有或为空" in message


def test_a_required_setting_missing_from_a_root_profile(tmp_path):
    message = profile_error(tmp_path, "rules:\n  LENGTH: {message: 太短}\n  ACHIEVEMENT_SHARE: {kind: share, message: 超了}\n")
    assert "LENGTH 缺少必填项 minimum" in message and "ACHIEVEMENT_SHARE 需要 max_share 或 min_share" in message


def test_extends_cycle(tmp_path):
    (tmp_path / "a.yaml").write_text(f"extends: {tmp_path / 'b.yaml'}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(f"extends: {tmp_path / 'a.yaml'}\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="循环"):
        load_profile(str(tmp_path / "a.yaml"))


def test_cli_reports_a_bad_profile_in_one_chinese_line(tmp_path, capsys):
    path = user_profile(tmp_path, "rules:\n  NOPE: {}\n")
    code = main(["check", "checker/samples/j001.docx", "--profile", path])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("错误：配置 ") and "未知的检查代码 NOPE" in err and err.count("\n") == 1


def test_cli_jixian_json_shows_flags_with_figures(capsys):
    code = main(["check", "checker/samples/j001.docx", "--profile", "jixian-2018", "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert result["profile"] == "jixian-2018"
    assert code == 1 and result["flags"]
    figures = result["figures"]
    for key in ("data_points", "examples", "first_person_sentences", "first_person_acts", "empty_words_per_1000",
                "achievement_share"):
        assert key in figures
    assert figures["topics_total"] == 7 and figures["topics_covered"] < 7  # j001 never mentions 三基建设
    missing = next(f for f in result["flags"] if f["code"] == "MISSING_TOPICS")
    assert f"共 {figures['topics_total']} 项" in missing["message"] and "三基建设" in missing["message"]
    for flag in result["flags"]:
        assert flag["code"] in ISSUE_CODES and flag["suggestion"]
        assert all(0 <= p < len(result["paragraphs"]) for p in flag["paragraphs"])
    assert result["verdict"] in ("建议修改", "退回修改") and result["fix_first"]
    assert re.search(r"\d", missing["message"])


def test_the_example_profile_in_the_docs_loads(tmp_path):
    docs = (Path(__file__).resolve().parent.parent / "docs" / "checks.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", docs, re.S).group(1)
    profile = load_profile(user_profile(tmp_path, example))
    assert profile.name == "我县2024年度述职"
    assert profile.rules["LENGTH"].target == 3000 and "FORMALISM_NOT_ADDRESSED" not in profile.rules
    assert profile.lexicons["empty_words"][-2:] == ["抓铁有痕", "踏石留印"]


def test_text_output_shows_the_key_figures(capsys):
    main(["check", "checker/samples/j001.docx", "--profile", "jixian-2018"])
    out = capsys.readouterr().out
    assert re.search(r"篇幅占比（全文）：成绩 \d+%，问题 \d+%，打算 \d+%，其他 \d+%", out)
    assert re.search(r"要点数据：数据 \d+ 处，具体事例 \d+ 个，第一人称 \d+ 句（本人履职 \d+ 句）", out)
    assert "内容要点 " in out and "/7 项" in out
