"""Seeded fuzzing of the samples: every damaged variant gives exit 0, 1 or 2, one Chinese line per unreadable
file, never a traceback, and finishes within its time limit; `shuzhi check` and `shuzhi batch` agree."""

from __future__ import annotations

import io
import json
import random
import re
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from checker.cli import main
from checker.render.page import sample_paths

SEED = 20261201
VARIANTS = 320
LIMIT_SECONDS = 60  # the default per-file limit


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _rezip(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def _drop_member(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        victim = rng.choice(zf.namelist())
    return _rezip(data, lambda name, content: None if name == victim else content)


def _break_xml(data: bytes, rng: random.Random) -> bytes:
    damage = rng.choice([b"<w:p><w:r><w:t>", b"</w:body>", b"&undefined;", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
                         b"<w:p>" * 3000, b"\xff\xfe", b"<w:t>" + "党".encode() * 20000 + b"</w:t>"])

    def change(name, content):
        if name != "word/document.xml":
            return content
        at = rng.randrange(len(content))
        return content[:at] + damage + content[at:]

    return _rezip(data, change)


def _swap_text(data: bytes, rng: random.Random) -> bytes:
    return rng.choice([b"", bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))), data[::-1]])


MUTATIONS = [_flip, _flip, _truncate, _drop_member, _break_xml, _swap_text]


@pytest.fixture(scope="module")
def variants(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    rng = random.Random(SEED)
    sources = [p.read_bytes() for p in sample_paths()]
    paths = []
    for number in range(VARIANTS):
        mutation = MUTATIONS[number % len(MUTATIONS)]
        suffix = ".txt" if mutation is _swap_text and number % 4 == 0 else ".docx"
        path = folder / f"v{number:03d}{suffix}"
        path.write_bytes(mutation(rng.choice(sources), rng))
        paths.append(path)
    return paths


def test_every_variant_gives_a_result_or_one_chinese_line(variants, capsys):
    started = time.monotonic()
    code = main(["check", *map(str, variants), "--format", "json"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    results = json.loads(out)
    assert [r["file"] for r in results] == [str(p) for p in variants]
    errors = [r for r in results if "error" in r]
    lines = err.splitlines()
    assert len(lines) == len(errors)
    for line, result in zip(lines, errors):
        assert line == f"错误：{result['file']}：{result['error']}" and re.search(r"[\u4e00-\u9fff]", result["error"])
    assert "Traceback" not in out + err
    assert 0 < len(errors) < len(variants)  # the mutations both break files and leave some readable
    assert elapsed < LIMIT_SECONDS * len(variants)


def test_batch_gives_every_variant_a_row_and_the_same_verdict_as_check(variants, tmp_path, capsys):
    folder = variants[0].parent
    out = tmp_path / "fuzz.xlsx"
    assert main(["batch", str(folder), "--out", str(out), "--jobs", "2"]) in (0, 2)
    rows = pd.read_excel(out, sheet_name="汇总")
    assert len(rows) == len(variants)
    capsys.readouterr()
    main(["check", *map(str, variants), "--format", "json"])
    checked = {Path(r["file"]).name: r for r in json.loads(capsys.readouterr().out)}
    for _, row in rows.iterrows():
        result = checked[Path(row["文件"]).name]
        assert (row["状态"] == "错误") == ("error" in result)
        if "error" not in result:
            assert row["字数"] == result["chars"]
