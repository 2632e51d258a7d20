"""The cohort workbook as an auditor's file: Chinese headers, bold frozen filtered headers on every sheet, widths
that fit, 结论 coloured, 优先修改 and 问题数, the sheet 常见问题, links from 问题清单 to 汇总."""

import io
import re

import openpyxl
import pandas as pd
import pytest

from checker.checks.engine import Flag, Severity, Verdict
from checker.render import excel_out
from checker.render.excel_out import VERDICT_FILLS, workbook_bytes
from checker.summary import ReportSummary

NAMES = {"ACHIEVEMENT_SHARE": "成绩篇幅", "EMPTY_WORDS": "套话", "SIMILAR_TO": "雷同"}


def report(file: str, verdict: Verdict, *flags: Flag) -> ReportSummary:
    return ReportSummary(file=file, title=f"{file} 述职报告", author="某村党支部书记", chars=1800,
                         shares={"achievement": 0.5, "problem": 0.2, "plan": 0.2, "other": 0.1},
                         body_shares={"achievement": 0.55, "problem": 0.22, "plan": 0.23}, flags=list(flags),
                         verdict=verdict, fix_first=[f"{f.name}：{f.suggestion}" for f in flags][:2])


@pytest.fixture(scope="module")
def results():
    share = Flag("ACHIEVEMENT_SHARE", Severity.error, "成绩部分占全文 50%", [3, 4], name="成绩篇幅", suggestion="压缩成绩")
    words = Flag("EMPTY_WORDS", Severity.warning, "套话偏多", [5], name="套话", suggestion="删去套话")
    copy = Flag("SIMILAR_TO", Severity.warning, "与 乙.docx 雷同", [2], name="雷同", other="乙.docx", share=0.9)
    own = Flag("NEW_RULE", Severity.info, "新检查", [1], name="新检查项")
    return [report("甲.docx", Verdict.RETURN, share, words, copy), report("乙.docx", Verdict.REVISE, copy),
            report("丙.docx", Verdict.PASS, own), ReportSummary.unreadable("坏.docx", "文件已损坏")]


@pytest.fixture(scope="module")
def book(results):
    common = [("理论学习不够深入", 3), ("调研不够深入", ["甲.docx", "乙.docx"])]
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(results, NAMES, common_problems=common)))


def headers(sheet, row: int = 1) -> list:
    return [c.value for c in sheet[row] if c.value is not None]


def test_sheets_and_chinese_headers_with_flag_names_not_codes(book):
    assert book.sheetnames == ["汇总", "问题清单", "总体情况", "常见问题"]
    summary = headers(book["汇总"])
    assert summary[:6] == ["文件", "单位/述职人", "结论", "问题数", "优先修改", "字数"]
    assert {"成绩篇幅", "套话", "雷同", "新检查项"} <= set(summary)
    for sheet in book.worksheets:
        cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
        assert not [v for v in cells if re.fullmatch(r"[A-Z][A-Z_]+", v)], sheet.title
    assert headers(book["问题清单"])[:2] == ["文件", "检查项"]


def test_every_sheet_has_a_bold_frozen_filtered_header(book):
    for sheet in book.worksheets:
        assert sheet.freeze_panes, sheet.title
        assert sheet.auto_filter.ref, sheet.title
        header_row = int(re.match(r"[A-Z]+(\d+)", sheet.auto_filter.ref).group(1))
        assert all(c.font.bold for c in sheet[header_row] if c.value is not None), sheet.title
    assert book["汇总"].freeze_panes == "B2" and book["汇总"].auto_filter.ref.startswith("A1:")
    assert book["总体情况"]["A1"].value.startswith("总体情况：共 4 份报告")


def test_columns_fit_and_long_text_wraps(book):
    sheet = book["汇总"]
    widths = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[1]}
    assert widths["文件"] >= 8 and widths["单位/述职人"] >= 14 and all(w <= 60 for w in widths.values())
    fix = next(c for c in sheet[1] if c.value == "优先修改").column
    assert sheet.cell(row=2, column=fix).alignment.wrap_text


def test_verdicts_are_coloured_and_counted(book, results):
    sheet = book["汇总"]
    column = headers(sheet).index("结论") + 1
    fills = {sheet.cell(row=r, column=column).value: sheet.cell(row=r, column=column).fill.fgColor.rgb
             for r in range(2, 6)}
    assert {v: rgb[-6:] for v, rgb in fills.items()} == {v: VERDICT_FILLS[v].lstrip("#").upper() for v in fills}
    assert len(set(fills.values())) == 4
    frame = pd.read_excel(io.BytesIO(workbook_bytes(results, NAMES)), sheet_name="汇总")
    assert list(frame["问题数"].fillna(-1)) == [3, 1, 1, -1]
    assert frame["优先修改"][0] == "成绩篇幅：压缩成绩\n套话：删去套话"
    assert list(frame["雷同"].fillna(0)) == [1, 1, 0, 0]


def test_flag_rows_link_to_their_report_in_the_summary(book):
    sheet = book["问题清单"]
    links = [(sheet.cell(row=r, column=1).value, sheet.cell(row=r, column=1).hyperlink.location)
             for r in range(2, sheet.max_row + 1)]
    assert links == [("甲.docx", "'汇总'!A2"), ("甲.docx", "'汇总'!A2"), ("甲.docx", "'汇总'!A2"),
                     ("乙.docx", "'汇总'!A3"), ("丙.docx", "'汇总'!A4")]


def test_common_problems_sheet_from_the_list_given(book):
    rows = list(book["常见问题"].iter_rows(values_only=True))
    assert rows[0] == ("问题表述", "报告数", "占比", "涉及报告")
    assert rows[1] == ("理论学习不够深入", 3, 1.0, None)
    assert rows[2][:2] == ("调研不够深入", 2) and rows[2][3] == "乙.docx、甲.docx"
    assert book["常见问题"]["C2"].number_format == "0.0%"


def test_old_callers_still_work(results):
    sheets = pd.read_excel(io.BytesIO(workbook_bytes(results, ["ACHIEVEMENT_SHARE"], "body")), sheet_name=None)
    assert list(sheets) == ["汇总", "问题清单", "总体情况"]  # no 常见问题 unless given
    assert "成绩篇幅" in sheets["汇总"].columns and list(sheets["汇总"]["成绩占比"][:3]) == [0.55] * 3


def test_flag_rows_past_excels_limit_of_links_are_plain(results, monkeypatch):
    monkeypatch.setattr(excel_out, "MAX_LINKS", 2)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(results, NAMES)))["问题清单"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, sheet.max_row + 1)]
    assert [c.value for c in cells] == ["甲.docx", "甲.docx", "甲.docx", "乙.docx", "丙.docx"]
    assert [bool(c.hyperlink) for c in cells] == [True, True, False, False, False]


def test_the_workbook_reads_its_rows_once_as_they_come(results, tmp_path):
    """write_workbook streams: a generator of the rows is enough, and the file is the one workbook_bytes makes."""
    names = excel_out.flag_names(excel_out.own_names(f for r in results for f in r.flags), NAMES)
    path = tmp_path / "streamed.xlsx"
    excel_out.write_workbook(str(path), (r for r in results), names)
    streamed = pd.read_excel(path, sheet_name=None)
    whole = pd.read_excel(io.BytesIO(workbook_bytes(results, NAMES)), sheet_name=None)
    assert list(streamed) == list(whole) == ["汇总", "问题清单", "总体情况"]
    for name in whole:
        pd.testing.assert_frame_equal(streamed[name], whole[name])
