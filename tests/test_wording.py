"""Wording checks, proselint style: for each code, sentences that raise it beside close ones that do not
(TERM_OUTDATED, TERM_NONSTANDARD and TYPO from checker/data/wording_examples.yaml), each hit with its replacement;
the report's year; the tables as data the user extends; what silences a false alarm."""

import json
import re
from importlib import resources

import pytest
import yaml

from checker.checks.engine import Severity
from checker.checks.terms import load_tables
from checker.cli import main
from checker.errors import ProfileError
from checker.pipeline import Checker
from checker.profile import load_profile
from checker.read.document import Block, Document, mark_title_and_author
from checker.read.year import report_year
from checker.training.corpus import EXTERNAL_SETS, load_raw
from report_builder import good_report, labeled

EXAMPLES = yaml.safe_load(resources.files("checker.data").joinpath("wording_examples.yaml").read_text("utf-8"))
CHECKERS: dict = {}


def with_paragraphs(*extra: str) -> list[str]:
    """The clean report of report_builder with paragraphs added to its achievements."""
    base = good_report()
    return base[:3] + list(extra) + base[3:]


def flag(paragraphs: list[str], code: str, year: int | None = 2024, profile=None):
    """The flag of this code on the judged report (the default profile unless `profile`), or None."""
    if profile is not None:
        checker = Checker(profile, year=year)
    else:
        if year not in CHECKERS:
            CHECKERS[year] = Checker(year=year)
        checker = CHECKERS[year]
    doc = checker.judge(labeled(paragraphs))
    return next((f for f in doc._.flags if f.code == code), None)


def cases(code: str, kind: str):
    return [pytest.param(case, id=case["text"][:16]) for case in EXAMPLES[code][kind]]


def test_the_clean_report_raises_no_wording_code():
    checker = Checker(year=2019)
    codes = {f.code for f in checker.judge(labeled(good_report()))._.flags}
    assert not codes & {"TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO", "PUNCTUATION", "NUMBERS", "HEADING_ORDER"}


@pytest.mark.parametrize("code", ["TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO"])
def test_examples_are_complete(code):
    assert len(EXAMPLES[code]["raise"]) >= 10 and len(EXAMPLES[code]["no_raise"]) >= 10


@pytest.mark.parametrize("code", ["TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO"])
def test_each_example_raises_its_code_at_the_matched_words_with_a_replacement(code):
    for case in EXAMPLES[code]["raise"]:
        found = flag(with_paragraphs("<A>" + case["text"]), code, case.get("year", 2024))
        assert found is not None, case["text"]
        hit = next((e for e in found.evidence if case["match"] in e.text), None)
        assert hit is not None and hit.replacement and hit.replacement != hit.text, (case, found.evidence)


@pytest.mark.parametrize("code", ["TERM_OUTDATED", "TERM_NONSTANDARD", "TYPO"])
def test_close_examples_do_not_raise(code):
    for case in EXAMPLES[code]["no_raise"]:
        assert flag(with_paragraphs("<A>" + case["text"]), code, case.get("year", 2024)) is None, case["text"]


# TERM_OUTDATED: the year, past mentions, plans, severity

def test_a_past_congress_presented_as_current_is_a_warning_a_past_mention_is_nothing():
    found = flag(with_paragraphs("<A>我带头深入学习贯彻党的十九大精神，讲党课2次。"), "TERM_OUTDATED", 2024)
    assert found.severity == Severity.warning and "2024 年度" in found.message
    assert [(e.text, e.replacement) for e in found.evidence] == [("党的十九大精神", "党的二十大精神")]
    for past in ("<A>党的十九大以来，我村集体经济逐年壮大。", "<A>去年述职时学习党的十九大精神的做法今年继续坚持。",
                 "<A>2021年学习党的十九大精神时建立的学习制度坚持了下来。"):
        assert flag(with_paragraphs(past), "TERM_OUTDATED", 2024) is None, past


def test_a_slogan_of_another_year_is_info_and_the_plans_look_a_year_ahead():
    slogan = flag(with_paragraphs("<A>对全村建档立卡贫困户逐户走访。"), "TERM_OUTDATED", 2022)
    assert slogan.severity == Severity.info
    plan = "<N>明年扎实开展党史学习教育，全年集中学习不少于12次。"
    assert flag(with_paragraphs(plan), "TERM_OUTDATED", 2020) is None
    assert flag(with_paragraphs(plan.replace("<N>明年", "<A>今年")), "TERM_OUTDATED", 2020) is not None


def test_without_a_year_nothing_is_judged_outdated():
    assert flag(with_paragraphs("<A>深入学习贯彻党的十九大精神。"), "TERM_OUTDATED", None) is None


# TERM_NONSTANDARD: sets by their members, pairings, roles

