"""Profiles: the rules of a notice as data (YAML), validated into typed settings.

A profile may `extends:` another and override keys; `lexicons_extra:` appends words to inherited lexicons.
Every problem of a bad profile is reported at once, in Chinese, when it loads: unknown keys, wrong types,
values out of range, message templates that do not format with their figures, missing lexicons. YAML aliases
are refused (an alias bomb cannot grow the profile). profile.schema.json describes the format for editors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

import checker.checks  # noqa: F401  (registers every rule and kind)
from checker.checks.engine import KINDS, RULES, Context, RuleConfig, VerdictConfig
from checker.cohort.config import COHORT_CONFIGS
from checker.errors import ProfileError
from checker.measure.lexicons import Lexicons, pattern_errors
from checker.safe_yaml import load_yaml

TOP_KEYS = ("name", "title", "description", "extends", "rules", "lexicons", "lexicons_extra", "topics", "verdict",
            "cohort")


class Topic(BaseModel):
    """A content point of the notice: covered when its keywords are found at least min_hits times in the body."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str
    keywords: list[str | int] = Field(min_length=1)
    min_hits: int = Field(default=1, ge=1)


@dataclass
class Profile:
    name: str
    title: str
    rules: dict[str, RuleConfig]  # enabled rules, in profile order
    lexicons: dict[str, list[str]]
    topics: list[Topic]
    verdict: VerdictConfig
    cohort: dict[str, RuleConfig] = field(default_factory=dict)  # enabled cohort checks
    raw: dict = field(default_factory=dict, repr=False)  # the merged YAML, for with_rules

    def context(self) -> Context:
        return Context(Lexicons(self.lexicons), self.topics)

    def names(self) -> dict[str, str]:
        """Flag code -> the rule's Chinese name, per-report and cohort rules."""
        return {code: config.name or code for code, config in {**self.rules, **self.cohort}.items()}

    def restricted(self, select: list[str] = (), ignore: list[str] = ()) -> "Profile":
        """The profile with only the `select` codes (all when empty), without the `ignore` ones."""
        known = set(self.rules) | set(self.cohort)
        unknown = sorted((set(select) | set(ignore)) - known)
        if unknown:
            raise ProfileError(f"未知的检查代码：{'、'.join(unknown)}（可用：{'、'.join(sorted(known))}）")
        keep = lambda code: (not select or code in select) and code not in ignore  # noqa: E731
        return replace(self, rules={c: r for c, r in self.rules.items() if keep(c)},
                       cohort={c: r for c, r in self.cohort.items() if keep(c)})

    def with_rules(self, **overrides: dict) -> "Profile":
        """The profile with some rules' settings replaced (re-validated), e.g. with_rules(LENGTH={"minimum": 100})."""
        return _validated(_deep_merge(self.raw, {"rules": overrides}), self.name)


