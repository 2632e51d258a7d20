"""Build a gold-labelled Doc from annotated paragraphs, so the rule tests do not depend on the classifier.

A report is a list of paragraphs; a paragraph is an annotated line ('<A>…<P>…', the corpus/raw format).
"""

from __future__ import annotations

from checker.pipeline import Checker
from checker.profile import Profile, load_profile
from checker.training.corpus import labeled_from_text

HEAD = ["<O>2019年度柳河村党支部书记抓基层党建工作述职报告", "<O>柳河村党支部书记 王建国"]
ACHIEVEMENTS = [
    "<A>一、履职情况",
    "<A>全年我主持召开支委会12次、党员大会4次，亲自讲党课4次，走访困难党员23户。"
    "<A>今年5月，我带领支委到石板村学习集体经济经验，回村后牵头成立黄花菜合作社，带动46户增收。",
    "<A>去年镇党委点评指出我村“三会一课”记录不规范，我牵头整改，3本记录已统一格式。",
]
PROBLEMS = [
    "<P>二、存在的问题",
    "<P>一是本人抓党建的精力投入不够，全年只参加党小组活动2次，对党员学习情况过问很少。",
    "<P>二是我对年轻党员培养不够，35岁以下党员只有3名，连续两年没有发展新党员。",
    "<P>三是本人批评教育不够大胆，对4名长期不参加组织生活的党员没有逐一谈心。",
    "<P>四是我带头开展调研少，全年只到村民小组调研3次，对村里产业发展的难点掌握不够具体。",
]
PLANS = [
    "<N>三、下一步打算",
    "<N>一是我每季度至少参加1次党小组活动，全年讲党课不少于4次，每月检查一次党员学习情况。",
    "<N>二是明年3月底前确定2名年轻的入党积极分子，由组织委员负责培养，力争发展新党员1名。",
    "<N>三是6月底前由我逐一与4名党员谈心，督促他们按时参加组织生活。",
    "<N>四是我每季度到村民小组调研1次，上半年形成一篇产业发展调研报告。",
]
TAIL = ["<O>以上述职，请予评议。"]


def good_report() -> list[str]:
    return HEAD + ACHIEVEMENTS + PROBLEMS + PLANS + TAIL


def labeled(paragraphs: list[str]):
    return labeled_from_text("\n".join(paragraphs))


def profile_with(name: str = "default", **rules) -> Profile:
    """A built-in profile with settings of enabled rules replaced, e.g. profile_with(LENGTH={"minimum": 100})."""
    return load_profile(name).with_rules(**rules)


def judge(paragraphs: list[str], profile: Profile | str = "default"):
    """The judged gold Doc: doc._.flags, doc._.figures, doc._.verdict, doc._.fix_first."""
    return Checker(profile).judge(labeled(paragraphs))


def flag(paragraphs: list[str], code: str, profile: Profile | str = "default"):
    """The flag with this code, or None."""
    return next((f for f in judge(paragraphs, profile)._.flags if f.code == code), None)


def labels(doc) -> list[str]:
    return [s._.label for s in doc.sents]


def signals(doc) -> list:
    return [s._.signals for s in doc.sents]
