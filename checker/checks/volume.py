"""How much is written: LENGTH (too thin; too long against the notice's target)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, Number, RuleConfig, rule


class LengthConfig(RuleConfig):
    target: int | None = Field(default=None, gt=0)  # the notice's 字数 (月浦: about 2000); none: no upper bound
    tolerance: Number = Field(ge=0, le=1)
    minimum: int = Field(ge=0)
    message_thin: str = ""
    message_long: str = ""
    suggestion_thin: str = ""
    suggestion_long: str = ""

    FIELDS: ClassVar = {"chars": 1500, "target": 2000, "upper": 2200, "minimum": 800, "gap": 100}


@rule("LENGTH", LengthConfig)
def length(report, scope, config: LengthConfig, context):
    """Too long: above target × (1 + tolerance) (only when a target is set). Too thin: below minimum."""
    chars, target = report.figures.chars, config.target
    upper = int(target * (1 + config.tolerance)) if target else None
    if chars < config.minimum:
        variant, gap = "thin", config.minimum - chars
    elif upper is not None and chars > upper:
        variant, gap = "long", chars - upper
    else:
        return None
    return Finding({"chars": chars, "target": target, "upper": upper, "minimum": config.minimum, "gap": gap},
                   [], variant)