def builtin_names() -> list[str]:
    folder = resources.files("checker.profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_profile(name_or_path: str | None = None) -> Profile:
    return _validated(_merged(name_or_path or "default", seen=()), name_or_path or "default")


def _load_raw(name_or_path: str) -> dict:
    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")) or path.exists():
        if not path.is_file():
            raise ProfileError(f"配置文件不存在：{name_or_path}")
        text = path.read_text(encoding="utf-8")
    elif name_or_path in builtin_names():
        text = resources.files("checker.profiles").joinpath(f"{name_or_path}.yaml").read_text(encoding="utf-8")
    else:
        raise ProfileError(f"未知的配置：{name_or_path}（内置配置有：{'、'.join(builtin_names())}，也可以给出 .yaml 文件路径）")
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"配置文件 {name_or_path} 不是有效的 YAML：{str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"配置文件 {name_or_path} 的内容应当是键值表（mapping）")
    return _files_beside(data, path.parent) if path.is_file() else data


def _files_beside(data: dict, folder: Path) -> dict:
    """A rule's `extra_files` given relative to the profile file are read from its folder."""
    rules = data.get("rules")
    if isinstance(rules, dict):
        for config in rules.values():
            if isinstance(config, dict) and isinstance(config.get("extra_files"), list):
                config["extra_files"] = [str(folder / f) if isinstance(f, str) and not Path(f).is_absolute() else f
                                         for f in config["extra_files"]]
    return data


def _merged(name_or_path: str, seen: tuple) -> dict:
    if name_or_path in seen:
        raise ProfileError(f"配置的 extends 形成了循环：{' → '.join(seen + (name_or_path,))}")
    raw = _load_raw(name_or_path)
    parent = raw.get("extends")
    merged = _deep_merge(_merged(str(parent), seen + (name_or_path,)), raw) if parent else dict(raw)
    merged.pop("extends", None)
    if "name" not in raw:
        merged.pop("name", None)  # named by its own `name:` or its source, never by the profile it extends
    return _with_extra_lexicons(merged, raw.get("lexicons_extra"))


def _with_extra_lexicons(merged: dict, extra) -> dict:
    merged.pop("lexicons_extra", None)
    if not extra:
        return merged
    if not isinstance(extra, dict):
        raise ProfileError("lexicons_extra 应当是按词表名列出的键值表")
    lexicons = dict(merged.get("lexicons") or {})
    for name, words in extra.items():
        if not isinstance(words, list):
            raise ProfileError(f"词表 lexicons_extra.{name} 应当是字符串列表")
        lexicons[name] = list(lexicons.get(name) or []) + [w for w in words if w not in (lexicons.get(name) or [])]
    return {**merged, "lexicons": lexicons}


def _deep_merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _validated(raw: dict, source: str) -> Profile:
    problems = [f"未知的顶层设置 {key}（可用：{'、'.join(TOP_KEYS)}）" for key in raw if key not in TOP_KEYS]
    lexicons = _lexicons(raw.get("lexicons"), problems)
    rules = _rules(raw.get("rules"), lexicons, problems)
    cohort = _section(raw.get("cohort"), "cohort", COHORT_CONFIGS, "汇总检查代码", problems)
    topics = []
    raw_topics = raw.get("topics") or []
    if not isinstance(raw_topics, list):
        problems.append("topics 应当是内容要点的列表")
        raw_topics = []
    for number, topic in enumerate(raw_topics, 1):
        try:
            topics.append(Topic.model_validate(topic))
        except ValidationError:
            problems.append(f"第 {number} 个内容要点应有 name 和非空的 keywords（列表），min_hits 应为正整数")
    verdict = _model(VerdictConfig, raw.get("verdict") or {}, "verdict", problems)
    if problems:
        raise ProfileError(f"配置 {source} 有误：" + "；".join(problems))
    return Profile(name=str(raw.get("name", source)), title=str(raw.get("title", raw.get("name", source))),
                   rules=rules, lexicons=lexicons, topics=topics, verdict=verdict, cohort=cohort, raw=raw)


def _lexicons(raw, problems: list[str]) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append("lexicons 应当是按词表名列出的键值表")
        return {}
    for name, words in raw.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            problems.append(f"词表 lexicons.{name} 应当是字符串列表")
    problems += pattern_errors(raw)
    return raw


def _rules(raw, lexicons: dict, problems: list[str]) -> dict[str, RuleConfig]:
    rules = _section(raw, "rules", None, "检查代码", problems)
    for code, config in rules.items():
        needed = list(config.LEXICONS) + [getattr(config, "lexicon", "")]
        for name in filter(None, needed):
            if not lexicons.get(name):
                problems.append(f"{code} 需要词表 lexicons.{name}，但配置里没有或为空")
    return rules


def _section(raw, where: str, classes: dict | None, what: str, problems: list[str]) -> dict[str, RuleConfig]:
    """Validate a rules or cohort section: code -> settings; disabled rules are left out unvalidated."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{where} 应当是按检查代码列出的键值表")
        return {}
    out = {}
    for code, config in raw.items():
        if not isinstance(config, dict):
            problems.append(f"{code} 的设置应当是键值表")
            continue
        if config.get("enabled", True) is False:
            continue
        cls = _config_class(code, config, classes)
        if cls is None:
            known = "、".join(sorted(classes or RULES))
            kinds = "" if classes else f"；或用 kind: 指定种类（{'、'.join(KINDS)}）"
            problems.append(f"未知的{what} {code}（可用：{known}{kinds}）")
            continue
        validated = _model(cls, config, code, problems)
        if validated is not None:
            out[code] = validated
    return out


def _config_class(code: str, config: dict, classes: dict | None) -> type[BaseModel] | None:
    if classes is not None:
        return classes.get(code)
    if "kind" in config:
        rule = KINDS.get(config["kind"])
    else:
        rule = RULES.get(code)
    return rule.config if rule else None


def _model(cls: type[BaseModel], data: dict, where: str, problems: list[str]):
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        problems += [_chinese(where, cls, error, data) for error in exc.errors()]
        return None


def _chinese(where: str, cls: type[BaseModel], error: dict, data: dict) -> str:
    """One pydantic error in the profile's Chinese phrasing."""
    loc = [str(part) for part in error["loc"]]
    key = loc[0] if loc else ""
    kind, value = error["type"], data.get(key) if key else None
    if kind == "missing":
        return f"{where} 缺少必填项 {key}"
    if kind == "extra_forbidden":
        return f"{where} 有未知的设置 {key}（可用：{'、'.join(cls.model_fields)}）"
    if key == "parts":
        return f"{where}.parts 只能包含 achievement、problem、plan，而不是 {value!r}"
    if kind in ("literal_error", "enum"):
        allowed = "/".join(re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", "")))
        return f"{where}.{key} 应为 {allowed} 之一，而不是 {value!r}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bounds = {"greater_than_equal": "不小于", "greater_than": "大于", "less_than_equal": "不大于", "less_than": "小于"}
        limit = next(iter(error.get("ctx", {}).values()), "")
        return f"{where}.{key} 应{bounds[kind]} {limit}，而不是 {value!r}"
    if kind.startswith(("int_", "float_")) or kind == "finite_number":
        integer = kind.startswith("int_") or cls.model_fields[key].annotation is int
        return f"{where}.{key} 应为{'非负整数' if integer and where == 'verdict' else '整数' if integer else '数'}，而不是 {value!r}"
    if kind.startswith("bool"):
        return f"{where}.{key} 应为 true/false，而不是 {value!r}"
    if kind.startswith("string"):
        return f"{where}.{key} 应为文字，而不是 {value!r}"
    if kind.startswith("list"):
        return f"{where}.{key} 应为列表，而不是 {value!r}"
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    joiner = "." if message.split(" ")[0] in cls.model_fields else " "
    return f"{where}{joiner}{message}"


SCHEMA_FILE = "profile.schema.json"


def profile_schema() -> dict:
    """JSON Schema of a profile file, for editors. Nothing is required in it: a profile that extends another
    inherits what it leaves out (a root profile is checked for completeness when it loads)."""
    defs: dict = {}

    def schema(cls) -> dict:
        found = cls.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(found.pop("$defs", {}))
        return _optional(found)

    lexicon = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "shuzhi-checker 检查配置（profile）",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"},
            "extends": {"type": "string", "description": "内置配置名或 YAML 文件路径"},
            "rules": {"type": "object",
                      "properties": {code: schema(rule.config) for code, rule in sorted(RULES.items())},
                      "additionalProperties": {"anyOf": [schema(rule.config) for _, rule in sorted(KINDS.items())]}},
            "lexicons": lexicon, "lexicons_extra": lexicon,
            "topics": {"type": "array", "items": schema(Topic)},
            "verdict": schema(VerdictConfig),
            "cohort": {"type": "object", "additionalProperties": False,
                       "properties": {code: schema(cls) for code, cls in COHORT_CONFIGS.items()}},
        },
        "$defs": {name: _optional(d) for name, d in sorted(defs.items())},
    }


def _optional(schema: dict) -> dict:
    return {k: v for k, v in schema.items() if k != "required"}


def schema_path() -> Path:
    return Path(str(resources.files("checker.profiles").joinpath(SCHEMA_FILE)))


if __name__ == "__main__":  # python -m checker.profile: rewrite the shipped schema
    import json

    schema_path().write_text(json.dumps(profile_schema(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
