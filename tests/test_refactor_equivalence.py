"""The one-Doc pipeline gives the same JSON, labels, flags and workbook as the pipeline it replaces (kept in
legacy/ until this passes), on every report of the first corpus and on the sample .docx files."""

import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "legacy"))

import legacy_checker.corpus as old_corpus  # noqa: E402
from legacy_checker.pipeline import Checker as OldChecker  # noqa: E402
from legacy_checker.render.excel_out import workbook_bytes as old_workbook  # noqa: E402
from legacy_checker.render.json_out import result_dict  # noqa: E402
from legacy_checker.similarity import add_cohort_flags  # noqa: E402

from checker.cohort.similarity import Cohort, cohort_rules  # noqa: E402
from checker.pipeline import Checker  # noqa: E402
from checker.render.excel_out import workbook_bytes  # noqa: E402
from checker.render.json_out import report_json  # noqa: E402
from checker.summary import ReportSummary  # noqa: E402
from checker.training.corpus import parse_raw  # noqa: E402

FIRST_CORPUS = sorted(p for folder in ("raw", "external") for p in (ROOT / "corpus" / folder).glob("*.txt")
                      if not p.name.startswith("r"))
SAMPLES = sorted((ROOT / "checker" / "samples").glob("*.docx"))


@pytest.fixture(scope="module")
def both():
    old, new = OldChecker(), Checker()
    pairs = []
    for path in FIRST_CORPUS:
        text = path.read_text(encoding="utf-8")
        old_result = old.check_document(old_corpus.parse_raw(text).to_document())
        doc = new.check_document(parse_raw(text).to_document())
        pairs.append((result_dict(old_result), doc))
    for path in SAMPLES:
        pairs.append((result_dict(old.check_path(path)), new.check_path(path)))
    return pairs


def test_the_json_contract_is_identical_on_every_report(both):
    assert len(both) == len(FIRST_CORPUS) + len(SAMPLES) > 200
    for old, doc in both:
        assert report_json(doc) == old, old["file"]


def test_the_cohort_flags_and_the_workbook_are_identical(both):
    new = Checker()
    old_rows = add_cohort_flags([old for old, _ in both], __import__("legacy_checker.profile").profile.load_profile())
    cohort = Cohort(cohort_rules(new.profile.cohort, previous=False))
    summaries = [ReportSummary.of(doc) for _, doc in both]
    for s in summaries:
        cohort.add(s.file, s.fingerprint)
    found = cohort.flags()
    names = new.profile.names()
    rows = [s.with_cohort_flags(found.get(s.file, []), new.profile.verdict, names) for s in summaries]
    for old, row in zip(old_rows, rows):
        assert [f["code"] for f in old["flags"]] == [f.code for f in row.flags]
        assert old["verdict"] == row.verdict_text
    codes = {c: c for c in names}
    old_book = pd.read_excel(__import__("io").BytesIO(old_workbook(old_rows, codes)), sheet_name=None)
    new_book = pd.read_excel(__import__("io").BytesIO(workbook_bytes(rows, codes)), sheet_name=None)
    assert list(old_book) == list(new_book)
    for sheet in old_book:
        pd.testing.assert_frame_equal(old_book[sheet], new_book[sheet])
