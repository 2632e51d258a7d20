"""The checks a reviewer judges by: the three substitutions, vague and fake problems, vague measures,
severity by degree, the gate for documents that are not reports, stock problems across a cohort, exit codes.

Each check: a short report that raises it beside a close one that does not (gold labels, report_builder)."""

import importlib.util
from pathlib import Path

import pytest

from checker.checks.engine import Severity, Verdict
from checker.cli import main
from checker.cohort.similarity import with_cohort_flags
from checker.pipeline import Checker
from checker.summary import ReportSummary
from checker.training.corpus import load_raw
from report_builder import ACHIEVEMENTS, HEAD, PLANS, PROBLEMS, TAIL, flag, good_report, judge, labeled, profile_with

LOOSE = profile_with(LENGTH={"minimum": 300})
ROOT = Path(__file__).resolve().parent.parent
NOT_REPORTS = ROOT / "tests" / "data" / "not_reports"


def report(achievements=ACHIEVEMENTS, problems=PROBLEMS, plans=PLANS, extra=()):
    return HEAD + list(achievements) + list(extra) + list(problems) + list(plans) + TAIL


# ACHIEVEMENT_SHARE by degree

MORE = ["<A>我们还组织党员开展环境整治8次，清理垃圾120余吨，新修村道2.5公里，安装路灯36盏。",
        "<A>为72户群众代缴医保，全年村集体经济收入达到18万元，新建文化广场1处，修缮活动室3间，培训党员46人次。"]


def test_a_little_over_a_third_is_a_warning_far_over_is_an_error():
    a_little = judge(report(extra=MORE), LOOSE)
    share = a_little._.figures.shares["achievement"]
    found = next(f for f in a_little._.flags if f.code == "ACHIEVEMENT_SHARE")
    assert 0.34 < share <= 0.42 and found.severity == Severity.warning and a_little._.verdict == Verdict.REVISE
    far = judge(report(extra=MORE * 3), LOOSE)
    assert far._.figures.shares["achievement"] > 0.42
    assert next(f for f in far._.flags if f.code == "ACHIEVEMENT_SHARE").severity == Severity.error
    assert far._.verdict == Verdict.RETURN


# UNIT_SUMMARY (述党委代替述自己)

def unit_voice(paragraphs):
    return [p.replace("本人", "支部").replace("我们", "支部").replace("我", "支部") for p in paragraphs]


def test_unit_summary_when_the_secretary_is_absent():
    found = flag(report(unit_voice(ACHIEVEMENTS), unit_voice(PROBLEMS), unit_voice(PLANS)), "UNIT_SUMMARY", LOOSE)
    assert found is not None and found.severity == Severity.error and "单位的工作总结" in found.message


def test_no_unit_summary_when_the_secretary_tells_his_own_acts():
    assert flag(report(ACHIEVEMENTS, unit_voice(PROBLEMS), unit_voice(PLANS)), "UNIT_SUMMARY", LOOSE) is None


# BUSINESS_NOT_PARTY (述业务代替述党建)

BUSINESS = ["<A>一、主要工作",
            "<A>全年我牵头招商引资签约项目6个，总投资2.3亿元，新建标准化厂房1.2万平方米。",
            "<A>我协调推进道路硬化工程8公里，完成固定资产投资1.6亿元，全镇税收增长12%。",
            "<A>我带队到3家企业现场办公，帮助企业新增订单1800万元，产值增长15%，销售额突破5亿元。",
            "<A>全年争取上级项目资金3200万元，完成农村公路提档升级工程12公里，新建冷链仓储中心1座，带动农产品销售额增长20%。",
            "<A>我牵头优化营商环境，审批办件平均时限由12个工作日压缩到5个工作日，全镇新增市场主体236户，规上工业产值增长9.6%。"]


def test_business_not_party_when_the_achievements_are_projects_and_output():
    found = flag(report(BUSINESS), "BUSINESS_NOT_PARTY", LOOSE)
    assert found is not None and "（100%，占正文 44%）" in found.message and "增长×4、亿元×3" in found.message
    assert found.severity == Severity.error  # far over: above 0.4


def test_business_with_some_party_building_is_still_an_error():
    found = flag(report(BUSINESS + ACHIEVEMENTS[1:3]), "BUSINESS_NOT_PARTY", LOOSE)  # measure 0.58
    assert found is not None and found.severity == Severity.error  # reviewers send such reports back