@pytest.mark.parametrize("text, match, right", [
    ("<A>切实增强政治意识、大局意识、看齐意识。", "政治意识、大局意识、看齐意识", "政治意识、大局意识、核心意识、看齐意识"),
    ("<A>不断提高政治领悟力、政治判断力、政治执行力。", "政治领悟力、政治判断力、政治执行力", "政治判断力、政治领悟力、政治执行力"),
    ("<A>严格执行支部党员大会、党小组会和党课制度。", "支部党员大会、党小组会和党课", "支部党员大会、支部委员会、党小组会和党课"),
    ("<A>增强“四个意识”、坚定“四个自信”，党员干部理想信念更加坚定。", "坚定“四个自信”", "坚定“四个自信”、做到“两个维护”"),
    ("<A>本人作为抓基层党建直接责任人，全年主持支委会12次。", "直接责任人", "第一责任人"),
])
def test_sets_pairings_and_roles(text, match, right):
    found = flag(with_paragraphs(text), "TERM_NONSTANDARD")
    assert [(e.text, e.replacement) for e in found.evidence] == [(match, right)]


@pytest.mark.parametrize("text, year", [
    ("<A>坚持道路自信、理论自信、制度自信。", 2015),  # 三个自信 before 文化自信 was added (2016)
    ("<A>坚决反对形式主义、官僚主义。", 2024),  # two of the 四风 named: no listing of the set
    ("<A>推进自治、法治、德治相结合。", 2024),
    ("<A>专职副书记履行直接责任人职责，我履行第一责任人职责，班子成员落实一岗双责。", 2024),
])
def test_partial_sets_that_are_right(text, year):
    assert flag(with_paragraphs(text), "TERM_NONSTANDARD", year) is None


# TYPO: user dictionary and whitelist

def test_user_words_and_allowed_forms_silence_typos(tmp_path):
    text = "<A>我带队到布署村走访困难党员5户，其它支委分片包户。"
    found = flag(with_paragraphs(text), "TYPO")
    assert {e.text for e in found.evidence} == {"布署", "其它"}
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: default\nlexicons_extra:\n  wording_words: [布署村]\n  wording_allowed: [其它]\n",
                    encoding="utf-8")
    assert flag(with_paragraphs(text), "TYPO", profile=load_profile(str(mine))) is None


