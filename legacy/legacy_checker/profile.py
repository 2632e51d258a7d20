"""Profiles: the rules of a notice as data (YAML). A profile may `extends:` another and override keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from legacy_checker.errors import ProfileError

SEVERITIES = ("error", "warning", "info")
TOP_KEYS = ("name", "title", "description", "extends", "rules", "lexicons", "lexicons_extra", "topics", "verdict",
            "cohort")
VERDICTS = ("通过", "建议修改", "退回修改")


@dataclass
class Profile:
    name: str
    title: str
    rules: dict[str, dict]
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    topics: list[dict] = field(default_factory=list)
    verdict: dict = field(default_factory=dict)
    cohort: dict = field(default_factory=dict)  # cohort-level checks (SIMILAR_TO, ...), see checker/similarity.py


def names_of(rules: dict[str, dict]) -> dict[str, str]:
    """Flag code -> the rule's Chinese name (`name:` in the profile), e.g. for the Excel columns."""
    return {code: config.get("name", code) for code, config in rules.items()}


def builtin_names() -> list[str]:
    folder = resources.files("legacy_checker.profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_profile(name_or_path: str | None = None) -> Profile:
    raw = _merged(name_or_path or "default", seen=())
    return _validated(raw, name_or_path or "default")


def _load_raw(name_or_path: str) -> dict:
    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")) or path.exists():
        if not path.is_file():
            raise ProfileError(f"配置文件不存在：{name_or_path}")
        text = path.read_text(encoding="utf-8")
    elif name_or_path in builtin_names():
        text = resources.files("legacy_checker.profiles").joinpath(f"{name_or_path}.yaml").read_text(encoding="utf-8")
    else:
        raise ProfileError(f"未知的配置：{name_or_path}（内置配置有：{'、'.join(builtin_names())}，也可以给出 .yaml 文件路径）")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProfileError(f"配置文件 {name_or_path} 不是有效的 YAML：{str(exc).splitlines()[0]}") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"配置文件 {name_or_path} 的内容应当是键值表（mapping）")
    return data


def _merged(name_or_path: str, seen: tuple) -> dict:
    if name_or_path in seen:
        raise ProfileError(f"配置的 extends 形成了循环：{' → '.join(seen + (name_or_path,))}")
    raw = _load_raw(name_or_path)
    parent = raw.get("extends")
    merged = _deep_merge(_merged(str(parent), seen + (name_or_path,)), raw) if parent else dict(raw)
    if "name" not in raw:
        merged.pop("name", None)  # named by its own `name:` or its source, never by the profile it extends
    return _with_extra_lexicons(merged, raw.get("lexicons_extra"))


def _with_extra_lexicons(merged: dict, extra) -> dict:
    """`lexicons_extra:` appends words to inherited lexicons (`lexicons:` replaces them)."""
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
    import legacy_checker.checks  # noqa: F401  (registers every rule code)
    from legacy_checker.lexicons import pattern_errors
    from legacy_checker.rules import RULES, VERDICT_DEFAULTS

    problems = [f"未知的顶层设置 {key}（可用：{'、'.join(TOP_KEYS)}）" for key in raw if key not in TOP_KEYS]
    rules = raw.get("rules") or {}
    if not isinstance(rules, dict):
        problems.append("rules 应当是按检查代码列出的键值表")
        rules = {}
    lexicons = raw.get("lexicons") or {}
    if not isinstance(lexicons, dict):
        problems.append("lexicons 应当是按词表名列出的键值表")
        lexicons = {}
    for name, words in lexicons.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            problems.append(f"词表 lexicons.{name} 应当是字符串列表")
    problems += pattern_errors(lexicons)
    for code, config in rules.items():
        if code not in RULES:
            problems.append(f"未知的检查代码 {code}（可用：{'、'.join(sorted(RULES))}）")
        elif not isinstance(config, dict):
            problems.append(f"{code} 的设置应当是键值表")
        elif config.get("enabled", True):
            if config.get("severity", "warning") not in SEVERITIES:
                problems.append(f"{code}.severity 应为 {'/'.join(SEVERITIES)} 之一，而不是 {config.get('severity')}")
            problems += RULES[code].problems(config, lexicons)
    problems += _topic_problems(raw.get("topics") or [])
    verdict = raw.get("verdict") or {}
    for key, value in (verdict.items() if isinstance(verdict, dict) else [("verdict", verdict)]):
        if key not in VERDICT_DEFAULTS:
            problems.append(f"verdict 有未知的设置 {key}（可用：{'、'.join(VERDICT_DEFAULTS)}）")
        elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"verdict.{key} 应为非负整数，而不是 {value!r}")
    if problems:
        raise ProfileError(f"配置 {source} 有误：" + "；".join(problems))
    profile = Profile(
        name=str(raw.get("name", source)),
        title=str(raw.get("title", raw.get("name", source))),
        rules={c: v for c, v in rules.items() if v.get("enabled", True)},
        lexicons=lexicons,
        topics=raw.get("topics") or [],
        verdict=verdict,
        cohort=raw.get("cohort") or {},
    )
    from legacy_checker.similarity import cohort_rules

    cohort_rules(profile)  # a broken cohort section is refused when the profile loads, by every command
    return profile


def _topic_problems(topics) -> list[str]:
    if not isinstance(topics, list):
        return ["topics 应当是内容要点的列表"]
    problems = []
    for i, topic in enumerate(topics, 1):
        if (not isinstance(topic, dict) or "name" not in topic or not isinstance(topic.get("keywords"), list)
                or not topic["keywords"]):
            problems.append(f"第 {i} 个内容要点应有 name 和非空的 keywords（列表）")
        elif not isinstance(topic.get("min_hits", 1), int) or isinstance(topic.get("min_hits", 1), bool):
            problems.append(f"内容要点“{topic['name']}”的 min_hits 应为整数")
    return problems
