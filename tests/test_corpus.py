"""The labelled corpus: size, variety, format, the grouped held-out split."""

import json
from collections import Counter

import pytest

from checker.training.corpus import build, corpus_dir, gold, held_out_ids, load_raw, parse_raw


@pytest.fixture(scope="module")
def reports():
    return load_raw()


def test_corpus_is_large_and_varied(reports):
    assert len(reports) >= 150
    assert len({r.id for r in reports}) == len(reports)
    assert len({r.meta["org_type"] for r in reports}) >= 8
    assert {r.meta["structure"] for r in reports} >= {"numbered", "yishi", "none", "block"}
    assert {r.meta["quality"] for r in reports} >= {"good", "achievement_heavy", "vague", "blames_others",
                                                     "no_plans", "fake_plans"}
    years = {int(r.meta["year"]) for r in reports}
    assert min(years) <= 2016 and max(years) >= 2024


def test_every_report_has_all_body_labels_or_a_reason(reports):
    for report in reports:
        labels = Counter(label for p in report.paragraphs for label, _ in p)
        forms = set(report.meta.get("forms", "").replace(" ", "").split(","))
        faults = {report.meta["quality"]} | set(report.meta.get("faults", "").replace(" ", "").split(","))
        genre = report.meta.get("genre")  # a close relative of a report (summary, self-examination…)
        assert labels["achievement"] or genre, report.id
        assert labels["other"] or forms & {"no_title", "excerpt"}, report.id
        assert labels["plan"] or faults & {"no_plans", "fake_plans"} or "excerpt" in forms or genre, report.id


def test_parse_raw_format():
    raw = parse_raw("---\nid: x1\nquality: good  # comment\n---\n<O>标题\n\n<A>做了12件事。<P>但不够。\n")
    assert raw.id == "x1" and raw.meta["quality"] == "good"
    assert raw.paragraphs == [[("other", "标题")], [("achievement", "做了12件事。"), ("problem", "但不够。")]]


def test_gold_labels_follow_characters_of_mixed_sentences():
    raw = parse_raw("---\nid: x2\n---\n<A>虽然完成了12项任务，<P>但是党员教育仍然流于形式，缺乏针对性。\n")
    doc, labels = gold(raw)
    assert [s.text for s in doc.sents] == ["虽然完成了12项任务，但是党员教育仍然流于形式，缺乏针对性。"]
    assert labels == ["problem"]


def test_split_is_grouped_by_report_and_a_fifth(tmp_path, reports):
    (tmp_path / "raw").mkdir()
    for path in sorted((corpus_dir() / "raw").glob("*.txt"))[:20]:
        (tmp_path / "raw" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rows = [json.loads(line) for line in build(tmp_path).read_text(encoding="utf-8").splitlines()]
    assert {"report_id", "paragraph", "sentence", "text", "label", "heading"} <= set(rows[0])
    split_of = {}
    for row in rows:
        assert split_of.setdefault(row["report_id"], row["split"]) == row["split"]
    assert {i for i, split in split_of.items() if split == "test"} == held_out_ids(list(split_of))
    ids = [r.id for r in reports]
    held = held_out_ids(ids)
    assert 0.15 <= len(held) / len(ids) <= 0.25
    assert held_out_ids(sorted(ids)) == held  # order-independent
    assert held_out_ids(ids[:50]) == held & set(ids[:50])  # adding reports moves none