def test_a_user_table_extends_the_shipped_ones_and_a_bad_one_is_a_chinese_error(tmp_path):
    table = tmp_path / "我县.yaml"
    table.write_text("typos:\n  - {wrong: 柳河湾村, right: 柳河村}\noutdated:\n"
                     "  - {text: 县扶贫开发公司, valid: [2015, 2020], instead: 县乡村振兴公司, kind: institution}\n",
                     encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: default\nrules:\n  TYPO: {extra_files: [我县.yaml]}\n"
                    "  TERM_OUTDATED: {extra_files: [我县.yaml]}\n", encoding="utf-8")
    profile = load_profile(str(mine))
    text = "<A>我带领柳河湾村党员配合县扶贫开发公司完成产业项目2个。"
    assert flag(with_paragraphs(text), "TYPO", profile=profile).evidence[0].replacement == "柳河村"
    assert flag(with_paragraphs(text), "TERM_OUTDATED", 2024, profile).evidence[0].text == "县扶贫开发公司"
    table.write_text("typos:\n  - {wrong: 柳河湾村}\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"TYPO.extra_files 中的文件 .*我县.yaml 有误：typos.0.right"):
        load_profile(str(mine))


def test_the_tables_are_large_enough_and_every_formulation_has_years_and_a_source():
    tables = load_tables()
    text = resources.files("checker.data").joinpath("terms.yaml").read_text("utf-8")
    outdated = text.split("\noutdated:")[1].split("\nnonstandard:")[0]
    assert len(tables.outdated) >= 60 and len(tables.typos) >= 150
    entries = re.split(r"\n  - text:", outdated)[1:]
    assert len(entries) == len(tables.outdated) and all("# source:" in e for e in entries)
    assert all(e.valid[0] <= e.valid[1] for e in tables.outdated)


# PUNCTUATION, NUMBERS, HEADING_ORDER (as the file has them)

@pytest.mark.parametrize("text, marks", [
    ("<A>全年我主持召开支委会12次,党员大会4次。", [(",", "，")]),
    ("<A>我牵头落实“三会一课。”全年讲党课4次。", [("。”", "”。")]),
    ("<A>我带队走访(慰问)困难党员23户。", [("(慰问)", "（慰问）")]),
    ("<A>我牵头制定《党员积分管理办法，全年评议2次。", [("《", "")]),
])
def test_punctuation_raises(text, marks):
    found = flag(with_paragraphs(text), "PUNCTUATION")
    assert [(e.text, e.replacement) for e in found.evidence] == marks


@pytest.mark.parametrize("text", [
    "<A>我在党员大会上说：“今年一定要把活动室建起来。”全年建成活动室1处。",
    "<A>上午8:30召开支委会，研究发展党员2名（预备党员1名）。",
    "<A>“火车跑得快，全靠车头带。”我带头讲党课4次。",
])
def test_punctuation_does_not_raise(text):
    assert flag(with_paragraphs(text), "PUNCTUATION") is None


def test_numbers_written_both_ways():
    found = flag(with_paragraphs("<A>全年发展党员三十二名，培训入党积极分子一百二十人次。"), "NUMBERS")
    assert [(e.text, e.replacement) for e in found.evidence] == [("三十二", "32"), ("一百二十", "120")]
    for close in ("<A>全村十几名党员常年在外，二三十人次参加培训。", "<A>庆祝建党一百周年，开展第三十期培训。",
                  "<A>坚持“三会一课”，落实“四个意识”。"):
        assert flag(with_paragraphs(close), "NUMBERS") is None, close


HEADINGS = ["<A>一、履职情况", "<A>（一）抓学习", "<A>全年我讲党课4次，主持学习12次。", "<A>（二）抓队伍",
            "<A>全年发展党员2名，谈心谈话46人次。"]


@pytest.mark.parametrize("paragraphs, mark", [
    (["<A>一、履职情况", "<A>1.抓学习", "<A>全年我讲党课4次，主持学习12次。"], ("1.", "（一）")),  # 一、 → 1.
    (HEADINGS[:3] + ["<A>（三）抓队伍", "<A>全年发展党员2名，谈心谈话46人次。"], ("（三）", "（二）")),  # jump
    (HEADINGS + ["<A>3、抓阵地", "<A>全年新建活动室1处。"], ("3、", "（三）")),  # another level's style
])
def test_heading_order_raises(paragraphs, mark):
    base = good_report()
    found = flag(base[:2] + paragraphs + base[5:], "HEADING_ORDER")
    assert found is not None and (found.evidence[0].text, found.evidence[0].replacement) == mark


def test_heading_order_does_not_raise_on_gb_levels_and_new_lists():
    base = good_report()
    fine = HEADINGS + ["<A>1.建队伍", "<A>2.建阵地", "<A>（三）抓阵地", "<A>1.新建活动室1处。"]
    assert flag(base[:2] + fine + base[5:], "HEADING_ORDER") is None


# The year

def document(*lines: str) -> Document:
    return mark_title_and_author(Document("t.txt", [Block(line) for line in lines]))


@pytest.mark.parametrize("lines, year", [
    (("柳河村党支部书记2024年度抓基层党建工作述职报告", "王建国", "各位领导："), (2024, "title")),
    (("述职报告", "（二〇二三年度）", "各位领导："), (2023, "title")),
    (("述职报告", "王建国", "2022年，我在镇党委领导下……"), (2022, "opening")),
    (("述职报告", "王建国", "今年以来，我……", "柳河村党支部 王建国", "2025年1月10日"), (2024, "date")),
    (("述职报告", "王建国", "今年以来，我……", "2024年12月28日"), (2024, "date")),
    (("述职报告", "王建国", "今年以来，我和支委走访党员……"), (None, "")),
])
def test_the_year_is_read_from_the_title_the_opening_or_the_date_line(lines, year):
    assert report_year(document(*lines)) == year


def test_the_year_read_from_the_corpus_is_never_wrong():
    reports = [r for folder in ("raw", *EXTERNAL_SETS) for r in load_raw(folder=folder)]
    found = [(report_year(r.to_document())[0], int(r.meta["year"])) for r in reports]
    assert all(got == want for got, want in found if got)
    assert sum(1 for got, _ in found if got) >= 0.85 * len(found)


def test_year_option_and_settings(tmp_path, monkeypatch, capsys):
    report = tmp_path / "r.txt"
    report.write_text("\n".join(line.split(">", 1)[1].replace("<A>", "").replace("<P>", "").replace("<N>", "")
                                for line in with_paragraphs("<A>我带头学习贯彻党的十九大精神，讲党课4次。")),
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", str(report), "--format", "json", "--baseline", "--year", "2024"])
    data = json.loads(capsys.readouterr().out)
    assert (data["year"], data["year_source"]) == (2024, "given")
    outdated = next(f for f in data["flags"] if f["code"] == "TERM_OUTDATED")
    assert outdated["evidence"][0]["replacement"] == "党的二十大精神"
    (tmp_path / "shuzhi.yaml").write_text("year: 2018\n", encoding="utf-8")
    main(["check", str(report), "--baseline"])
    text = capsys.readouterr().out
    assert "报告年度：2018（指定）" in text and "过时提法" not in text
    with pytest.raises(SystemExit):
        main(["check", str(report), "--year", "12", "--baseline"])
    assert "年度应为四位数字" in capsys.readouterr().err


def test_the_phrase_trie_matches_what_the_longest_first_alternation_matches():
    from checker.checks.terms import longest_of

    tables = load_tables()
    rng = __import__("random").Random(3)
    for phrases in ({e.wrong for e in tables.typos if e.wrong}, {m for s in tables.sets for m in s.members},
                    {"a", "ab", "abc", "b", "bc", "abd", "x"}):
        alternation = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))
        trie = re.compile(longest_of(phrases))
        pool, found = sorted(phrases), 0
        for _ in range(2000):
            text = "".join(rng.choice(pool) if rng.random() < 0.3 else rng.choice(rng.choice(pool))
                           for _ in range(rng.randint(0, 20)))
            spans = [m.span() for m in alternation.finditer(text)]
            assert [m.span() for m in trie.finditer(text)] == spans, text
            found += len(spans)
        assert found > 1000
