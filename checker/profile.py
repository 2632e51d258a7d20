"""Profiles: the rules of a notice as data (YAML). A profile may `extends:` another and override keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from checker.errors import ProfileError

SEVERITIES = ("error", "warning", "info")
VERDICTS = ("通过", "建议修改", "退回修改")


@dataclass
class Profile:
    name: str
    title: str
    rules: dict[str, dict]
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    topics: list[dict] = field(default_factory=list)
    verdict: dict = field(default_factory=dict)


def builtin_names() -> list[str]:
    folder = resources.files("checker.profiles")
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
        text = resources.files("checker.profiles").joinpath(f"{name_or_path}.yaml").read_text(encoding="utf-8")
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
    if not parent:
        return raw
    return _deep_merge(_merged(str(parent), seen + (name_or_path,)), raw)


def _deep_merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _validated(raw: dict, source: str) -> Profile:
    import checker.checks  # noqa: F401  (registers every rule code)
    from checker.rules import RULES

    problems = []
    rules = raw.get("rules") or {}
    if not isinstance(rules, dict):
        problems.append("rules 应当是按检查代码列出的键值表")
        rules = {}
    for code, config in rules.items():
        if code not in RULES:
            problems.append(f"未知的检查代码 {code}（可用：{'、'.join(sorted(RULES))}）")
            continue
        if not isinstance(config, dict):
            problems.append(f"{code} 的设置应当是键值表")
            continue
        if config.get("severity", "warning") not in SEVERITIES:
            problems.append(f"{code}.severity 应为 {'/'.join(SEVERITIES)} 之一，而不是 {config.get('severity')}")
        for key in RULES[code].required:
            if key not in config:
                problems.append(f"{code} 缺少必填项 {key}")
    lexicons = raw.get("lexicons") or {}
    for name, words in lexicons.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            problems.append(f"词表 lexicons.{name} 应当是字符串列表")
    topics = raw.get("topics") or []
    for i, topic in enumerate(topics, 1):
        if not isinstance(topic, dict) or "name" not in topic or not isinstance(topic.get("keywords"), list):
            problems.append(f"第 {i} 个内容要点应有 name 和 keywords（列表）")
    if problems:
        raise ProfileError(f"配置 {source} 有误：" + "；".join(problems))
    return Profile(
        name=str(raw.get("name", source)),
        title=str(raw.get("title", raw.get("name", source))),
        rules={c: v for c, v in rules.items() if v.get("enabled", True)},
        lexicons=lexicons,
        topics=topics,
        verdict=raw.get("verdict") or {},
    )
