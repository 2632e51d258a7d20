"""Excel workbook of a cohort (pandas + openpyxl), an auditor's file: sheets 汇总, 问题清单, 总体情况 and, when
given, 常见问题.

Used by `shuzhi batch` and by the web page for several uploads. Input: one ReportSummary per report (an
unreadable file is a summary with its error). Every sheet has a bold, frozen header with a filter; flags are
named in Chinese; 结论 is coloured; each row of 问题清单 links to its report's row in 汇总.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from checker.checks.engine import SEVERITY_NAMES, Verdict
from checker.checks.kinds import SHARE_KEYS
from checker.doc import LABEL_NAMES
from checker.summary import UNREADABLE, ReportSummary

VERDICTS = tuple(v.value for v in Verdict)
SUMMARY, FLAGS, COHORT, COMMON = "汇总", "问题清单", "总体情况", "常见问题"
SHARES = {f"{LABEL_NAMES[k]}占比": k for k in ("achievement", "problem", "plan")}
STATUS_OK, STATUS_ERROR = "已检查", "错误"
SHARE_BINS = [i / 10 for i in range(11)]
LENGTH_BINS = [0, 500, 1000, 1500, 2000, 2500, 3000, 4000, float("inf")]
PERCENT_COLUMNS = {*SHARES, "共同比例", "占已检查比例", "占比"}
WRAPPED = {"优先修改", "说明", "建议", "原因", "问题表述", "标题", "涉及报告"}  # long text: wrapped, not wider
STATISTICS = {"count": "数量", "mean": "平均", "std": "标准差", "min": "最小", "25%": "25%分位", "50%": "中位数",
              "75%": "75%分位", "max": "最大"}
# Okabe–Ito tints (the verdict is written in the cell too): 通过 blue, 建议修改 yellow, 退回修改 vermillion
VERDICT_FILLS = {"通过": "#d4e9f7", "建议修改": "#f9f2b3", "退回修改": "#f4c7ae", "非述职报告": "#ebd1e0",
                 UNREADABLE: "#e0e0e0"}
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
MAX_WIDTH, WRAP_WIDTH = 60, 48


def workbook_bytes(results: Iterable[ReportSummary], flag_codes: Sequence[str] | Mapping[str, str] = (),
                   basis: str = "total", common_problems: Sequence[tuple[str, object]] | None = None) -> bytes:
    """The .xlsx file as bytes, rows in the order given.

    results: one summary per report.
    flag_codes: codes that get a column in 汇总 even when no report has them, in this order (e.g. the
    profile's rules); a mapping code -> Chinese name names them (else each flag's own name). Codes found in the
    results but not listed get columns after them, sorted.
    basis: the shares shown, as the profile's ACHIEVEMENT_SHARE reads them (total: of the whole text; body).
    common_problems: (problem statement, reports) most shared across the cohort, most shared first, as
    checker.cohort.similarity.Cohort.common_problems() gives them; reports is a count or a list of file
    names. When given (even empty), the sheet 常见问题 lists them.
    """
    results = list(results)
    names = flag_names(results, flag_codes)
    summary, flags = summary_frame(results, names, basis), flags_frame(results, names)
    tables = {SUMMARY: (summary, "B2"), FLAGS: (flags, "A2")}
    if common_problems is not None:
        tables[COMMON] = (common_frame(common_problems, int((summary["状态"] == STATUS_OK).sum())), "A2")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, (table, _) in tables.items():
            table.to_excel(writer, sheet_name=sheet, index=False)
        _cohort_sheet(writer, summary, results, names)
        for sheet, (table, freeze) in tables.items():
            _percent(writer.book[sheet], table, 1, False)
            _table_layout(writer.book[sheet], table, 1, freeze)
        _verdict_colours(writer.book[SUMMARY], summary)
        _links_to_summary(writer.book[FLAGS], flags, summary)
    return buffer.getvalue()


def flag_names(results: list[ReportSummary], flag_codes: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """Code -> the unique Chinese header of its column: the given name, else the flag's own, else the code."""
    own = {f.code: f.name for r in results for f in r.flags if f.name}
    given = dict(flag_codes) if isinstance(flag_codes, Mapping) else {c: "" for c in flag_codes}
    codes = list(given) + sorted({f.code for r in results for f in r.flags} - set(given))
    taken = {"文件", "单位/述职人", "标题", "字数", "结论", "问题数", "优先修改", "状态", "原因", *SHARES}
    names = {}
    for code in codes:
        name = (given.get(code) if given.get(code) not in (None, "", code) else "") or own.get(code) or code
        while name in taken:
            name += "（检查）"
        names[code] = name
        taken.add(name)
    return names


