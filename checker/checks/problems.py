"""How the problems are told: PROBLEMS_LIGHT (讲问题轻描淡写), PROBLEMS_VAGUE (problems too vague to act on) and
FAKE_PROBLEMS (好缺点, praise in disguise)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, Severity, rule
from checker.checks.parts import Item, chars_of, counted, paragraphs_of


def problem_items(report, context) -> list[Item]:
    """The problem sentences that state a problem: not headings, not transitions (取得了一定成绩，但……)."""
    return list(report.once("problem_items", lambda: [i for i in report.items(("problem",)) if not i.heading
                                                      and not context.lexicons.has("problem_skip_patterns", i.text)]))


def problem_paragraphs(report, context) -> list[list[Item]]:
    """The problems as a reader counts them: one per paragraph of problem sentences (a paragraph names a
    problem in its first sentence and shows it, or its cause, in the next ones)."""
    grouped: dict[int, list[Item]] = {}
    for i in problem_items(report, context):
        grouped.setdefault(i.paragraph, []).append(i)
    return list(grouped.values())


class ProblemsLightConfig(RuleConfig):
    min_share: Number = Field(ge=0, le=1)  # problem part / body
    none_share: Number = Field(ge=0, le=1)  # below this the report has no problem part at all
    message_none: str = ""
    suggestion_none: str = ""
    severity_none: Severity | None = Field(None, strict=False)

    FIELDS: ClassVar = {"share": 0.1, "min_share": 0.15, "problem_chars": 200}


@rule("PROBLEMS_LIGHT", ProblemsLightConfig)
def problems_light(report, scope, config: ProblemsLightConfig, context):
    """The problem part is a small share of the body (none at all: a missing part)."""
    share = report.figures.body_shares["problem"]
    if share >= config.min_share:
        return None
    problems = report.items(("problem",))
    return Finding({"share": share, "min_share": config.min_share, "problem_chars": chars_of(problems)},
                   paragraphs_of(problems), "none" if share < config.none_share else "")


class ProblemsVagueConfig(RuleConfig):
    max_vague_share: Number = Field(ge=0, le=1)  # problem items with no concrete appearance and no cause
    min_items: int = Field(ge=1)  # reports with fewer problem items are not judged by their share
    thin_share: Number = Field(ge=0, le=1)  # stated problems below this share of the body, with no cause: vague
    message_thin: str = ""
    suggestion_thin: str = ""

    FIELDS: ClassVar = {"items": 5, "vague": 3, "vague_share": 0.6, "max_share": 0.5, "phrases": "有待加强×2",
                        "first": "学习不够深入", "problem_share": 0.05, "thin_share": 0.12}
    LEXICONS: ClassVar = ("stock_problem_phrases", "problem_causes", "concrete_markers")


@rule("PROBLEMS_VAGUE", ProblemsVagueConfig)
def problems_vague(report, scope, config: ProblemsVagueConfig, context):
    """Problems too vague to act on. A problem is concrete when it has a figure, a named case or place, a
    concrete marker (全年只, 一次也没有, 哪个支部…) or a cause (`problem_causes`, or an excuse: 任务重、人手不足 is
    a cause, whose it is PROBLEMS_NOT_SELF judges); the report's problems are vague when more than
    `max_vague_share` of them are not concrete, or (`thin`) when the stated problems (transitions such as
    取得了一些成绩，但也还有不足 do not count) take less than `thin_share` of the body and no cause is given:
    a problem named in a line and never analysed (问题寥寥、无原因). Points at each vague item (thin: at the
    problems told)."""
    part = report.items(("problem",))
    if not part:
        return None  # no problem part at all: PROBLEMS_LIGHT's missing part
    lexicons = context.lexicons
    items = problem_paragraphs(report, context)
    told = [i for item in items for i in item]
    body = chars_of([i for i in report.items() if not i.heading])
    problem_share = chars_of(told) / body if body else 0.0

    def concrete(i: Item) -> bool:
        return bool(i.signals["data"] or i.signals["examples"] or lexicons.has("concrete_markers", i.text)
                    or lexicons.has("problem_causes", i.text) or lexicons.has("excuses", i.text))

    vague = [item for item in items if not any(concrete(i) for i in item)]
    share = len(vague) / len(items) if items else 1.0
    if len(items) >= config.min_items and share > config.max_vague_share:
        variant = ""
    elif problem_share < config.thin_share and not any(lexicons.has("problem_causes", i.text)
                                                       for i in part if not i.heading):
        variant = "thin"
    else:
        return None
    shown = [i for item in vague for i in item] or told
    phrases = [p for i in shown for p in lexicons.find("stock_problem_phrases", i.text)]
    return Finding({"items": len(items), "vague": len(vague), "vague_share": share,
                    "max_share": config.max_vague_share, "phrases": counted(phrases, 6) or "无",
                    "first": shown[0].text[:30] if shown else "无", "problem_share": problem_share,
                    "thin_share": config.thin_share}, paragraphs_of(shown or part),
                   variant, measure=share, evidence=[(item[0], "") for item in vague])


class FakeProblemsConfig(RuleConfig):
    min_fake: int = Field(ge=1)  # praise-in-disguise problem items that raise the flag
    message_mostly: str = ""
    suggestion_mostly: str = ""
    severity_mostly: Severity | None = Field(None, strict=False)

    FIELDS: ClassVar = {"fake": 2, "items": 4, "phrases": "对自己要求过严"}
    LEXICONS: ClassVar = ("fake_problem_patterns",)


@rule("FAKE_PROBLEMS", FakeProblemsConfig)
def fake_problems(report, scope, config: FakeProblemsConfig, context):
    """Problems that are praise in disguise (好缺点): 对自己要求过严, 工作太投入忽视了身体, 对同志要求过高…
    `mostly` when they are at least half of the problems (one per paragraph)."""
    items = problem_paragraphs(report, context)
    found = {i.key: context.lexicons.find("fake_problem_patterns", i.text) for item in items for i in item}
    fake = [i for item in items for i in item if found[i.key]]
    if len(fake) < config.min_fake:
        return None
    disguised = [item for item in items if any(found[i.key] for i in item)]
    return Finding({"fake": len(fake), "items": len(items), "phrases": "、".join(dict.fromkeys(
                    p for i in fake for p in found[i.key]))}, paragraphs_of(fake),
                   "mostly" if len(disguised) * 2 >= len(items) else "", evidence=[(i, p) for i in fake for p in found[i.key]])
