"""Every flag code: a short report written for the test that raises it, and a close one that does not.

Reports carry gold labels (tests/report_builder.py), so these tests hold with any classifier.
"""

import re

import pytest

from checker.checks.parts import per_1000
from checker.measure.figures import label_chars
from report_builder import ACHIEVEMENTS, HEAD, PLANS, PROBLEMS, TAIL, flag, good_report, judge, labels, profile_with, signals

LOOSE = profile_with(LENGTH={"minimum": 300})  # the test reports are shorter than a real one


def report(achievements=ACHIEVEMENTS, problems=PROBLEMS, plans=PLANS, extra=()):
    return HEAD + list(achievements) + list(extra) + list(problems) + list(plans) + TAIL


def indexes(paragraphs: list[str], tag: str) -> list[int]:
    return [i for i, p in enumerate(paragraphs) if p.startswith(f"<{tag}>")]


def number_after(text: str, prefix: str) -> float:
    return float(re.search(re.escape(prefix) + r"\s*([\d.]+)", text).group(1))


def test_the_base_report_raises_nothing():
    result = judge(good_report(), LOOSE)
    assert result._.flags == []
    assert result._.verdict == "通过" and result._.fix_first == []


# ACHIEVEMENT_SHARE

MORE_WORK = "<A>我们还组织党员开展环境整治8次，清理垃圾120余吨，新修村道2.5公里，安装路灯36盏，为72户群众代缴医保，全年村集体经济收入达到18万元。"
A_LITTLE_MORE = "<A>我们还组织党员开展环境整治8次。"


def test_achievement_share_far_over_a_third_is_an_error_pointing_at_the_achievements():
    paragraphs = report(extra=[MORE_WORK, MORE_WORK.replace("我们还", "我带领党员")])
    result = judge(paragraphs, LOOSE)
    found = next(f for f in result._.flags if f.code == "ACHIEVEMENT_SHARE")
    share = result._.figures.shares["achievement"]
    assert share > 0.42
    assert found.severity == "error" and f"{share:.0%}" in found.message and "1/3" in found.message
    assert found.paragraphs == indexes(paragraphs, "A")
    assert result._.verdict == "退回修改"


def test_achievement_share_just_below_the_line_passes():
    result = judge(report(extra=[A_LITTLE_MORE]), LOOSE)
    assert result._.figures.shares["achievement"] <= 0.34
    assert "ACHIEVEMENT_SHARE" not in [f.code for f in result._.flags]


def test_achievement_share_can_be_measured_on_the_body():
    body = profile_with(ACHIEVEMENT_SHARE={"basis": "body", "max_share": 0.3})
    found = flag(report(extra=[A_LITTLE_MORE]), "ACHIEVEMENT_SHARE", body)
    assert found is not None and "占正文" in found.message
    assert flag(report(extra=[A_LITTLE_MORE]), "ACHIEVEMENT_SHARE", profile_with(ACHIEVEMENT_SHARE={"basis": "body"})) is None


# LENGTH

def test_length_too_long_quotes_the_count_and_the_target():
    base = judge(good_report())._.figures.chars
    target = profile_with("yuepu-2015", LENGTH={"target": base, "tolerance": 0.1, "minimum": 100})
    longer = report(extra=[MORE_WORK, MORE_WORK.replace("我们还", "另外")])
    found = flag(longer, "LENGTH", target)
    chars = judge(longer, target)._.figures.chars
    assert chars > base * 1.1
    assert found.message == f"全文约 {chars} 字，比要求（约 {base} 字，最多 {int(base * 1.1)} 字）多 {chars - int(base * 1.1)} 字"
    assert flag(good_report(), "LENGTH", target) is None


def test_length_too_thin_under_the_minimum():
    thin = report(problems=PROBLEMS[:2], plans=PLANS[:2])
    chars = judge(thin)._.figures.chars
    found = flag(thin, "LENGTH", profile_with(LENGTH={"minimum": chars + 1}))
    assert found.message == f"全文约 {chars} 字，少于 {chars + 1} 字，内容过于单薄"
    assert "至少写到" in found.suggestion
    assert flag(thin, "LENGTH", profile_with(LENGTH={"minimum": chars})) is None


# LACKS_DATA

