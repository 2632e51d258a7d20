"""Plans that answer the problems (问题清单、整改清单): PLANS_UNMATCHED."""

from __future__ import annotations

import re

from checker.checks.parts import Item, items, paragraphs_of
from checker.lexicons import Lexicons
from checker.rules import NUMBER, Finding, rule
from checker.tokens import tokenize_many

CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def _content_words(tokens, generic: set[str]) -> set[str]:
    return {t for t in tokens if CJK_WORD.match(t) and t not in generic}


def _tokens(sentences) -> list[tuple[str, ...]]:
    missing = [s.text for s in sentences if not s.tokens]
    fresh = iter(tokenize_many(missing) if missing else [])
    return [s.tokens or next(fresh) for s in sentences]


def _problem_words(labeled, problems: list[Item], generic: set[str]) -> list[set[str]]:
    """Words of each problem sentence plus those of the problem heading above it."""
    segmented = labeled.segmented
    headings = {}
    for item in problems:
        section = segmented.paragraphs[item.sentence.paragraph].section
        if section is not None and section not in headings:
            heading = segmented.paragraphs[segmented.sections[section].paragraphs[0]]
            headings[section] = heading.sentences
    heading_words = {k: set().union(*(_content_words(t, generic) for t in _tokens(v)))
                     for k, v in headings.items() if v}
    own = _tokens([i.sentence for i in problems])
    return [_content_words(t, generic) | heading_words.get(segmented.paragraphs[i.sentence.paragraph].section, set())
            for t, i in zip(own, problems)]


@rule("PLANS_UNMATCHED", params={"min_overlap": int, "max_unmatched_share": NUMBER, "min_concrete_share": NUMBER,
                                 "min_item_chars": NUMBER},
      required=("max_unmatched_share", "min_concrete_share"),
      lexicons=("generic_words", "plan_concrete_patterns"),
      fields=("problems", "unmatched", "unmatched_share", "max_unmatched", "plans", "concrete", "concrete_share",
              "min_concrete", "first_unmatched"), variants=("none",))
def plans_unmatched(labeled, figures, config, profile):
    """Problems whose words find no echo in the plans; plans without a time, a person in charge or a target."""
    lexicons = Lexicons(profile.lexicons)
    generic = set(profile.lexicons.get("generic_words") or [])
    problems = [i for i in items(labeled, figures, ("problem",))
                if not i.heading and i.sentence.chars >= config.get("min_item_chars", 12)
                and not lexicons.has("problem_skip_patterns", i.sentence.text)]
    plan_items = items(labeled, figures, ("plan",))
    plans = [i for i in plan_items if not i.heading]
    plan_words = set().union(*(_content_words(t, generic) for t in _tokens([i.sentence for i in plan_items])))
    unmatched = [p for p, words in zip(problems, _problem_words(labeled, problems, generic))
                 if len(words & plan_words) < config.get("min_overlap", 1)]
    concrete = [i for i in plans if i.signals["data"] or lexicons.has("plan_concrete_patterns", i.sentence.text)]
    unmatched_share = len(unmatched) / len(problems) if problems else 0.0
    concrete_share = len(concrete) / len(plans) if plans else 0.0
    values = {"problems": len(problems), "unmatched": len(unmatched), "unmatched_share": unmatched_share,
              "max_unmatched": config["max_unmatched_share"], "plans": len(plans), "concrete": len(concrete),
              "concrete_share": concrete_share, "min_concrete": config["min_concrete_share"],
              "first_unmatched": unmatched[0].sentence.text[:30] if unmatched else "无"}
    if not plans:
        return Finding(values, paragraphs_of(problems), "none")
    concrete_ids = {i.sentence.index for i in concrete}
    vague = [i for i in plans if i.sentence.index not in concrete_ids]
    if unmatched_share > config["max_unmatched_share"] or concrete_share < config["min_concrete_share"]:
        return Finding(values, paragraphs_of(unmatched + vague))
    return None
