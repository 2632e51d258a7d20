"""How the problems are told: PROBLEMS_LIGHT (讲问题轻描淡写)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, rule
from checker.checks.parts import chars_of, counted, paragraphs_of


class ProblemsLightConfig(RuleConfig):
    min_share: Number = Field(ge=0, le=1)  # problem part / body
    max_stock_share: Number = Field(ge=0, le=1)  # problem sentences made only of stock phrases, no figure or case
    message_stock: str = ""
    suggestion_stock: str = ""

    FIELDS: ClassVar = {"share": 0.1, "min_share": 0.15, "problem_chars": 200, "problem_sentences": 5,
                        "stock_sentences": 3, "stock_share": 0.6, "max_stock_share": 0.5, "phrases": "有待加强×2"}
    LEXICONS: ClassVar = ("stock_problem_phrases",)


@rule("PROBLEMS_LIGHT", ProblemsLightConfig)
def problems_light(report, scope, config: ProblemsLightConfig, context):
    """A small problem share of the body, or problems told mostly in stock phrases with nothing specific."""
    problems = report.items(("problem",))
    told = [i for i in problems if not i.heading]
    phrases = {i.key: context.lexicons.find("stock_problem_phrases", i.text) for i in told}
    stock = [i for i in told if phrases[i.key] and not i.signals["data"] and not i.signals["examples"]]
    share, stock_share = report.figures.body_shares["problem"], (len(stock) / len(told) if told else 0.0)
    values = {"share": share, "min_share": config.min_share, "problem_chars": chars_of(problems),
              "problem_sentences": len(told), "stock_sentences": len(stock), "stock_share": stock_share,
              "max_stock_share": config.max_stock_share,
              "phrases": counted([p for i in stock for p in phrases[i.key]]) or "无"}
    if share < config.min_share:
        return Finding(values, paragraphs_of(problems))
    if stock_share > config.max_stock_share:
        return Finding(values, paragraphs_of(stock), "stock")
    return None