def test_business_beside_as_much_party_building_is_a_warning():
    mixed = BUSINESS + ACHIEVEMENTS[1:3] + PARTY_WITH_RESULTS[1:]  # measure 0.38: just over the line
    found = flag(report(mixed), "BUSINESS_NOT_PARTY", LOOSE)
    assert found is not None and found.severity == Severity.warning


def test_party_building_achievements_are_not_business():
    assert flag(report(ACHIEVEMENTS), "BUSINESS_NOT_PARTY", LOOSE) is None


# The same results twice: told as business with 党员 and 支部 in passing, and as Party building with the results
# as its effect.
BUSINESS_IN_PASSING = [
    "<A>一、主要工作",
    "<A>支部党员全程参与了省道改线、工业园区二期两个重点项目的用地报批，两个项目都比计划提前一个月完成报批。",
    "<A>我带着2名党员跑县交通局，协调推进道路硬化工程8公里，新建自来水管网6公里，解决了1200人的饮水问题。",
    "<A>支部领办的茶叶合作社茶园面积发展到2600亩，今年销售收入520万元，带动农户户均增收5800元。",
    "<A>党员服务队全年抢修线路故障230次，客户投诉同比下降35%，村里的用电高峰再没有拉闸限电。",
    "<A>我牵头把村部旁的闲置厂房改成农产品展销点，党员轮流值守，全年接待游客1.2万人次，村集体收入增加8万元。"]
PARTY_WITH_RESULTS = [
    "<A>一、主要工作",
    "<A>全年我主持召开支委会12次、党员大会4次，亲自讲党课4次，发展党员2名，确定入党积极分子3名。",
    "<A>支部推行党员设岗定责，在茶叶合作社设立党员示范岗8个，由党员带头领办，带动农户户均增收5800元。",
    "<A>我与46名党员逐一谈心谈话，整顿软弱涣散党小组2个，调整了班子分工，支委会议事规则全部上墙公开。",
    "<A>我带领支委到红色教育基地开展主题党日活动，重温入党誓词，党员组织生活参加率由71%提高到92%。",
    "<A>我给每名党员建立积分管理档案，把帮带农户、参加组织生活计入积分，年底评出星级党员8名，在村部公开栏公示。"]


def test_business_told_with_members_in_passing_is_business():
    found = flag(report(BUSINESS_IN_PASSING), "BUSINESS_NOT_PARTY", LOOSE)
    assert found is not None and "项目×2" in found.message
    assert found.paragraphs == list(range(len(HEAD) + 1, len(HEAD) + len(BUSINESS_IN_PASSING)))


def test_party_building_with_business_results_as_its_effect_is_not_business():
    assert flag(report(PARTY_WITH_RESULTS), "BUSINESS_NOT_PARTY", LOOSE) is None


