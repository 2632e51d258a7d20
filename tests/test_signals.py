"""The measurements several rules share: data points, examples, first person, stock phrases."""

import pytest

from checker.measure.lexicons import Lexicons
from checker.measure.signals import quantities, sentence_signals
from checker.profile import load_profile


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons(load_profile().lexicons)


@pytest.mark.parametrize("text, expected", [
    ("全年召开支委会12次，补交党费2.3万元，签约率达到98.6%。", ["12次", "2.3万元", "98.6%"]),
    ("差错率由千分之三降到千分之零点八，发展党员两名，走访三十二户。", ["两名", "三十二户", "千分之三", "千分之零点八"]),
    ("增强“四个意识”，落实“三会一课”，坚定四个自信。", []),
    ("第三党小组全年开会，2018年5月启动，逐一谈心。", []),
    ("全年1.8万笔业务。", ["1.8万笔"]),
])
def test_quantities(lexicons, text, expected):
    assert sorted(quantities(text, lexicons)) == sorted(expected)


@pytest.mark.parametrize("text, first_person", [
    ("我主持召开支委会。", ["我"]),
    ("本人抓党建精力不够。", ["本人"]),
    ("我们支部召开会议，我村党员参加。", []),
    ("开展批评与自我批评。", []),
])
def test_first_person_excludes_collective_forms(lexicons, text, first_person):
    assert sentence_signals(text, lexicons)["first_person"] == first_person


@pytest.mark.parametrize("text, examples", [
    ("今年5月我带队到石板村学习。", ["5月", "石板村"]),
    ("我到各村检查，帮助贫困村和农村党员。", []),
    ("以《严以用权守好钱袋子》为题讲党课。", ["《严以用权守好钱袋子》"]),
    ("党员蒋志华同志牵头，老同志也参加。", ["蒋志华同志"]),
    ("每月一次，一月一主题。", []),
])
def test_examples(lexicons, text, examples):
    assert sentence_signals(text, lexicons)["examples"] == examples


def test_personal_acts_ignore_nouns_that_contain_them(lexicons):
    assert sentence_signals("我认识到党组织生活要严肃。", lexicons)["acts"] == []
    assert sentence_signals("我亲自组织党员学习。", lexicons)["acts"] == ["亲自", "组织"]


def test_empty_words_prefer_the_longest_phrase(lexicons):
    found = sentence_signals("进一步提高政治站位，再上新台阶。", lexicons)["empty_words"]
    assert found == ["进一步提高", "政治站位", "再上新台阶"]