NO_DATA_ACHIEVEMENTS = [
    "<A>一、履职情况",
    "<A>全年我主持召开支委会和党员大会，亲自讲党课，走访困难党员。"
    "<A>今年5月，我带领支委到石板村学习集体经济经验，回村后牵头成立黄花菜合作社，带动农户增收。",
    "<A>去年镇党委点评指出我村“三会一课”记录不规范，我牵头整改，记录已统一格式。",
]
NO_DATA_PROBLEMS = [
    "<P>二、存在的问题",
    "<P>一是本人抓党建的精力投入不够，参加党小组活动少，对党员学习情况过问很少。",
    "<P>二是我对年轻党员培养不够，年轻党员偏少，多年没有发展新党员。",
    "<P>三是本人批评教育不够大胆，对长期不参加组织生活的党员没有逐一谈心。",
    "<P>四是我带头开展调研少，很少到村民小组调研，对村里产业发展的难点掌握不够具体。",
]


def test_lacks_data_when_achievements_and_problems_have_hardly_a_number():
    paragraphs = report(NO_DATA_ACHIEVEMENTS, NO_DATA_PROBLEMS)
    result = judge(paragraphs, LOOSE)
    found = next(f for f in result._.flags if f.code == "LACKS_DATA")
    evidence = [sig for sig, label in zip(signals(result), labels(result)) if label in ("achievement", "problem")]
    assert number_after(found.message, "只有") == sum(len(sig["data"]) for sig in evidence) < 3
    assert "要求不少于 6 处" in found.message
    assert found.paragraphs and set(found.paragraphs) <= set(indexes(paragraphs, "A") + indexes(paragraphs, "P"))


def test_numbers_in_the_problems_alone_leave_the_achievements_bare():
    found = flag(report(NO_DATA_ACHIEVEMENTS, PROBLEMS), "LACKS_DATA")
    assert found.message == "有 1 个成绩小节或段落（共 1 个）没有一个数据"
    assert flag(good_report(), "LACKS_DATA") is None


SECTIONED = ["<A>一、履职情况", "<A>（一）带头学习。", "<A>全年我主持支部集中学习12次，讲党课4次，撰写学习体会3篇。",
             "<A>（二）推动产业。", "<A>我带领支委到石板村学习集体经济经验，牵头成立黄花菜合作社，带动46户增收。"]


def test_lacks_data_names_an_achievement_section_without_figures():
    strict = profile_with(LACKS_DATA={"min_unit_chars": 20})
    bare = [p.replace("，带动46户增收", "，带动农户增收") for p in SECTIONED]
    found = flag(report(bare), "LACKS_DATA", strict)
    assert found.message == "有 1 个成绩小节或段落（共 2 个）没有一个数据"
    assert found.paragraphs == [HEAD.__len__() + 3, HEAD.__len__() + 4]
    assert flag(report(SECTIONED), "LACKS_DATA", strict) is None


# LACKS_EXAMPLES

CASES_ONLY = profile_with(LACKS_EXAMPLES={"min_examples": 2, "enough_data_per_1000": 1000})  # cases counted alone
PLAIN = [p.replace("今年5月，", "").replace("到石板村", "到外村").replace("成立黄花菜合作社", "成立合作社")
         for p in ACHIEVEMENTS]


def test_lacks_examples_without_named_places_dates_or_people():
    found = flag(report(PLAIN), "LACKS_EXAMPLES", CASES_ONLY)
    assert found.message.startswith("只找到 0 个具体事例") and "要求至少 2 个" in found.message
    assert found.paragraphs == indexes(report(PLAIN), "A")[1:]


def test_one_dated_visit_to_a_named_village_is_two_examples():
    one_place = [p.replace("成立黄花菜合作社", "成立合作社") for p in ACHIEVEMENTS]
    assert flag(report(one_place), "LACKS_EXAMPLES", CASES_ONLY) is None


FEW_FIGURES = [re.sub(r"\d+", "多", p) for p in PLAIN]
FEW_PROBLEM_FIGURES = [re.sub(r"[，、]?[^，。、]*\d+[^，。、]*", "", p) for p in PROBLEMS]


def test_lacks_examples_when_neither_cases_nor_figures_show_the_work():
    found = flag(report(FEW_FIGURES, FEW_PROBLEM_FIGURES), "LACKS_EXAMPLES")
    assert found is not None and "要求至少 5 个" in found.message and "数据也不多" in found.message