def summary_frame(results: list[ReportSummary], names: Mapping[str, str] | Sequence[str],
                  basis: str = "total") -> pd.DataFrame:
    names = dict(names) if isinstance(names, Mapping) else {c: c for c in names}
    rows = []
    for r in results:
        shares = getattr(r, SHARE_KEYS[basis])
        rows.append({
            "文件": r.file, "单位/述职人": r.author, "结论": r.verdict_text,
            "问题数": len(r.flags) if r.checked else None, "优先修改": "\n".join(r.fix_first),
            "字数": r.chars if r.checked else None,
            **{column: shares.get(key) for column, key in SHARES.items()},
            **{name: sum(f.code == code for f in r.flags) or None for code, name in names.items()},
            "标题": r.title, "状态": STATUS_OK if r.checked else STATUS_ERROR, "原因": r.error,
        })
    columns = ["文件", "单位/述职人", "结论", "问题数", "优先修改", "字数", *SHARES, *names.values(), "标题", "状态", "原因"]
    return pd.DataFrame(rows, columns=columns)


def flags_frame(results: list[ReportSummary], names: Mapping[str, str] | None = None) -> pd.DataFrame:
    names = names or {}
    rows = [{"文件": r.file, "检查项": names.get(f.code) or f.name or f.code, "级别": SEVERITY_NAMES[f.severity],
             "说明": f.message, "建议": f.suggestion, "段落": "、".join(str(p + 1) for p in f.paragraphs),
             "相关文件": f.other, "共同比例": f.share}
            for r in results for f in r.flags]
    return pd.DataFrame(rows, columns=["文件", "检查项", "级别", "说明", "建议", "段落", "相关文件", "共同比例"])


def common_frame(common: Sequence[tuple[str, object]], checked: int) -> pd.DataFrame:
    """常见问题: each shared statement, how many reports use it, their share of the checked ones (and which)."""
    rows = []
    for statement, reports in common:
        listed = isinstance(reports, (list, tuple, set, frozenset))
        count = len(reports) if listed else int(reports)
        rows.append({"问题表述": statement, "报告数": count, "占比": count / checked if checked else None,
                     "涉及报告": "、".join(sorted(reports)) if listed else ""})
    return pd.DataFrame(rows, columns=["问题表述", "报告数", "占比", "涉及报告"])


def cohort_tables(summary: pd.DataFrame, results: list[ReportSummary], names: dict[str, str]):
    """(title, table, write_index) for the 总体情况 sheet; the second (各项检查) gets the sheet's filter."""
    checked = summary[summary["状态"] == STATUS_OK]
    overview = pd.DataFrame({"项目": ["报告总数", "已检查", "无法读取", *VERDICTS],
                             "数量": [len(summary), len(checked), len(summary) - len(checked),
                                      *((checked["结论"] == v).sum() for v in VERDICTS)]})
    severity = {f.code: SEVERITY_NAMES[f.severity] for r in results for f in r.flags}
    per_flag = pd.DataFrame({
        "检查项": list(names.values()), "级别": [severity.get(c, "") for c in names],
        "报告数": [int(checked[n].notna().sum()) for n in names.values()],
        "占已检查比例": [checked[n].notna().sum() / len(checked) if len(checked) else 0.0 for n in names.values()],
    })
    measured = checked[["字数", *SHARES]].astype(float)
    spread = measured.describe().rename(index=STATISTICS)
    spread.index.name = "统计量"
    share_bins = pd.DataFrame({column: pd.cut(measured[column], SHARE_BINS, include_lowest=True)
                              .value_counts(sort=False).to_numpy() for column in SHARES},
                              index=[f"{a:.0%}–{b:.0%}" for a, b in zip(SHARE_BINS, SHARE_BINS[1:])])
    share_bins.index.name = "占比区间"
    lengths = pd.cut(measured["字数"], LENGTH_BINS, right=False).value_counts(sort=False)
    length_bins = pd.DataFrame({"字数区间": [_length_label(a, b) for a, b in zip(LENGTH_BINS, LENGTH_BINS[1:])],
                                "报告数": lengths.to_numpy()})
    return [("概况", overview, False), ("各项检查", per_flag, False), ("字数与篇幅占比", spread, True),
            ("篇幅占比分布（报告数）", share_bins, True), ("字数分布", length_bins, False)]


