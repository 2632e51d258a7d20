"""How the problems are told: PROBLEMS_LIGHT (讲问题轻描淡写) and FORMALISM_NOT_ADDRESSED (形式主义、官僚主义)."""

from __future__ import annotations

from legacy_checker.checks.parts import chars_of, counted, items, paragraphs_of
from legacy_checker.lexicons import Lexicons
from legacy_checker.rules import NUMBER, Finding, rule
from legacy_checker.signals import BODY


@rule("PROBLEMS_LIGHT", params={"min_share": NUMBER, "max_stock_share": NUMBER},
      required=("min_share", "max_stock_share"), lexicons=("stock_problem_phrases",),
      fields=("share", "min_share", "problem_chars", "problem_sentences", "stock_sentences", "stock_share",
              "max_stock_share", "phrases"), variants=("stock",))
def problems_light(labeled, figures, config, profile):
    """A small problem share of the body, or problems told mostly in stock phrases with nothing specific."""
    lexicons = Lexicons(profile.lexicons)
    problems = items(labeled, figures, ("problem",))
    told = [i for i in problems if not i.heading]
    phrases = {id(i): lexicons.find("stock_problem_phrases", i.sentence.text) for i in told}
    stock = [i for i in told if phrases[id(i)] and not i.signals["data"] and not i.signals["examples"]]
    share, stock_share = figures.body_shares["problem"], (len(stock) / len(told) if told else 0.0)
    values = {"share": share, "min_share": config["min_share"], "problem_chars": chars_of(problems),
              "problem_sentences": len(told), "stock_sentences": len(stock), "stock_share": stock_share,
              "max_stock_share": config["max_stock_share"],
              "phrases": counted([p for i in stock for p in phrases[id(i)]]) or "无"}
    if share < config["min_share"]:
        return Finding(values, paragraphs_of(problems))
    if stock_share > config["max_stock_share"]:
        return Finding(values, paragraphs_of(stock), "stock")
    return None


@rule("FORMALISM_NOT_ADDRESSED", params={"parts": list}, lexicons=("formalism",),
      fields=("elsewhere", "words"), variants=("elsewhere",))
def formalism_not_addressed(labeled, figures, config, profile):
    """No word of 形式主义、官僚主义 (or their concrete forms) in the parts that face problems."""
    lexicons = Lexicons(profile.lexicons)
    parts = tuple(config.get("parts", ("problem", "plan")))
    if any(lexicons.has("formalism", i.sentence.text) for i in items(labeled, figures, parts)):
        return None
    other = [i for i in items(labeled, figures, tuple(p for p in BODY if p not in parts))
             if lexicons.has("formalism", i.sentence.text)]
    words = dict.fromkeys(w for i in other for w in lexicons.find("formalism", i.sentence.text))
    return Finding({"elsewhere": len(other), "words": "、".join(f"“{w}”" for w in words) or "无"},
                   paragraphs_of(items(labeled, figures, ("problem",))), "elsewhere" if other else "")