def test_figures_stand_in_for_cases():
    assert flag(report(PLAIN, FEW_PROBLEM_FIGURES), "LACKS_EXAMPLES") is None


# UNIT_SUMMARY (the unit instead of oneself)

def collective(paragraphs):
    return [p.replace("本人", "支部").replace("我", "支部") for p in paragraphs]


def test_unit_summary_when_the_collective_does_everything():
    paragraphs = report(collective(ACHIEVEMENTS), collective(PROBLEMS), collective(PLANS))
    found = flag(paragraphs, "UNIT_SUMMARY")
    assert found.message.startswith("通篇是单位的工作总结") and "写书记本人的只有 0 句" in found.message
    assert found.severity == "error"
    assert found.paragraphs  # the paragraphs written with 支部 as subject


def test_unit_summary_passes_when_the_author_tells_his_own_acts():
    paragraphs = report(ACHIEVEMENTS, collective(PROBLEMS), collective(PLANS))
    result = judge(paragraphs)
    assert result._.figures.values["first_person_acts"] >= 3
    assert "UNIT_SUMMARY" not in [f.code for f in result._.flags]


def test_unit_summary_names_missing_personal_acts_when_the_first_person_is_there():
    result = judge(good_report(), profile_with(UNIT_SUMMARY={"min_acts": 20}))
    found = next(f for f in result._.flags if f.code == "UNIT_SUMMARY")
    acts = result._.figures.values["first_person_acts"]
    assert found.message.startswith(f"写本人亲自做了什么（主持、带头、调研、讲党课……）的只有 {acts} 句（要求至少 20 句）")
    assert found.severity == "warning"


# PROBLEMS_NOT_SELF

OTHERS = [
    "<P>二、存在的问题",
    "<P>一是部分党员学习积极性不高，全年有5名党员参加集中学习不足3次。",
    "<P>二是个别党小组组织生活不规范，第二党小组全年只开会4次，记录也不完整。",
    "<P>三是部分群众参与村务的热情不高，存在等靠要思想，12户村民拖欠卫生费。",
    "<P>四是有的党员作用发挥不明显，6名无职党员没有认领岗位。",
]


def test_problems_not_self_when_only_others_are_blamed():
    paragraphs = report(problems=OTHERS)
    found = flag(paragraphs, "PROBLEMS_NOT_SELF")
    assert found.message.startswith("问题部分 4 句中有 4 句讲别人的不足")
    assert "部分党员" in found.message and "个别" in found.message and "没有一句查摆书记本人" in found.message
    assert found.severity == "error"  # not one problem of his own
    assert found.paragraphs == indexes(paragraphs, "P")[1:]


def test_problems_not_self_passes_once_the_author_examines_himself():
    own = OTHERS[:4] + ["<P>四是本人对无职党员设岗定责督促不够，6名无职党员没有认领岗位。"]
    assert flag(report(problems=own), "PROBLEMS_NOT_SELF") is None


UPWARD = [
    "<P>二、存在的问题",
    "<P>一是经费太紧，上级下拨的党建经费每年只有3000元，活动开展不起来，这个问题支部自己解决不了。",
    "<P>二是镇里安排的迎检填表太多，今年台账有14本，村干部都耗在材料上。",
    "<P>三是党员老化，45名党员中60岁以上的有28名，年轻人都外出了，我也没有办法。",
]


def test_problems_not_self_when_blame_goes_upward_or_to_circumstances():
    found = flag(report(problems=UPWARD), "PROBLEMS_NOT_SELF")
    assert found is not None and "上级" in found.message and "镇里" in found.message
    assert "没有一句查摆书记本人" in found.message  # "我也没有办法" is an excuse, not self-examination


def test_problems_mostly_about_others_with_one_of_his_own_are_a_warning():
    own = OTHERS + ["<P>五是本人督促不够。"]
    found = flag(report(problems=own), "PROBLEMS_NOT_SELF", profile_with(PROBLEMS_NOT_SELF={"min_self_share": 0.3}))
    assert found.severity == "warning" and "讲本人或自身问题的只有 1 句（20.0%，要求不低于 30%）" in found.message


def test_problems_with_upward_causes_pass_once_the_author_owns_them():
    own = UPWARD + ["<P>四是本人抓党建精力投入不够，全年只主持研究党建工作3次，对年轻党员的培养没有抓在手上。"]
    assert flag(report(problems=own), "PROBLEMS_NOT_SELF") is None