def _cohort_sheet(writer, summary: pd.DataFrame, results: list[ReportSummary], names: dict[str, str]) -> None:
    """Stacked tables under a frozen title row; each table's header bold, the per-flag table filtered."""
    checked = int((summary["状态"] == STATUS_OK).sum())
    sheet = writer.book.create_sheet(COHORT, index=2)
    sheet.cell(row=1, column=1, value=f"总体情况：共 {len(summary)} 份报告，已检查 {checked} 份").font = Font(bold=True,
                                                                                                size=13)
    sheet.freeze_panes = "A2"
    row = 3
    for number, (title, table, index) in enumerate(cohort_tables(summary, results, names)):
        sheet.cell(row=row, column=1, value=title).font = Font(bold=True, size=12)
        table.to_excel(writer, sheet_name=COHORT, startrow=row, index=index)
        _percent(sheet, table, row + 1, index)
        width = len(table.columns) + (1 if index else 0)
        for column in range(1, width + 1):
            _header(sheet.cell(row=row + 1, column=column))
        if number == 1:
            sheet.auto_filter.ref = f"A{row + 1}:{get_column_letter(width)}{row + 1 + len(table)}"
        row += len(table) + 4
    _widths(sheet, set())


def _length_label(low: float, high: float) -> str:
    return f"{int(low)} 字以上" if high == float("inf") else f"{int(low)}–{int(high) - 1} 字"


def _percent(sheet, table: pd.DataFrame, header_row: int, index: bool) -> None:
    """Show share columns of a table written at header_row (1-based) as percentages (not its count row)."""
    for position, column in enumerate(table.columns, start=2 if index else 1):
        if column not in PERCENT_COLUMNS:
            continue
        for offset, label in enumerate(table.index, start=1):
            if label != STATISTICS["count"]:
                sheet.cell(row=header_row + offset, column=position).number_format = "0.0%"


def _header(cell) -> None:
    cell.font, cell.fill = Font(bold=True), HEADER_FILL
    cell.alignment = Alignment(vertical="center", wrap_text=True)


def _table_layout(sheet, table: pd.DataFrame, header_row: int, freeze: str) -> None:
    """A sheet holding one table: bold frozen header, a filter over the table, widths, long text wrapped."""
    for column in range(1, len(table.columns) + 1):
        _header(sheet.cell(row=header_row, column=column))
    sheet.freeze_panes = freeze
    last = get_column_letter(max(len(table.columns), 1))
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + len(table)}"
    wrapped = {i for i, name in enumerate(table.columns, start=1) if name in WRAPPED}
    for column in wrapped:
        for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _widths(sheet, wrapped)


def _display_width(value) -> int:
    """Columns a value takes in Excel's default font: CJK and full-width characters count two."""
    text = f"{value:.1%}" if isinstance(value, float) else str(value)
    lines = text.split("\n")
    return max(sum(2 if re.match(r"[\u1100-\uffff]", ch) else 1 for ch in line) for line in lines)


def _widths(sheet, wrapped: set[int]) -> None:
    for cells in sheet.iter_cols():
        column = cells[0].column
        width = max((_display_width(c.value) for c in cells if c.value is not None), default=4) + 2
        cap = WRAP_WIDTH if column in wrapped else MAX_WIDTH
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), cap)


def _verdict_colours(sheet, summary: pd.DataFrame) -> None:
    column = list(summary.columns).index("结论") + 1
    for offset, verdict in enumerate(summary["结论"], start=2):
        fill = VERDICT_FILLS.get(verdict)
        if fill:
            cell = sheet.cell(row=offset, column=column)
            cell.fill = PatternFill("solid", fgColor=fill.lstrip("#").upper())
            cell.font = Font(bold=verdict != "通过")


def _links_to_summary(sheet, flags: pd.DataFrame, summary: pd.DataFrame) -> None:
    """The 文件 cell of each 问题清单 row links to that report's row in 汇总."""
    rows = {file: row for row, file in enumerate(summary["文件"], start=2)}
    for offset, file in enumerate(flags["文件"], start=2):
        if file in rows:
            cell = sheet.cell(row=offset, column=1)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{SUMMARY}'!A{rows[file]}",
                                       tooltip="转到汇总表中的这份报告")
            cell.style = "Hyperlink"
