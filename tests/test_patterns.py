"""A pattern lexicon matched through its parts (checker.measure.patterns) finds what its joined regex finds."""

import json
import re
from pathlib import Path

import pytest

from checker.measure.lexicons import Lexicons, _patterns
from checker.measure.patterns import MIN_PARTS, Alternatives, needed_strings
from checker.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted(p.stem for p in (ROOT / "checker" / "profiles").glob("*.yaml"))


def _texts() -> list[str]:
    """The non-test texts of the signal sets (their labels are not read)."""
    texts = []
    for path in sorted((ROOT / "corpus" / "signals").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else None
            if item and item.get("split") != "test":
                texts.append(item["text"])
    return texts


def _found(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@pytest.mark.parametrize("pattern, needed", [
    ("更加(?:密切|浓厚)", {"更加"}),
    ("的(?:良好氛围|浓厚氛围)", {"良好氛围", "浓厚氛围"}),
    (r"(?:\d{1,2}|[一二])月(?:份|初)?", {"月"}),
    (r"(?<![各每])(?:村|镇)(?:东头|口)的", {"村", "镇"}),
    (r"[\u4e00-\u9fff]{2}", None),  # a wide class: nothing known
    (r"(?:还|仍)?\d+", None),  # optional, then a category
    ("(?i)abc", None),  # case folded: the literal is not needed as written
    ("x*y?", None),
])
def test_needed_strings(pattern, needed):
    assert needed_strings(pattern) == (frozenset(needed) if needed is not None else None)


@pytest.mark.parametrize("profile", PROFILES)
def test_parts_find_what_the_joined_regex_finds(profile):
    raw = Lexicons(load_profile(profile).lexicons).raw
    texts = _texts()
    checked = 0
    for name, items in raw.items():
        if not name.endswith("_patterns") or not items:
            continue
        items = tuple(str(p) for p in items)
        regex = _patterns(items)
        alternatives = Alternatives(regex, items)
        for text in texts:
            assert _found(alternatives.finditer(text)) == _found(regex.finditer(text)), (name, text)
        checked += alternatives.split
    assert checked  # some lexicon of the profile is matched through its parts


def test_parts_keep_the_order_of_the_alternation():
    """On a tie the earlier part wins, and a later part starting earlier wins over it."""
    items = tuple(f"{a}{b}" for a in "甲乙丙丁戊己庚辛壬癸" for b in "子丑寅卯")[:MIN_PARTS] + ("甲子丑寅", "乙")
    alternatives = Alternatives(_patterns(items), items)
    assert alternatives.split
    for text in ("甲子丑寅乙丑", "乙甲子丑寅", "癸子乙"):
        assert _found(alternatives.finditer(text)) == _found(re.finditer("|".join(items), text))


def test_a_numbered_reference_keeps_the_joined_regex():
    items = tuple(f"{a}{b}(.)\\1" for a in "甲乙丙丁戊己庚辛壬癸" for b in "子丑寅卯")[:MIN_PARTS]
    assert not Alternatives(_patterns(items), items).split
