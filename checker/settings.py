"""The project's own settings file: `shuzhi.yaml` (or `.shuzhi.yaml`, or `[tool.shuzhi]` in pyproject.toml)
in the current folder or the nearest parent that has one, like a linter's configuration.

    profile: jixian-2018      # a built-in profile or a YAML file (relative to the settings file)
    year: 2024                # the year the reports are about
    fail_on: warning          # error | warning | info | never
    ignore: [LENGTH]          # codes left out of every run
    select: []                # only these codes (empty: all)

Command-line options override it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from checker.errors import ProfileError
from checker.safe_yaml import load_yaml

FILES = ("shuzhi.yaml", ".shuzhi.yaml")
KEYS = {"profile": str, "year": int, "fail_on": str, "ignore": list, "select": list}
NEVER = "never"  # findings never fail the run (exit 0; unreadable input still exits 2)
FAIL_ON = ("error", "warning", "info", NEVER)


def find(start: Path | None = None) -> tuple[Path | None, dict]:
    """(the settings file, its settings), from `start` (default: the current folder) upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in FILES:
            path = candidate / name
            if path.is_file():
                return path, _checked(path, _yaml(path))
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            settings = _toml(pyproject).get("tool", {}).get("shuzhi")
            if settings is not None:
                return pyproject, _checked(pyproject, settings)
    return None, {}


def _yaml(path: Path) -> dict:
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ProfileError(f"设置文件 {path} 不是有效的 YAML：{str(exc).splitlines()[0]}") from exc
    return data


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"设置文件 {path} 不是有效的 TOML：{exc}") from exc


def _checked(path: Path, settings) -> dict:
    if not isinstance(settings, dict):
        raise ProfileError(f"设置文件 {path} 的内容应当是键值表")
    problems = [f"未知的设置 {key}（可用：{'、'.join(KEYS)}）" for key in settings if key not in KEYS]
    problems += [f"{key} 应为{'列表' if kind is list else '整数' if kind is int else '文字'}"
                 for key, kind in KEYS.items() if key in settings and not isinstance(settings[key], kind)]
    if settings.get("fail_on", "warning") not in FAIL_ON:
        problems.append(f"fail_on 应为 {'/'.join(FAIL_ON)} 之一")
    if problems:
        raise ProfileError(f"设置文件 {path} 有误：" + "；".join(problems))
    profile = settings.get("profile")
    if profile and profile.endswith((".yaml", ".yml")) and not Path(profile).is_absolute():
        settings = settings | {"profile": str(path.parent / profile)}
    return settings