# PROBLEMS_VAGUE and PROBLEMS_LIGHT

STOCK = [
    "<P>二、存在的问题",
    "<P>一是本人理论学习的深度和广度还有待加强，学用结合还不够紧密，运用理论指导实践的能力有待进一步提高。",
    "<P>二是我抓党建的创新意识还不够强，工作方式方法还比较传统，党建活动的吸引力还需进一步增强。",
    "<P>三是制度执行的刚性还有待增强，对照上级要求和群众期盼还有差距，有些工作还不够到位。",
    "<P>四是党建与发展融合还需进一步加强，党组织引领产业发展的作用发挥还不够明显。",
]


def test_problems_vague_when_problems_are_stock_phrases():
    paragraphs = report(problems=STOCK)
    found = flag(paragraphs, "PROBLEMS_VAGUE")
    assert found.message.startswith("查摆的 4 条问题中有 4 条（100%）没有具体表现也没有原因")
    assert "有待加强" in found.message and found.paragraphs == indexes(paragraphs, "P")[1:]


def test_stock_phrases_with_facts_are_not_vague():
    specific = STOCK[:2] + [p.replace("，", "，全年只组织集中学习3次，", 1) for p in STOCK[2:]]
    assert flag(report(problems=specific), "PROBLEMS_VAGUE") is None


def test_a_problem_paragraph_is_concrete_when_any_of_its_sentences_is():
    shown = [STOCK[0]] + [p + "比如第二党小组全年只开会4次。" for p in STOCK[1:]]
    assert flag(report(problems=shown), "PROBLEMS_VAGUE") is None


def test_problems_light_when_the_problem_part_is_a_line():
    paragraphs = report(problems=PROBLEMS[:2])
    result = judge(paragraphs)
    found = next(f for f in result._.flags if f.code == "PROBLEMS_LIGHT")
    share = result._.figures.body_shares["problem"]
    assert share < 0.15 and f"只占正文 {share:.0%}" in found.message
    assert flag(report(problems=PROBLEMS[:3]), "PROBLEMS_LIGHT") is None


# EMPTY_WORDS

SLOGANS = ("<A>一年来，我始终高度重视党建工作，切实增强责任感和使命感，扎实推进各项工作，"
           "党组织的凝聚力、战斗力不断增强，取得了明显成效。")


def test_empty_words_lists_the_stock_phrases_found():
    paragraphs = report(extra=[SLOGANS])
    result = judge(paragraphs)
    found = next(f for f in result._.flags if f.code == "EMPTY_WORDS")
    chars = label_chars(result)["achievement"]  # counted on the achievement part
    assert found.message.startswith(f"套话、虚话偏多：成绩部分约 {chars} 字中有")
    assert number_after(found.message, "每千字") == per_1000(int(number_after(found.message, "字中有")), chars) > 18
    for phrase in ("高度重视", "切实", "扎实推进", "各项工作", "凝聚力", "战斗力", "不断增强"):
        assert phrase in found.message
    assert found.paragraphs == [paragraphs.index(SLOGANS)]


def test_one_stock_phrase_is_not_a_flag():
    assert flag(report(extra=["<A>一年来，我始终高度重视党建工作，全年召开支委会12次。"]), "EMPTY_WORDS") is None


def test_stock_problems_and_slogan_plans_are_not_empty_words():
    slogans = ["<N>三、下一步打算", "<N>" + SLOGANS[3:].replace("一年来，我始终", "我将")]
    paragraphs = report(problems=STOCK, plans=slogans)
    result = judge(paragraphs)
    assert result._.figures.values["empty_words_per_1000"] > 18  # over the whole body
    assert flag(paragraphs, "EMPTY_WORDS") is None  # their faults are PROBLEMS_VAGUE's and the plans' checks
    assert {"PROBLEMS_VAGUE", "RECTIFICATION_VAGUE"} <= {f.code for f in result._.flags}


# NO_RECTIFICATION

def test_no_rectification_when_last_year_is_not_answered():
    found = flag(report(ACHIEVEMENTS[:2]), "NO_RECTIFICATION")
    assert found.message == "没有回应上年度述职查摆、点评指出问题的整改情况"
    assert flag(good_report(), "NO_RECTIFICATION") is None


