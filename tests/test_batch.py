"""`shuzhi batch`: every file a row, copies and repeated problems flagged, zip input, resume, worker crashes."""

from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from checker.cli import main
from checker.cohort import batch
from checker.cohort.config import RepeatedConfig
from checker.cohort.fingerprint import BandStore, Fingerprint, Sketch, normalize, organization_key
from checker.cohort.inputs import collect, member_name
from checker.cohort.journal import Journal
from checker.cohort.similarity import Cohort, cohort_rules, shortest_kept, with_cohort_flags
from checker.errors import InputError
from checker.pipeline import Checker
from checker.profile import load_profile
from checker.read import read_document
from checker.render.docx_out import plain_docx
from checker.render.excel_out import workbook_bytes
from checker.render.json_out import error_json
from checker.summary import ReportSummary
from checker.training.corpus import load_raw

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_docx(document, path: Path) -> None:
    path.write_bytes(plain_docx(document))


def _problem_sentences(checker: Checker, report) -> int:
    summary = ReportSummary.of(checker.check_document(report.to_document()))
    return sum(label == "problem" and len(text) >= 10 for _, _, label, text in summary.fingerprint.sentences)


def _near_copy(report):
    """The same report with another author, every figure changed, some wording changed and a paragraph dropped."""
    document = report.to_document()
    for number, block in enumerate(document.blocks):
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), block.text.replace(report.meta["author"], "张卫东"))
        block.text = text.replace("党员", "同志") if number % 2 else text
    del document.blocks[-2]
    return document


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """A cohort folder (3 good reports, a source and its near copy, a corrupt file, a renamed .doc), a folder of
    last year's reports, and the results of one uninterrupted run with --json."""
    root = tmp_path_factory.mktemp("batch")
    folder, last_year = root / "cohort", root / "last"
    (folder / "sub").mkdir(parents=True)
    last_year.mkdir()
    reports = load_raw()
    checker = Checker()
    source = next(r for r in reports if _problem_sentences(checker, r) >= 3)
    good = [r for r in reports if r is not source][:3]
    write_docx(source.to_document(), folder / "source.docx")
    write_docx(_near_copy(source), folder / "sub" / "copy.docx")
    for report in good:
        write_docx(report.to_document(), folder / "sub" / f"{report.id}.docx")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (folder / "old.docx").write_bytes(OLE_MAGIC + bytes(2048))
    (folder / "~$source.docx").write_bytes(b"lock file")  # Word's lock file: not a report
    write_docx(source.to_document(), last_year / "source_last_year.docx")
    write_docx(reports[-1].to_document(), last_year / "other_org.docx")
    out, json_dir = root / "run" / "results.xlsx", root / "run" / "json"
    code = main(["batch", str(folder), "--out", str(out), "--json", str(json_dir), "--jobs", "1"])
    return {"root": root, "folder": folder, "last_year": last_year, "out": out, "json": json_dir, "code": code,
            "good": [f"cohort/sub/{r.id}.docx" for r in good]}


