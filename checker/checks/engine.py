"""The check engine (like Vale's rules as data): each rule is a typed config class plus a check function.

A rule is registered under its code (Python rules) or under a kind (existence, density, share, coverage) that
profiles instantiate in YAML under any code. Its config class declares the settings with their types, ranges
and defaults, the lexicons it needs, the placeholders its message may use (with sample values: every message
is formatted once with them when the profile loads) and the variants it may pick (message_<variant>).
The engine applies the enabled rules in profile order and judges the verdict; it knows nothing of profiles.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc

from checker.checks.parts import Item, Report
from checker.doc import BODY
from checker.measure.lexicons import Lexicons

Part = Literal["achievement", "problem", "plan"]
Number = int | float  # a threshold keeps the type the profile gives it (6 stays 6 in messages)


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Verdict(str, Enum):
    PASS = "通过"
    REVISE = "建议修改"
    RETURN = "退回修改"
    NOT_REPORT = "非述职报告"  # a gate rule found that the document is not a report


SEVERITY_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}
SEVERITY_NAMES = {Severity.error: "错误", Severity.warning: "警告", Severity.info: "提示"}


@dataclass(frozen=True)
class Evidence:
    """Words a flag points at: in sentence `sentence` (its number in the report), characters start..end of its
    text; `replacement`: what should stand there instead ("" when the rule proposes nothing)."""

    sentence: int
    start: int
    end: int
    text: str
    replacement: str = ""


@dataclass(frozen=True)
class Mark:
    """Words of a sentence that a rule located itself: `text` at character `start` of the item's text."""

    item: Item
    text: str
    start: int
    replacement: str = ""


@dataclass
class Flag:
    code: str
    severity: Severity
    message: str
    paragraphs: list[int] = field(default_factory=list)
    name: str = ""  # the rule's Chinese name (what a person reads instead of the code)
    suggestion: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    other: str = ""  # cohort flags: the other report(s) concerned
    share: float | None = None  # cohort flags: the share in common
    gate: bool = False  # raised by a gate rule: the document is not a report, no other flag applies


@dataclass
class Finding:
    """What a rule measured: values for the message template and the paragraphs it points at."""

    values: dict
    paragraphs: list[int]
    variant: str = ""  # picks message_<variant> / suggestion_<variant> / severity_<variant> when set
    measure: float | None = None  # how far the report misses, for the rule's `grades`
    evidence: list = field(default_factory=list)  # (Item, words): the words in that sentence ("": all of it), or Mark


class Grade(BaseModel):
    """From `above` on, the flag has this severity (e.g. achievements above 45% of the text: an error)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    above: Number
    severity: Severity = Field(strict=False)


class RuleConfig(BaseModel):
    """Settings every rule has. Subclasses add theirs, and declare FIELDS, LEXICONS and their variant texts."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = ""
    severity: Severity = Field(Severity.warning, strict=False)  # from the YAML string
    grades: list[Grade] = []  # severity by degree: the last grade the finding's measure is above applies
    enabled: bool = True
    message: str
    suggestion: str = ""

    FIELDS: ClassVar[dict[str, object]] = {}  # placeholder -> a sample value of its type
    LEXICONS: ClassVar[tuple[str, ...]] = ()  # lexicons the rule needs, non-empty
    GATE: ClassVar[bool] = False  # when a gate rule fires, no other rule is applied

    @model_validator(mode="after")
    def _templates_format(self):
        for key, text in self.texts().items():
            try:
                text.format(**self.FIELDS)
            except KeyError as exc:
                names = "、".join(self.FIELDS) or "无"
                raise ValueError(f"{key} 用到了未知的占位符 {{{exc.args[0]}}}（可用：{names}）") from None
            except (ValueError, IndexError, TypeError, AttributeError) as exc:
                raise ValueError(f"{key} 的写法有误（{text}）：{exc}") from None
        return self

    def texts(self) -> dict[str, str]:
        """message, suggestion and their variants that are set."""
        return {k: v for k, v in self.__dict__.items() if k.startswith(("message", "suggestion")) and v}

    def text(self, key: str, variant: str) -> str:
        return (variant and getattr(self, f"{key}_{variant}", "")) or getattr(self, key)

    def severity_of(self, finding: "Finding") -> Severity:
        """The variant's own severity (severity_<variant>) if set, else by degree (grades), else `severity`."""
        own = getattr(self, f"severity_{finding.variant}", None) if finding.variant else None
        if own is not None:
            return Severity(own)
        passed = [g for g in sorted(self.grades, key=lambda g: g.above)
                  if finding.measure is not None and finding.measure > g.above]
        return passed[-1].severity if passed else self.severity