def test_mentioning_last_year_without_its_problems_is_not_an_answer():
    paragraphs = report(ACHIEVEMENTS[:2] + ["<A>去年我村集体经济收入12万元，今年达到18万元。"])
    found = flag(paragraphs, "NO_RECTIFICATION")
    assert found.message.startswith("提到了上年度（1 段）") and found.paragraphs == [len(HEAD) + 2]


def test_comparisons_with_last_year_do_not_count():
    paragraphs = report(ACHIEVEMENTS[:2] + ["<A>我村集体经济收入比去年增加6万元，解决了12名村民就业。"])
    assert flag(paragraphs, "NO_RECTIFICATION").message.startswith("没有回应")


def test_last_year_named_by_its_number_is_answered():
    heading = ["<A>（三）2018年度述职点评问题整改情况", "<A>针对党员活动场所不足，今年腾出村部2间房改作党员活动室。"]
    assert flag(report(ACHIEVEMENTS[:2] + heading), "NO_RECTIFICATION") is None  # a report on 2019
    other_year = [heading[0].replace("2018", "2017")] + heading[1:]
    assert flag(report(ACHIEVEMENTS[:2] + other_year), "NO_RECTIFICATION").message.startswith("没有回应")
    compared = ["<A>我村集体经济收入较2018年度增加6万元，解决了12名村民就业。"]
    assert flag(report(ACHIEVEMENTS[:2] + compared), "NO_RECTIFICATION").message.startswith("没有回应")


def test_last_years_problems_as_the_reviewers_put_them_are_answered():
    told = ["<A>去年述职时镇党委点了我两条，一条是党员活动场所不足，今年腾出村部2间房改作党员活动室。"]
    assert flag(report(ACHIEVEMENTS[:2] + told), "NO_RECTIFICATION") is None
    raised = ["<A>去年述职时提出的建立党员联系户制度，今年已分户到人。"]
    assert flag(report(ACHIEVEMENTS[:2] + raised), "NO_RECTIFICATION") is None


def test_last_year_under_a_problem_heading_is_no_answer():
    problems = PROBLEMS + ["<P>五是去年有3名党员的党费到年底才补交，我督促不够。"]
    found = flag(report(ACHIEVEMENTS[:2], problems=problems), "NO_RECTIFICATION")
    assert found is not None and found.message.startswith("提到了上年度（1 段）")


# MISSING_TOPICS

TOPICS = """
extends: default
rules:
  MISSING_TOPICS: {enabled: true}
topics:
  - {name: 党员教育, keywords: [党课, 组织生活]}
  - {name: 集体经济, keywords: [集体经济, 合作社]}
  - {name: 乡村振兴, keywords: [乡村振兴, 人居环境]}
"""


