"""Stage 5, rules: (Labeled, Figures, Profile) -> flags and a verdict.

Each rule is a function registered under its stable code; its thresholds, message template,
severity and suggestion come from the profile (like Vale's rules written as data).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from checker.profile import Profile
from checker.structures import Figures, Flag, Labeled


@dataclass
class Rule:
    code: str
    check: Callable[[Labeled, Figures, dict, Profile], "Finding | None"]
    required: tuple[str, ...]


@dataclass
class Finding:
    """What a rule measured: values for the message template and the paragraphs it points at."""

    values: dict
    paragraphs: list[int]


RULES: dict[str, Rule] = {}


def rule(code: str, required: tuple[str, ...] = ()):
    def register(fn):
        RULES[code] = Rule(code, fn, ("message",) + required)
        return fn
    return register


def apply_rules(labeled: Labeled, figures: Figures, profile: Profile) -> list[Flag]:
    flags = []
    for code, config in profile.rules.items():
        finding = RULES[code].check(labeled, figures, config, profile)
        if finding is None:
            continue
        flags.append(Flag(
            code=code,
            severity=config.get("severity", "warning"),
            message=config["message"].format(**finding.values),
            paragraphs=sorted(set(finding.paragraphs)),
            suggestion=config.get("suggestion", "").format(**finding.values),
        ))
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(flags, key=lambda f: order[f.severity])


def verdict(flags: list[Flag], profile: Profile) -> tuple[str, list[str]]:
    """通过 / 建议修改 / 退回修改 by the profile's thresholds; plus what to fix first."""
    rule_cfg = {"return_errors": 1, "revise_warnings": 1, **profile.verdict}
    errors = sum(f.severity == "error" for f in flags)
    warnings = sum(f.severity == "warning" for f in flags)
    if errors >= rule_cfg["return_errors"]:
        result = "退回修改"
    elif warnings >= rule_cfg["revise_warnings"] or errors:
        result = "建议修改"
    else:
        result = "通过"
    fix_first = [f.suggestion or f.message for f in flags if f.severity != "info"][:3]
    return result, fix_first