def test_business_sentences_on_their_labelled_test_set():
    spec = importlib.util.spec_from_file_location("business_benchmark", ROOT / "benchmarks" / "business.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    test = module.evaluate()[0]["test"]
    assert test["precision"] >= 0.9 and test["recall"] >= 0.9


# PROBLEMS_VAGUE

VAGUE = ["<P>二、存在的问题", "<P>一是理论学习的深度还有待加强。", "<P>二是工作创新意识还不够强。",
         "<P>三是制度执行还不够到位。", "<P>四是服务群众的能力有待提高。"]


def test_problems_vague_points_at_each_vague_item():
    paragraphs = report(problems=VAGUE)
    found = flag(paragraphs, "PROBLEMS_VAGUE", LOOSE)
    assert found is not None and found.message.startswith("查摆的 4 条问题中有 4 条")
    assert found.paragraphs == [i for i, p in enumerate(paragraphs) if p in VAGUE[1:]]


def test_concrete_problems_with_figures_or_causes_are_not_vague():
    assert flag(good_report(), "PROBLEMS_VAGUE", LOOSE) is None


THIN = ["<P>二、存在的问题", "<P>不足是35岁以下党员只有3名，连续两年没有发展新党员。"]


def test_a_problem_named_in_a_line_without_its_cause_is_vague():
    found = flag(report(problems=THIN), "PROBLEMS_VAGUE", LOOSE)
    assert found is not None and found.message.startswith("问题只是一笔带过") and "也没有分析原因" in found.message


BLAMED = ["<P>二、存在的问题", "<P>一是部分党员学习主动性不强。", "<P>二是个别支部组织生活不够规范。",
          "<P>三是党务干部业务能力有待提高。"]


def test_problems_blamed_on_others_without_a_cause_are_vague():
    found = flag(report(problems=BLAMED), "PROBLEMS_VAGUE", LOOSE)
    assert found is not None and found.message.startswith("查摆的 3 条问题中有 3 条")


def test_problems_blamed_on_an_excuse_give_a_cause():
    excused = BLAMED[:1] + [p.replace("。", "，村里任务重、人手不足，顾不上。") for p in BLAMED[1:]]
    assert flag(report(problems=excused), "PROBLEMS_VAGUE", LOOSE) is None  # whose cause: PROBLEMS_NOT_SELF's
    assert flag(report(problems=excused), "PROBLEMS_NOT_SELF", LOOSE) is not None


def test_a_short_problem_part_with_its_cause_is_not_vague():
    with_cause = THIN + ["<P>原因在于本人对发展党员重视不够，没有把培养年轻人摆上支部议事日程。"]
    assert flag(report(problems=with_cause), "PROBLEMS_VAGUE", LOOSE) is None


# FAKE_PROBLEMS (好缺点)

FAKE = ["<P>二、存在的问题", "<P>一是本人对自己要求过严，有时对同志要求过高。",
        "<P>二是工作太投入，忽视了身体，对家人照顾太少。"]


def test_fake_problems_that_are_most_of_the_problems_are_an_error():
    found = flag(report(problems=FAKE), "FAKE_PROBLEMS", LOOSE)
    assert found is not None and found.severity == Severity.error and "对自己要求过严" in found.message


def test_one_fake_problem_among_real_ones_sends_the_report_back():
    one = PROBLEMS + ["<P>五是本人工作太投入，忽视了身体，对家人照顾太少。"]
    doc = judge(report(problems=one), LOOSE)
    found = next(f for f in doc._.flags if f.code == "FAKE_PROBLEMS")
    assert found.severity == Severity.error and doc._.verdict == Verdict.RETURN


def test_real_problems_are_not_fake():
    assert flag(good_report(), "FAKE_PROBLEMS", LOOSE) is None


@pytest.mark.parametrize("told, phrases", [
    (["<P>一是工作标准定得过高，对工作要求过于严格。", "<P>二是事必躬亲，对自己的身体关心不够。"],
     ["事必躬亲", "对自己的身体关心不够"]),
    (["<P>一是党员志愿者热情太高，报名的人多，岗位不够。", "<P>二是支部获得的荣誉多了，来参观的单位多，接待占用了精力。"],
     ["热情太高", "荣誉多了"]),  # success told as a shortcoming
])
def test_praise_in_disguise_is_fake(told, phrases):
    found = flag(report(problems=["<P>二、存在的问题"] + told), "FAKE_PROBLEMS", LOOSE)
    assert found is not None and all(p in found.message for p in phrases)


@pytest.mark.parametrize("told", [
    ["<P>一是本人对党员要求不严，4名党员长期不参加组织生活。", "<P>二是我对困难党员关心不够，全年只走访了3户。"],
    ["<P>一是部分党员参加志愿服务的热情不高，全年有9人一次也没来。", "<P>二是党群活动室利用率不高，平时大多锁着门。"],
])
def test_standards_not_kept_low_zeal_and_low_use_are_real(told):
    assert flag(report(problems=["<P>二、存在的问题"] + told), "FAKE_PROBLEMS", LOOSE) is None


# RECTIFICATION_VAGUE

UNTIMED = ["<N>三、下一步打算", "<N>一是加强党小组活动，抓好党员学习。", "<N>二是重视年轻党员培养，做好发展新党员工作。",
           "<N>三是加强与党员谈心，督促参加组织生活。", "<N>四是多到村民小组调研产业发展。"]


def test_measures_without_time_owner_or_target_name_what_is_missing():
    paragraphs = report(plans=UNTIMED)
    found = flag(paragraphs, "RECTIFICATION_VAGUE", LOOSE)
    assert found is not None and "缺少完成时限、责任人、可检查的目标" in found.message
    assert found.suggestion.startswith("给每条措施写明完成时限、责任人和可检查的目标")
    assert found.paragraphs == [i for i, p in enumerate(paragraphs) if p in UNTIMED[1:]]


def test_measures_with_times_and_owners_pass():
    assert flag(good_report(), "RECTIFICATION_VAGUE", LOOSE) is None


# Missing parts weigh like errors and come first

def test_no_plans_is_an_error_and_comes_first():
    doc = judge(report(plans=[]), LOOSE)
    found = next(f for f in doc._.flags if f.code == "PLANS_UNMATCHED")
    assert found.severity == Severity.error and doc._.verdict == Verdict.RETURN
    assert doc._.fix_first[0].startswith("整改措施：补写下一步打算")


SLOGANS = ["<N>三、下一步打算", "<N>一是进一步加大抓党建的精力投入，不断增强党员学习的实效。",
           "<N>二是切实加强年轻党员培养，充分发挥党员先锋模范作用。", "<N>三是进一步加强批评教育，推动组织生活再上新台阶。",
           "<N>四是持续加强调研，不断提升产业发展水平。"]


def test_plans_that_answer_no_problem_are_an_error():
    found = flag(report(plans=SLOGANS), "PLANS_UNMATCHED", LOOSE)
    assert found.severity == Severity.error


def test_plans_that_answer_half_the_problems_stay_a_warning():
    half = PLANS[:2] + SLOGANS[2:]  # one measure (answering two problems), three slogans: half unanswered
    found = flag(report(plans=half), "PLANS_UNMATCHED", profile_with(LENGTH={"minimum": 300},
                                                                    PLANS_UNMATCHED={"max_unmatched_share": 0.4}))
    assert found is not None and found.severity == Severity.warning


# NOT_A_REPORT

@pytest.mark.parametrize("path", sorted(p for p in NOT_REPORTS.glob("*.txt") if not p.name.startswith("near")),
                         ids=lambda p: p.name)
def test_documents_that_are_not_reports_get_one_line_and_no_other_flag(path):
    doc = Checker().check_path(path)
    assert doc._.verdict == Verdict.NOT_REPORT
    assert [f.code for f in doc._.flags] == ["NOT_A_REPORT"] and doc._.flags[0].message.startswith("这份文件不是述职报告")


@pytest.mark.parametrize("path", sorted(NOT_REPORTS.glob("near*.txt")), ids=lambda p: p.name)
def test_reports_in_unusual_shapes_are_reports(path):
    assert Checker().check_path(path)._.verdict != Verdict.NOT_REPORT


def test_no_corpus_report_is_taken_for_a_non_report_and_its_close_relatives_are_caught():
    """corpus/raw holds 24 close relatives of a 述职报告 (front matter `genre:`): unit summaries, work plans,
    congress reports, self-examinations. One of them, a summary without a title, is not caught."""
    checker = Checker()
    caught = {r.id: checker.judge(labeled_report(r))._.verdict == Verdict.NOT_REPORT for r in load_raw()}
    genre = {r.id for r in load_raw() if r.meta.get("genre")}
    assert [i for i in caught if caught[i] and i not in genre] == []
    assert len(genre) >= 20 and sum(caught[i] for i in genre) >= len(genre) - 1


def labeled_report(report):
    from checker.training.corpus import gold_doc

    return gold_doc(report)


# COMMON_PROBLEMS (cohort)

def test_stock_problems_shared_by_a_third_of_the_cohort_are_flagged():
    stock = "<P>一是理论学习的系统性还有待加强，学用结合不够紧密。"
    checker = Checker(LOOSE)
    summaries = []
    for n in range(6):
        own = f"<P>二是本人到第{n + 1}村民小组调研只有{n + 1}次，对{n + 3}户困难党员的情况掌握不清。"
        paragraphs = report(problems=["<P>二、存在的问题", stock, own, stock.replace("一是", "三是")])
        doc = checker.judge(labeled(paragraphs))
        summaries.append(ReportSummary.of(doc, f"r{n}.docx"))
    fresh = ReportSummary.of(checker.judge(labeled(good_report())), "fresh.docx")
    judged = with_cohort_flags(summaries + [fresh], checker.profile)
    assert all(any(f.code == "COMMON_PROBLEMS" for f in s.flags) for s in judged[:6])
    assert not any(f.code == "COMMON_PROBLEMS" for f in judged[6].flags)


# Exit codes

def test_info_only_exits_zero_and_fail_on_info_exits_one(tmp_path):
    no_rectification = report(ACHIEVEMENTS[:2])  # last year's problems are not answered
    path = tmp_path / "r.txt"
    path.write_text("\n".join(p.replace("<A>", "").replace("<P>", "").replace("<N>", "").replace("<O>", "")
                              for p in no_rectification), encoding="utf-8")
    profile = tmp_path / "info.yaml"
    profile.write_text("extends: default\nrules:\n  LENGTH: {minimum: 300}\n  NO_RECTIFICATION: {severity: info}\n",
                       encoding="utf-8")
    doc = Checker(str(profile)).check_path(path)
    assert {f.severity for f in doc._.flags} == {Severity.info}, [(f.code, f.severity) for f in doc._.flags]
    assert main(["check", str(path), "--profile", str(profile)]) == 0
    assert main(["check", str(path), "--profile", str(profile), "--fail-on", "info"]) == 1