def test_missing_topics_names_each_missing_point(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(TOPICS, encoding="utf-8")
    found = flag(good_report(), "MISSING_TOPICS", str(path))
    assert found.message == "缺少通知要求的 1 项述职内容（共 3 项）：乡村振兴"
    assert "乡村振兴、人居环境" in found.suggestion
    covered = report(extra=["<A>我牵头开展人居环境整治，清理垃圾120吨。"])
    assert flag(covered, "MISSING_TOPICS", str(path)) is None
    assert judge(covered, str(path))._.figures.values["topics_covered"] == 3


# PLANS_UNMATCHED

def test_plans_missing_altogether():
    paragraphs = report(plans=[])
    found = flag(paragraphs, "PLANS_UNMATCHED")
    assert found.message == "没有下一步打算或整改措施，查摆的 4 句问题都没有对应措施"
    assert found.paragraphs == indexes(paragraphs, "P")[1:]


def test_plans_that_are_slogans_answer_nothing():
    vague = ["<N>三、下一步打算",
             "<N>我将进一步提高政治站位，切实增强抓党建的责任感和使命感，以更加饱满的热情推动支部工作再上新台阶。"]
    paragraphs = report(plans=vague)
    found = flag(paragraphs, "PLANS_UNMATCHED")
    assert found.message.startswith("问题 4 句中有 4 句（100%）在打算中找不到对应的具体措施")
    assert flag(paragraphs, "RECTIFICATION_VAGUE").message.startswith("打算 1 条中写明时限、责任人或目标的只有 0 条（0%")


ECHOING_SLOGANS = ["<N>三、下一步打算",
                   "<N>一是进一步加大抓党建的精力投入，不断增强党员学习的实效。",
                   "<N>二是切实加强年轻党员培养，充分发挥党员先锋模范作用。",
                   "<N>三是进一步加强批评教育，推动组织生活再上新台阶。",
                   "<N>四是持续加强调研，不断提升产业发展水平。"]


CARRYING_ON = ["<N>三、下一步打算",  # plans that only carry this year's work on (继续…, 持续…)
               "<N>一是继续加大抓党建的精力投入，党员学习情况继续抓好。",
               "<N>二是继续做好年轻党员培养工作。",
               "<N>三是继续开展批评教育，组织生活继续坚持。",
               "<N>四是持续开展调研，产业发展接着抓。"]


@pytest.mark.parametrize("plans", [ECHOING_SLOGANS, CARRYING_ON], ids=["slogans", "carrying_on"])
def test_slogans_repeating_the_problems_words_answer_nothing(plans):
    found = flag(report(plans=plans), "PLANS_UNMATCHED")
    assert found is not None and found.message.startswith("问题 4 句中有 4 句（100%）在打算中找不到对应的具体措施")


def test_plain_measures_repeating_the_problems_words_answer_them():
    measures = ["<N>三、下一步打算", "<N>一是把抓党建的精力投入排进每周日程，党员学习情况由我亲自检查。",
                "<N>二是年轻党员培养实行一对一联系，从返乡青年中物色积极分子。",
                "<N>三是对不参加组织生活的党员，由我登门谈心，批评教育当面讲清。",
                "<N>四是调研列入支委会议题，产业发展的难点逐村民小组摸清。"]
    assert flag(report(plans=measures), "PLANS_UNMATCHED") is None


def test_concrete_plans_on_other_matters_leave_the_problems_unanswered():
    elsewhere = ["<N>三、下一步打算", "<N>明年3月底前硬化村道1.5公里，由村委会主任负责。",
                 "<N>上半年新装路灯20盏，年底前完成自来水管网改造。"]
    paragraphs = report(plans=elsewhere)
    assert flag(paragraphs, "PLANS_UNMATCHED").message.startswith("问题 4 句中有 4 句（100%）在打算中找不到对应的具体措施")
    assert flag(paragraphs, "RECTIFICATION_VAGUE") is None  # they have times and owners


def test_carrying_on_with_a_time_or_an_owner_is_a_measure():
    timed = [CARRYING_ON[0]] + [p.replace("是", "是明年3月底前由我牵头，", 1) for p in CARRYING_ON[1:]]
    assert flag(report(plans=timed), "PLANS_UNMATCHED") is None


def test_plans_answering_each_problem_pass():
    assert flag(good_report(), "PLANS_UNMATCHED") is None


# FORMALISM_NOT_ADDRESSED (吉县 profile)

FORMALISM = "<P>五是本人存在形式主义问题，有的工作满足于开会部署、过度留痕，全年以会代学3次。"


def test_formalism_not_addressed_under_the_jixian_profile():
    paragraphs = good_report()
    found = flag(paragraphs, "FORMALISM_NOT_ADDRESSED", "jixian-2018")
    assert found.message == "问题和措施部分没有剖析形式主义、官僚主义问题"
    assert found.paragraphs == indexes(paragraphs, "P")
    assert flag(report(problems=PROBLEMS + [FORMALISM]), "FORMALISM_NOT_ADDRESSED", "jixian-2018") is None
    assert flag(paragraphs, "FORMALISM_NOT_ADDRESSED", "default") is None  # not a rule of the default profile


def test_formalism_only_in_the_achievements_is_named():
    paragraphs = report(extra=["<A>我坚决防止形式主义，全年精简会议6次。"])
    found = flag(paragraphs, "FORMALISM_NOT_ADDRESSED", "jixian-2018")
    assert found.message.startswith("只在成绩部分提到 “形式主义”，")


def test_evidence_at_one_start_comes_out_in_one_order_whatever_the_hashing():
    from types import SimpleNamespace

    from checker.checks.engine import _evidence

    sentence = SimpleNamespace(_=SimpleNamespace(number=3))
    item = SimpleNamespace(text="全村脱贫攻坚任务全面完成", sentence=sentence)
    orders = {tuple((e.start, e.end) for e in _evidence(marks))
              for marks in ([(item, "脱贫"), (item, "脱贫攻坚")], [(item, "脱贫攻坚"), (item, "脱贫")])}
    assert orders == {((2, 6), (2, 4))}