class Scoped(RuleConfig):
    """A rule that reads some parts of the report: `parts` is the scope the engine gives its check."""

    parts: list[Part] = list(BODY)


@dataclass
class Context:
    """What rules read besides the Doc: the profile's compiled lexicons and content points."""

    lexicons: Lexicons
    topics: list = field(default_factory=list)


Check = Callable[[Report, list[Item], RuleConfig, Context], "Finding | None"]


@dataclass(frozen=True)
class Rule:
    config: type[RuleConfig]
    check: Check


RULES: dict[str, Rule] = {}  # Python rules, by code
KINDS: dict[str, Rule] = {}  # rule kinds, by kind name


def rule(code: str, config: type[RuleConfig]):
    def register(check: Check) -> Check:
        RULES[code] = Rule(config, check)
        return check
    return register


def kind(name: str, config: type[RuleConfig]):
    def register(check: Check) -> Check:
        KINDS[name] = Rule(config, check)
        return check
    return register


def placeholders(template: str) -> list[str]:
    return [name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name]


def apply_rules(doc: Doc, rules: dict[str, RuleConfig], context: Context) -> list[Flag]:
    """Run every rule; flags ordered by severity, then by the profile's rule order. Gate rules run first: when
    one fires, its flag is the only one."""
    flags, report = [], Report(doc)
    ordered = sorted(rules.items(), key=lambda item: not item[1].GATE)
    for code, config in ordered:
        if any(f.gate for f in flags):
            break
        scope = report.items(tuple(config.parts)) if isinstance(config, Scoped) else report.items()
        finding = rule_of(code, config).check(report, scope, config, context)
        if finding is None:
            continue
        flags.append(Flag(
            code=code,
            name=config.name or code,
            severity=config.severity_of(finding),
            message=config.text("message", finding.variant).format(**finding.values),
            paragraphs=sorted(set(finding.paragraphs)),
            suggestion=config.text("suggestion", finding.variant).format(**finding.values),
            evidence=_evidence(finding.evidence),
            gate=config.GATE,
        ))
    return sorted(flags, key=lambda f: SEVERITY_ORDER[f.severity])


def _evidence(found: list) -> list[Evidence]:
    """Character spans of the words (or whole sentences) a finding points at, each once, in report order (at one
    start the longer span first, so that the order never depends on the set's hashing)."""
    spans = set()
    for mark in found:
        if isinstance(mark, Mark):
            spans.add(Evidence(mark.item.sentence._.number, mark.start, mark.start + len(mark.text), mark.text,
                               mark.replacement))
            continue
        item, words = mark
        start = item.text.find(words) if words else 0
        if start >= 0:
            spans.add(Evidence(item.sentence._.number, start, start + len(words or item.text), words or item.text))
    return sorted(spans, key=lambda e: (e.sentence, e.start, -e.end, e.text, e.replacement))


def rule_of(code: str, config: RuleConfig) -> Rule:
    name = getattr(config, "kind", None)
    return KINDS[name] if name else RULES[code]


class VerdictConfig(BaseModel):
    """退回修改: at least `return_errors` errors or `return_warnings` warnings (0: never); 建议修改: otherwise at
    least `revise_warnings` warnings or any error; 通过: otherwise (info never counts). `fix_first` items shown."""

    model_config = ConfigDict(extra="forbid", strict=True)

    return_errors: int = Field(ge=0)
    return_warnings: int = Field(ge=0)
    revise_warnings: int = Field(ge=0)
    fix_first: int = Field(ge=0)


def verdict(flags: list[Flag], config: VerdictConfig, names: dict[str, str]) -> tuple[Verdict, list[str]]:
    if any(f.gate for f in flags):
        return Verdict.NOT_REPORT, [f.message for f in flags if f.gate]
    errors = sum(f.severity == Severity.error for f in flags)
    warnings = sum(f.severity == Severity.warning for f in flags)
    if errors >= config.return_errors or (config.return_warnings and warnings >= config.return_warnings):
        result = Verdict.RETURN
    elif warnings >= config.revise_warnings or errors:
        result = Verdict.REVISE
    else:
        result = Verdict.PASS
    fix = [f"{names.get(f.code) or f.code}：{f.suggestion or f.message}" for f in flags if f.severity != Severity.info]
    return result, fix[: config.fix_first]