def _sheets(path: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(path, sheet_name=None)


def _reason(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path)
    return caught.value.reason


def test_every_file_is_a_row_and_unreadable_ones_say_why(cohort):
    summary = _sheets(cohort["out"])["汇总"].set_index("文件")
    expected = sorted(["cohort/source.docx", "cohort/sub/copy.docx", "cohort/broken.docx", "cohort/old.docx",
                       *cohort["good"]])
    assert list(summary.index) == expected
    assert cohort["code"] == 2  # some files were unreadable; the workbook is written all the same
    for name in ("broken.docx", "old.docx"):
        row = summary.loc[f"cohort/{name}"]
        assert (row["状态"], row["结论"]) == ("错误", "无法检查")
        assert row["原因"] == _reason(cohort["folder"] / name)
    checked = summary[summary["状态"] == "已检查"]
    assert len(checked) == 5 and checked["字数"].gt(500).all()
    assert set(checked["结论"]) <= {"通过", "建议修改", "退回修改"}


def test_near_copies_are_flagged_on_both_sides(cohort):
    sheets = _sheets(cohort["out"])
    similar = sheets["问题清单"][sheets["问题清单"]["检查项"] == "雷同"]
    pairs = set(zip(similar["文件"], similar["相关文件"]))
    assert pairs == {("cohort/source.docx", "cohort/sub/copy.docx"), ("cohort/sub/copy.docx", "cohort/source.docx")}
    assert similar["共同比例"].min() >= 0.8
    summary = sheets["汇总"].set_index("文件")
    assert summary["雷同"].notna().sum() == 2
    assert summary.loc[["cohort/source.docx", "cohort/sub/copy.docx"], "结论"].ne("通过").all()
    cohort_sheet = sheets["总体情况"]
    assert "雷同" in set(cohort_sheet.iloc[:, 0])


def test_json_dir_holds_every_report_with_the_cohort_flags(cohort):
    files = sorted(p.relative_to(cohort["json"]).as_posix() for p in cohort["json"].rglob("*.json"))
    assert files == sorted(n + ".json" for n in _sheets(cohort["out"])["汇总"]["文件"])
    broken = json.loads((cohort["json"] / "cohort" / "broken.docx.json").read_text(encoding="utf-8"))
    assert broken == error_json("cohort/broken.docx", _reason(cohort["folder"] / "broken.docx"))
    copy = json.loads((cohort["json"] / "cohort" / "sub" / "copy.docx.json").read_text(encoding="utf-8"))
    assert copy["file"] == "cohort/sub/copy.docx" and copy["paragraphs"]
    assert [f["other"] for f in copy["flags"] if f["code"] == "SIMILAR_TO"] == ["cohort/source.docx"]
    good = json.loads((cohort["json"] / (cohort["good"][0] + ".json")).read_text(encoding="utf-8"))
    assert not [f for f in good["flags"] if f["code"] == "SIMILAR_TO"]


def test_a_zip_archive_is_read_like_a_folder(cohort, tmp_path):
    archive = tmp_path / "cohort.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for file in sorted(cohort["folder"].rglob("*.docx")):
            zf.write(file, file.relative_to(cohort["folder"]).as_posix())
    out = tmp_path / "zip.xlsx"
    assert main(["batch", str(archive), "--out", str(out), "--jobs", "1"]) == 2
    zipped = _sheets(out)["汇总"].drop(columns="文件")
    folder = _sheets(cohort["out"])["汇总"].drop(columns="文件")
    pd.testing.assert_frame_equal(zipped, folder)
    assert list(_sheets(out)["汇总"]["文件"]) == [n.replace("cohort/", "cohort.zip/", 1)
                                                for n in _sheets(cohort["out"])["汇总"]["文件"]]


def test_archives_nested_too_deep_become_an_error_row(tmp_path):
    inner = tmp_path / "level0.zip"
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("report.txt", "一、主要工作\n全年召开支委会12次。\n")
    for level in range(1, 6):
        outer = tmp_path / f"level{level}.zip"
        with zipfile.ZipFile(outer, "w") as zf:
            zf.write(inner, inner.name)
        inner = outer
    items = collect([str(inner)], tmp_path / "work")
    assert len(items) == 1 and "嵌套超过" in items[0].error
    shallow = collect([str(tmp_path / "level2.zip")], tmp_path / "work2")
    assert [i.name for i in shallow] == ["level2.zip/level1.zip/level0.zip/report.txt"] and not shallow[0].error


def test_folders_named_like_each_other_keep_all_their_files(tmp_path, monkeypatch):
    for folder in ("a/cohort", "cohort"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.txt").write_text(folder, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    items = collect(["a/cohort", "cohort"], tmp_path / "work")
    assert sorted(Path(i.path).read_text(encoding="utf-8") for i in items) == ["a/cohort", "cohort"]
    assert len({i.name for i in items}) == 2


def test_gbk_member_names_of_chinese_windows_archives_are_decoded():
    info = zipfile.ZipInfo("柳河村述职报告.docx".encode("gbk").decode("cp437"))
    assert member_name(info) == "柳河村述职报告.docx"


def test_a_corrupt_archive_is_a_row(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.zip").write_bytes(b"PK\x05\x06 not really")
    out = tmp_path / "r.xlsx"
    assert main(["batch", str(tmp_path / "in"), "--out", str(out), "--jobs", "1"]) == 2
    row = _sheets(out)["汇总"].iloc[0]
    assert (row["文件"], row["状态"]) == ("in/bad.zip", "错误") and "压缩包" in row["原因"]


def test_previous_year_flags_problems_repeated_word_for_word(cohort, tmp_path):
    out = tmp_path / "r.xlsx"
    main(["batch", str(cohort["folder"]), "--previous", str(cohort["last_year"]), "--out", str(out), "--jobs", "1"])
    flags = _sheets(out)["问题清单"]
    repeated = flags[flags["检查项"] == "问题照搬上年"].set_index("文件")
    assert "cohort/source.docx" in repeated.index
    assert repeated.loc["cohort/source.docx", "相关文件"] == "last/source_last_year.docx"
    assert repeated.loc["cohort/source.docx", "共同比例"] == 1.0
    assert not set(repeated.index) & set(cohort["good"])


def test_organization_keys_match_across_author_lines_and_titles():
    assert organization_key("禾丰镇东营村党支部书记 李振华", "", "a.docx") == "禾丰镇东营村党支部"
    assert organization_key("", "东营村党支部书记2015年度抓基层党建工作述职报告", "a.docx") == "东营村党支部"
    assert organization_key("根据镇党委的部署，现报告如下", "", "2019年柳河村述职报告.docx") == "柳河村"
    rules = {"REPEATED_PROBLEMS": RepeatedConfig(message="{count} {share} {other}", min_sentence_chars=4,
                                                 min_sentences=1, min_share=0.5)}
    problems = [[1, 10, "problem", "学习教育不够深入系统"]]
    cohort = Cohort(rules)
    cohort.add("this.docx", Fingerprint("禾丰镇东营村党支部", problems))
    cohort.add("same.docx", Fingerprint("东营村党支部", problems), previous=True)
    cohort.add("other.docx", Fingerprint("西营村党支部", problems), previous=True)
    assert [f.other for f in cohort.flags()["this.docx"]] == ["same.docx"]


def test_resume_after_an_interruption_gives_the_same_workbook(cohort, tmp_path, monkeypatch):
    out = tmp_path / "results.xlsx"
    real, calls = batch.check_items, []

    def interrupted(items):
        if len(calls) == 3:
            raise KeyboardInterrupt
        calls.extend(i.name for i in items)
        return real(items)

    monkeypatch.setattr(batch, "CHUNK", 1)
    monkeypatch.setattr(batch, "check_items", interrupted)
    assert main(["batch", str(cohort["folder"]), "--out", str(out), "--jobs", "1"]) == 130
    journal = batch.journal_path(out)
    assert not out.exists() and len(journal.read_text(encoding="utf-8").splitlines()) == 1 + 3
    with journal.open("a", encoding="utf-8") as log:
        log.write('{"file": "cohort/sub/co')  # a line cut short by a crash
    resumed = []
    monkeypatch.setattr(batch, "check_items", lambda items: resumed.extend(i.name for i in items) or real(items))
    assert main(["batch", str(cohort["folder"]), "--out", str(out), "--jobs", "1", "--resume"]) == 2
    assert not set(resumed) & set(calls) and len(resumed) == 7 - 3
    assert not journal.exists()
    first, again = _sheets(cohort["out"]), _sheets(out)
    assert list(first) == list(again)
    for name in first:
        pd.testing.assert_frame_equal(first[name], again[name])


def test_a_file_that_kills_its_worker_becomes_an_error_row(cohort, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in cohort["good"]:
        (folder / Path(name).name).write_bytes((cohort["root"] / name).read_bytes())
    (folder / "crash.docx").write_bytes((cohort["root"] / cohort["good"][0]).read_bytes())
    real = batch.read_document
    monkeypatch.setattr(batch, "read_document",  # forked workers inherit this
                        lambda path, limits: os._exit(3) if "crash" in str(path) else real(path, limits))
    run = batch.run_batch([str(folder)], tmp_path / "r.xlsx", jobs=2, progress=False)
    rows = {r.file: r for r in run.rows}
    assert sorted(rows) == sorted(f"in/{p.name}" for p in folder.iterdir())
    assert rows["in/crash.docx"].error == batch.WORKER_CRASH
    assert all(r.checked for name, r in rows.items() if name != "in/crash.docx")
    assert run.exit_code == 2


def _sentences(rng: random.Random, count: int) -> list[str]:
    chars = "党建工作支部书记组织生活会议学习教育群众服务阵地建设队伍管理制度落实责任考核监督整改问题措施"
    return ["".join(rng.choice(chars) for _ in range(24)) for _ in range(count)]


def _fingerprint(sentences: list[str]) -> Fingerprint:
    return Fingerprint("", [[i, len(s), "achievement", s] for i, s in enumerate(sentences)])


def _similar(fingerprints: dict[str, Fingerprint]) -> dict[str, list[str]]:
    cohort = Cohort(cohort_rules(load_profile().cohort, previous=True))
    for name, fp in fingerprints.items():
        cohort.add(name, fp)
    return {name: [f.other for f in flags] for name, flags in cohort.flags().items()}


@pytest.mark.parametrize("cohort_yaml, expected", [
    ("cohort:\n  - SIMILAR_TO\n", "cohort 应当是按检查代码列出的键值表"),
    ("cohort:\n  COPIES:\n    message: 雷同\n", "未知的汇总检查代码 COPIES"),
    ("cohort:\n  SIMILAR_TO:\n    min_share: 30%\n", "SIMILAR_TO.min_share 应为数"),
    ("cohort:\n  REPEATED_PROBLEMS:\n    message: 照搬{oops}\n", "REPEATED_PROBLEMS.message 用到了未知的占位符 {oops}"),
])
def test_a_malformed_cohort_section_is_a_chinese_profile_error(tmp_path, capsys, cohort_yaml, expected):
    profile = tmp_path / "own.yaml"
    profile.write_text("extends: default\n" + cohort_yaml, encoding="utf-8")
    sample = tmp_path / "a.txt"
    sample.write_text("述职报告\n今年我主持召开支部委员会12次。", encoding="utf-8")
    code = main(["batch", str(sample), "--out", str(tmp_path / "out.xlsx"), "--profile", str(profile), "--jobs", "1"])
    assert code == 2 and expected in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
    assert main(["check", str(sample), "--profile", str(profile)]) == 2  # refused when the profile loads
    assert expected in capsys.readouterr().err


def test_a_shared_run_of_sentences_is_flagged_even_when_the_share_is_small():
    rng = random.Random(7)
    a, b, c = _sentences(rng, 20), _sentences(rng, 20), _sentences(rng, 20)
    b[10:14] = a[3:7]  # four consecutive sentences: 20% of b, a run of 4
    c[2], c[9], c[15] = a[0], a[10], a[18]  # three scattered sentences: 15%, no run
    found = _similar({"a": _fingerprint(a), "b": _fingerprint(b), "c": _fingerprint(c)})
    assert found == {"a": ["b"], "b": ["a"], "c": []}
    reversed_order = _similar({"c": _fingerprint(c), "b": _fingerprint(b), "a": _fingerprint(a)})
    assert reversed_order == found


def test_boilerplate_shared_by_many_reports_is_not_copying():
    rng = random.Random(11)
    formula = _sentences(rng, 6)
    fingerprints = {f"r{i:02d}": _fingerprint(formula + _sentences(rng, 10)) for i in range(12)}
    assert all(others == [] for others in _similar(fingerprints).values())


def test_band_keys_kept_on_disk_give_the_same_flags(tmp_path):
    rng = random.Random(5)
    shared = _sentences(rng, 30)
    near = [s[:-1] + "党" for s in shared[:20]]  # the same sentences, one character changed
    fingerprints = {"a.docx": _fingerprint(shared), "b.docx": _fingerprint(near + _sentences(rng, 10)),
                    "c.docx": _fingerprint(_sentences(rng, 30))}
    rules = cohort_rules(load_profile().cohort, previous=False)
    in_memory, texts = Cohort(rules), {}
    with BandStore(tmp_path / "bands") as bands:
        on_disk = Cohort(rules, texts=lambda keys: {k: texts[k] for k in keys}, bands=bands)
        for name, fingerprint in fingerprints.items():
            in_memory.add(name, fingerprint)
            on_disk.add(name, bands.put(Sketch.of(fingerprint, shortest_kept(rules), texts)))
        assert all(sketch.bands is None for sketch in on_disk.current.values())
        found = on_disk.flags()
    assert [f.other for f in found["a.docx"]] == ["b.docx"] and found["c.docx"] == []
    assert found == in_memory.flags()


def test_minhashes_are_datasketchs_for_every_text_at_once():
    import zlib

    import numpy as np
    from datasketch import MinHash

    from checker.cohort.fingerprint import NUM_PERM, minhashes, shingles

    texts = _sentences(random.Random(5), 30) + ["", "党", "党建", "党建工作"]
    seed = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    expected = [m.hashvalues for m in MinHash.bulk((shingles(t) for t in texts), num_perm=NUM_PERM,
                                                    hashfunc=zlib.crc32, permutations=seed.permutations, scheme=seed.scheme)]
    assert np.array_equal(minhashes(texts), np.array(expected))


def test_bands_and_permutations_are_datasketchs():
    import zlib

    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from checker.cohort.fingerprint import LSH_THRESHOLD, NUM_PERM, _bands, _permutations

    assert list(_bands()) == MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges
    seed = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
    assert seed.scheme == "affine32" and np.array_equal(np.array(_permutations()), seed.permutations)


def test_workbook_bytes_builds_the_workbook_from_summaries(cohort):
    checker = Checker()
    results = [ReportSummary.of(checker.check_path(cohort["folder"] / "source.docx")),
               ReportSummary.of(checker.check_path(cohort["folder"] / "sub" / "copy.docx")),
               ReportSummary.unreadable("bad.docx", "文件已损坏")]
    results = with_cohort_flags(results, checker.profile)
    assert all(any(f.code == "SIMILAR_TO" for f in r.flags) for r in results[:2])
    sheets = pd.read_excel(io.BytesIO(workbook_bytes(results, {"LENGTH": "篇幅", "SIMILAR_TO": "雷同"})),
                           sheet_name=None)
    assert list(sheets) == ["汇总", "问题清单", "总体情况"]
    summary = sheets["汇总"]
    columns = list(summary.columns)
    assert columns.index("篇幅") + 1 == columns.index("雷同")
    assert list(summary["状态"]) == ["已检查", "已检查", "错误"]
    assert list(summary["雷同"].fillna(0)) == [1, 1, 0]
    assert len(sheets["问题清单"]) == sum(len(r.flags) for r in results)
    assert list(summary["成绩占比"][:2]) == pytest.approx([r.shares["achievement"] for r in results[:2]], abs=1e-4)
    body = pd.read_excel(io.BytesIO(workbook_bytes(results, basis="body")), sheet_name="汇总")
    assert list(body["成绩占比"][:2]) == pytest.approx([r.body_shares["achievement"] for r in results[:2]], abs=1e-4)


def test_rows_read_back_from_the_journal_are_the_rows_in_memory(cohort, tmp_path):
    """The batch parent keeps only sketches and journal offsets: the rows it reads back for the workbook, in the
    order of the files whatever order they were journalled in, are the summaries with their cohort flags."""
    checker = Checker()
    paths = [cohort["folder"] / "source.docx", cohort["folder"] / "sub" / "copy.docx"]
    summaries = [ReportSummary.of(checker.check_path(p), f"{n}.docx") for n, p in enumerate(paths)]
    summaries.append(ReportSummary.unreadable("bad.docx", "文件已损坏"))
    shortest = shortest_kept(cohort_rules(checker.profile.cohort, previous=False))
    journal = Journal(tmp_path / "r.xlsx.partial.jsonl", checker.profile.name).open(append=False)
    offsets = {s.file: journal.write(s, None) for s in reversed(summaries)}
    journal.close()
    with BandStore(tmp_path / "bands") as bands:
        kept = [batch.Kept.of(s, offsets[s.file], shortest, bands) for s in summaries]
        flags, _ = batch.cohort_flags(kept, [], checker.profile, journal, bands)
    read = [row for _, row in batch.final_rows(journal, kept, flags, checker.profile)]
    in_memory = with_cohort_flags(summaries, checker.profile)
    assert all(any(f.code == "SIMILAR_TO" for f in r.flags) for r in read[:2])
    assert read == [replace(r, fingerprint=None) for r in in_memory]


def test_a_parallel_run_gives_the_same_workbook(cohort, tmp_path):
    out = tmp_path / "parallel.xlsx"
    assert main(["batch", str(cohort["folder"]), "--out", str(out), "--jobs", "2"]) == 2
    first, parallel = _sheets(cohort["out"]), _sheets(out)
    for name in first:
        pd.testing.assert_frame_equal(first[name], parallel[name])


def test_classifying_reports_together_gives_the_same_labels():
    checker = Checker()
    documents = [r.to_document() for r in load_raw()[:6]]
    together = list(checker.check_documents(documents))
    alone = [checker.check_document(d) for d in documents]
    assert [[s._.label for s in t.sents] for t in together] == [[s._.label for s in a.sents] for a in alone]
    assert [s._.confidence for t in together for s in t.sents] == pytest.approx(
        [s._.confidence for a in alone for s in a.sents])
    assert sum(len(list(t.sents)) for t in together) > 100


def test_resume_when_every_file_was_done_only_writes_the_workbook(cohort, tmp_path, monkeypatch):
    import checker.render.excel_out as excel_out

    out, real = tmp_path / "results.xlsx", excel_out.write_workbook

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(excel_out, "write_workbook", interrupted)
    assert main(["batch", str(cohort["folder"]), "--out", str(out), "--jobs", "1"]) == 130
    assert len(batch.journal_path(out).read_text(encoding="utf-8").splitlines()) == 1 + 7
    monkeypatch.setattr(excel_out, "write_workbook", real)
    checked = []
    monkeypatch.setattr(batch, "check_items", lambda items: checked.extend(items) or [])
    assert main(["batch", str(cohort["folder"]), "--out", str(out), "--resume"]) == 2
    assert checked == []
    pd.testing.assert_frame_equal(_sheets(out)["汇总"], _sheets(cohort["out"])["汇总"])



def test_the_workbook_lists_the_problems_the_cohort_shares(tmp_path):
    """Five reports sharing their problem statements: 常见问题 lists them, as their normalised text."""
    checker = Checker()
    source = next(r for r in load_raw() if _problem_sentences(checker, r) >= 3)
    (tmp_path / "in").mkdir()
    write_docx(source.to_document(), tmp_path / "in" / "source.docx")
    for number in range(4):
        copy = _near_copy(source)
        copy.blocks[0].text += f"（{number + 1}）"
        write_docx(copy, tmp_path / "in" / f"copy{number}.docx")
    assert main(["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out.xlsx"), "--jobs", "1"]) == 0
    common = _sheets(tmp_path / "out.xlsx")["常见问题"]
    assert list(common.columns) == ["问题表述", "报告数", "占比", "涉及报告"]
    assert len(common) >= 3 and set(common["报告数"]) == {5} and set(common["占比"]) == {1.0}
    problems = [s.text for s in checker.check_document(source.to_document()).sents if s._.label == "problem"]
    assert set(common["问题表述"]) <= {normalize(t) for p in problems for t in (p, p.replace("党员", "同志"))}
