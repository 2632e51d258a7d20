"""Putting oneself in (把自己摆进去): NOT_SELF for the whole report, PROBLEMS_NOT_SELF for the problem part."""

from __future__ import annotations

from legacy_checker.checks.parts import counted, items, paragraphs_of
from legacy_checker.lexicons import Lexicons
from legacy_checker.rules import NUMBER, Finding, rule
from legacy_checker.signals import BODY


@rule("NOT_SELF", params={"min_self_share": NUMBER, "min_acts": int, "parts": list},
      required=("min_self_share", "min_acts"), lexicons=("first_person", "personal_acts"),
      fields=("self_sentences", "sentences", "self_share", "min_share", "acts", "min_acts", "collective"),
      variants=("acts",))
def not_self(labeled, figures, config, profile):
    """Few sentences with 我/本人, or few of them telling a personal act (亲自, 带头, 主持, 讲党课…)."""
    body = [i for i in items(labeled, figures, tuple(config.get("parts", BODY))) if not i.heading]
    if not body:
        return None
    own = [i for i in body if i.signals["first_person"]]
    acts = [i for i in own if i.signals["acts"]]
    share = len(own) / len(body)
    few_own, few_acts = share < config["min_self_share"], len(acts) < config["min_acts"]
    if not (few_own or few_acts):
        return None
    collective = [i for i in body if i.signals["collective"] and not i.signals["first_person"]]
    return Finding({"self_sentences": len(own), "sentences": len(body), "self_share": share,
                    "min_share": config["min_self_share"], "acts": len(acts), "min_acts": config["min_acts"],
                    "collective": len(collective)}, paragraphs_of(collective), "" if few_own else "acts")


@rule("PROBLEMS_NOT_SELF", params={"min_self_share": NUMBER, "min_others": int},
      required=("min_self_share",), lexicons=("others_subjects", "excuses", "first_person", "self_examination"),
      fields=("problem_sentences", "self_sentences", "self_share", "min_share", "others_sentences", "others"))
def problems_not_self(labeled, figures, config, profile):
    """The problem part names others' shortcomings (部分党员, 个别支部, 上级…) or makes excuses, and hardly
    examines the author (a sentence that makes an excuse never counts as self-examination)."""
    lexicons = Lexicons(profile.lexicons)
    problems = [i for i in items(labeled, figures, ("problem",)) if not i.heading]
    blamed = {id(i): lexicons.find("others_subjects", i.sentence.text) + lexicons.find("excuses", i.sentence.text)
              for i in problems}
    own = [i for i in problems if (i.signals["first_person"] or lexicons.has("self_examination", i.sentence.text))
           and not lexicons.has("excuses", i.sentence.text)]
    others = [i for i in problems if blamed[id(i)]]
    if not problems or len(others) < config.get("min_others", 1):
        return None
    share = len(own) / len(problems)
    if share >= config["min_self_share"]:
        return None
    return Finding({"problem_sentences": len(problems), "self_sentences": len(own), "self_share": share,
                    "min_share": config["min_self_share"], "others_sentences": len(others),
                    "others": counted([p for i in others for p in blamed[id(i)]], 6)}, paragraphs_of(others))
