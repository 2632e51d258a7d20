"""Plans that answer the problems (问题清单、整改清单): PLANS_UNMATCHED."""

from __future__ import annotations

import re

from legacy_checker.checks.parts import Item, items, paragraphs_of
from legacy_checker.lexicons import Lexicons
from legacy_checker.rules import NUMBER, Finding, rule
from legacy_checker.tokens import tokenize_many

CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def _words(sentences, generic: set[str]) -> set[str]:
    """Content words (CJK, two characters or more, not generic) of some sentences."""
    missing = [s.text for s in sentences if not s.tokens]
    fresh = iter(tokenize_many(missing) if missing else [])
    tokens = [t for s in sentences for t in (s.tokens or next(fresh))]
    return {t for t in tokens if CJK_WORD.match(t) and t not in generic}


def _problem_words(labeled, problems: list[Item], generic: set[str]) -> list[set[str]]:
    """Words of each problem sentence plus those of the heading of its section."""
    segmented = labeled.segmented
    section_of = [segmented.paragraphs[i.sentence.paragraph].section for i in problems]
    headings = {s: _words(segmented.paragraphs[segmented.sections[s].paragraphs[0]].sentences, generic)
                for s in set(section_of) - {None}}
    return [_words([i.sentence], generic) | headings.get(s, set()) for i, s in zip(problems, section_of)]


@rule("PLANS_UNMATCHED", params={"min_overlap": int, "max_unmatched_share": NUMBER, "min_concrete_share": NUMBER,
                                 "min_item_chars": NUMBER},
      required=("max_unmatched_share", "min_concrete_share"),
      lexicons=("generic_words", "plan_concrete_patterns"),
      fields=("problems", "unmatched", "unmatched_share", "max_unmatched", "plans", "concrete", "concrete_share",
              "min_concrete", "first_unmatched"), variants=("none", "vague"))
def plans_unmatched(labeled, figures, config, profile):
    """Problems whose words find no echo in the plans; plans without a time, a person in charge or a target."""
    lexicons = Lexicons(profile.lexicons)
    generic = set(profile.lexicons.get("generic_words") or [])
    problems = [i for i in items(labeled, figures, ("problem",))
                if not i.heading and i.sentence.chars >= config.get("min_item_chars", 12)
                and not lexicons.has("problem_skip_patterns", i.sentence.text)]
    plan_items = items(labeled, figures, ("plan",))
    plans = [i for i in plan_items if not i.heading]
    plan_words = _words([i.sentence for i in plan_items], generic)
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
    if unmatched_share > config["max_unmatched_share"]:
        return Finding(values, paragraphs_of(unmatched + vague))
    if concrete_share < config["min_concrete_share"]:
        return Finding(values, paragraphs_of(vague), "vague")
    return None
