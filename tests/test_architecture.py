"""The shape of the library: no import cycle, typed profiles refused early, rule kinds, the estimator contract."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from sklearn.base import clone
from sklearn.utils._param_validation import InvalidParameterError

from checker.classify.baseline import HeadingBaseline
from checker.training.model import SentenceModel
from checker.classify.store import Classifier, load_model
from checker.errors import ProfileError
from checker.profile import load_profile, profile_schema, schema_path
from report_builder import good_report, judge

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every checker module a module imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("checker")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def test_no_import_cycle_in_the_package():
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}
    for name in list(graph):  # importing checker.a.b runs checker.a first (unless checker.a is the importer's own)
        parents = {".".join(m.split(".")[:i]) for m in graph[name] for i in range(2, m.count(".") + 1)}
        graph[name] |= {p for p in parents if p in modules and not (name + ".").startswith(p + ".")}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_checking_a_report_imports_no_training_library():
    """The model runs with numpy: scikit-learn, scipy and skops are for training only (and cost a second), pandas
    for tables and training."""
    code = ("import sys\nfrom checker.pipeline import Checker\n"
            f"doc = Checker().check_path({str(PACKAGE / 'samples' / 'v001.docx')!r})\n"
            "assert {s._.label for s in doc.sents} >= {'achievement'}\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy', 'skops', 'pandas'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_rules_know_nothing_of_profiles():
    for path in (PACKAGE / "checks").glob("*.py"):
        assert "checker.profile" not in imports_of(path), path.name


def user_profile(tmp_path, text: str) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text("extends: default\n" + text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("text, expected", [
    ("rules:\n  ACHIEVEMENT_SHARE: {max_share: 7}\n", "ACHIEVEMENT_SHARE.max_share 应不大于 1，而不是 7"),
    ("rules:\n  UNIT_SUMMARY: {min_self_share: -3}\n", "UNIT_SUMMARY.min_self_share 应不小于 0，而不是 -3"),
    ("rules:\n  LACKS_EXAMPLES: {message: '找到 {found:.0%} 个'}\n", "LACKS_EXAMPLES.message 的写法有误（找到 {found:.0%} 个）"),
    ("rules:\n  LENGTH: {minimum: 2.5}\n", "LENGTH.minimum 应为整数，而不是 2.5"),
    ("verdict: {return_warnings: -1}\n", "verdict.return_warnings 应不小于 0，而不是 -1"),
])
def test_bad_settings_are_refused_when_the_profile_loads(tmp_path, text, expected):
    with pytest.raises(ProfileError) as failure:
        load_profile(user_profile(tmp_path, text))
    assert expected in str(failure.value)


def test_a_new_notice_requirement_needs_only_yaml(tmp_path):
    rule = """rules:
  IDEOLOGY_DUTY:
    kind: existence
    name: 意识形态工作责任制
    words: [意识形态]
    parts: [achievement, problem, plan]
    severity: warning
    message: "没有写意识形态工作责任制落实情况"
    suggestion: "补写本人落实意识形态工作责任制的情况"
"""
    profile = load_profile(user_profile(tmp_path, rule))
    found = [f for f in judge(good_report(), profile)._.flags if f.code == "IDEOLOGY_DUTY"]
    assert [f.message for f in found] == ["没有写意识形态工作责任制落实情况"]
    covered = good_report() + ["<A>我每季度主持研判一次意识形态形势，落实意识形态工作责任制。"]
    assert "IDEOLOGY_DUTY" not in [f.code for f in judge(covered, profile)._.flags]


def test_at_least_two_shipped_rules_are_kind_instances():
    kinds = {code: config.kind for code, config in load_profile("jixian-2018").rules.items() if hasattr(config, "kind")}
    assert kinds == {"ACHIEVEMENT_SHARE": "share", "EMPTY_WORDS": "density", "FORMALISM_NOT_ADDRESSED": "existence",
                     "MISSING_TOPICS": "coverage"}


def test_the_shipped_schema_is_current_and_the_profiles_follow_it():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(profile_schema()))
    for path in (PACKAGE / "profiles").glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rules": {"LENGTH": {"minimum": "很长"}}}, schema)


def test_the_classifier_follows_the_estimator_contract():
    model = SentenceModel(C=3.0, smoothing=0.5)
    assert clone(model).get_params() == model.get_params() | {}
    assert model.set_params(C=1.0).C == 1.0
    with pytest.raises(InvalidParameterError):
        SentenceModel(smoothing=2).fit([{"text": "a", "tokens": "a", "heading": "", "prev": "", "next": "",
                                         "report": "r"}], ["other"])
    assert not hasattr(SentenceModel(), "pipeline_")  # fitted state only after fit
    assert isinstance(HeadingBaseline().fit(None), Classifier) and isinstance(load_model(), Classifier)
    assert not isinstance(object(), Classifier)
