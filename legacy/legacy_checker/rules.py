"""Stage 5, rules: (Labeled, Figures, Profile) -> flags and a verdict.

Each rule is a function registered under its stable code with the settings it reads (with their types),
the lexicons it needs and the placeholders its message may use; thresholds, message template,
severity and suggestion come from the profile (like Vale's rules written as data).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Callable

from legacy_checker.profile import Profile
from legacy_checker.signals import BODY
from legacy_checker.structures import Figures, Flag, Labeled

NUMBER = (int, float)
OPTIONAL_NUMBER = (int, float, type(None))
TEXT_KEYS = ("message", "suggestion", "name")
COMMON_KEYS = {"message": str, "suggestion": str, "name": str, "severity": str, "enabled": bool}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
VERDICT_DEFAULTS = {"return_errors": 1, "return_warnings": 4, "revise_warnings": 1, "fix_first": 3}
TYPE_NAMES = {int: "数", float: "数", str: "文字", bool: "true/false", list: "列表", type(None): "空"}


@dataclass
class Rule:
    code: str
    check: Callable[[Labeled, Figures, dict, Profile], "Finding | None"]
    params: dict[str, type | tuple | frozenset] = field(default_factory=dict)  # frozenset: allowed values
    required: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # a finding may pick message_<variant> / suggestion_<variant>

    def text_keys(self) -> list[str]:
        return [f"{key}_{v}" if v else key for key in TEXT_KEYS for v in ("",) + self.variants]

    def problems(self, config: dict, lexicons: dict) -> list[str]:
        """Chinese descriptions of what is wrong with this rule's settings in a profile."""
        out = [f"{self.code} 缺少必填项 {key}" for key in ("message",) + self.required if key not in config]
        known = {**COMMON_KEYS, **dict.fromkeys(self.text_keys(), str), **self.params}
        for key, value in config.items():
            if key not in known:
                out.append(f"{self.code} 有未知的设置 {key}（可用：{'、'.join(known)}）")
            elif isinstance(known[key], frozenset):
                if value not in known[key]:
                    out.append(f"{self.code}.{key} 应为 {'/'.join(sorted(known[key]))} 之一，而不是 {value!r}")
            elif not _type_ok(value, known[key]):
                out.append(f"{self.code}.{key} 应为{_type_name(known[key])}，而不是 {value!r}")
            elif key == "parts" and not set(value) <= set(BODY):
                out.append(f"{self.code}.parts 只能包含 {'、'.join(BODY)}，而不是 {value!r}")
        for key in self.text_keys():
            for name in _placeholders(config.get(key)):
                if name not in self.fields:
                    out.append(f"{self.code}.{key} 用到了未知的占位符 {{{name}}}（可用：{'、'.join(self.fields) or '无'}）")
        for name in self.lexicons:
            if not lexicons.get(name):
                out.append(f"{self.code} 需要词表 lexicons.{name}，但配置里没有或为空")
        return out


@dataclass
class Finding:
    """What a rule measured: values for the message template and the paragraphs it points at."""

    values: dict
    paragraphs: list[int]
    variant: str = ""  # picks message_<variant> / suggestion_<variant> when the profile has them


RULES: dict[str, Rule] = {}


def rule(code: str, params: dict | None = None, required: tuple[str, ...] = (), lexicons: tuple[str, ...] = (),
         fields: tuple[str, ...] = (), variants: tuple[str, ...] = ()):
    def register(fn):
        RULES[code] = Rule(code, fn, params or {}, required, lexicons, fields, variants)
        return fn
    return register


def _type_ok(value, expected) -> bool:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool):
        return bool in kinds
    return isinstance(value, kinds)


def _type_name(expected) -> str:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    return "或".join(dict.fromkeys(TYPE_NAMES[k] for k in kinds))


def _placeholders(template) -> list[str]:
    if not isinstance(template, str):
        return []
    try:
        return [name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name]
    except ValueError:
        return ["（花括号不成对）"]


def apply_rules(labeled: Labeled, figures: Figures, profile: Profile) -> list[Flag]:
    """Run every enabled rule; flags ordered by severity, then by the profile's rule order."""
    flags = []
    for code, config in profile.rules.items():
        finding = RULES[code].check(labeled, figures, config, profile)
        if finding is None:
            continue
        flags.append(Flag(
            code=code,
            severity=config.get("severity", "warning"),
            message=_text(config, "message", finding).format(**finding.values),
            paragraphs=sorted(set(finding.paragraphs)),
            suggestion=_text(config, "suggestion", finding).format(**finding.values),
        ))
    return sorted(flags, key=lambda f: SEVERITY_ORDER[f.severity])


def _text(config: dict, key: str, finding: Finding) -> str:
    return (finding.variant and config.get(f"{key}_{finding.variant}")) or config.get(key, "")


def verdict(flags: list[Flag], profile: Profile) -> tuple[str, list[str]]:
    """通过 / 建议修改 / 退回修改, and what to fix first.

    退回修改: at least `return_errors` error flags, or at least `return_warnings` warning flags;
    建议修改: otherwise at least `revise_warnings` warnings, or any error; 通过: otherwise (info never counts).
    """
    cfg = {**VERDICT_DEFAULTS, **profile.verdict}
    errors = sum(f.severity == "error" for f in flags)
    warnings = sum(f.severity == "warning" for f in flags)
    if errors >= cfg["return_errors"] or (cfg["return_warnings"] and warnings >= cfg["return_warnings"]):
        result = "退回修改"
    elif warnings >= cfg["revise_warnings"] or errors:
        result = "建议修改"
    else:
        result = "通过"
    return result, [_fix_line(f, profile) for f in flags if f.severity != "info"][: cfg["fix_first"]]


def _fix_line(flag: Flag, profile: Profile) -> str:
    name = profile.rules.get(flag.code, {}).get("name", flag.code)
    return f"{name}：{flag.suggestion or flag.message}"
