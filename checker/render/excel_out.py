"""Excel workbook of a cohort, an auditor's file: sheets 汇总, 问题清单, 总体情况 and, when given, 常见问题.

Used by `shuzhi batch` and by the web page for several uploads. Input: one ReportSummary per report (an
unreadable file is a summary with its error). Every sheet has a bold, frozen header with a filter; flags are
named in Chinese; 结论 is coloured; each row of 问题清单 links to its report's row in 汇总.

The workbook is written with openpyxl's write-only mode, row by row: the rows of 汇总 and 问题清单 are made
twice from the summaries (once for the column widths, once to write them) and never held as a table, so the
memory it takes does not grow with the number of reports; the 总体情况 tables are small (pandas).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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
FLAG_COLUMNS = ["文件", "检查项", "级别", "说明", "建议", "段落", "相关文件", "共同比例"]
COMMON_COLUMNS = ["问题表述", "报告数", "占比", "涉及报告"]
STATISTICS = {"count": "数量", "mean": "平均", "std": "标准差", "min": "最小", "25%": "25%分位", "50%": "中位数",
              "75%": "75%分位", "max": "最大"}
# Okabe–Ito tints (the verdict is written in the cell too): 通过 blue, 建议修改 yellow, 退回修改 vermillion
VERDICT_FILLS = {"通过": "#d4e9f7", "建议修改": "#f9f2b3", "退回修改": "#f4c7ae", "非述职报告": "#ebd1e0",
                 UNREADABLE: "#e0e0e0"}
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
WRAP_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH, WRAP_WIDTH = 60, 48
Rows = Callable[[], Iterator[list]]  # makes the rows of a sheet afresh at each call


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
    results = results if isinstance(results, list) else list(results)
    names = flag_names(results, flag_codes)
    book = Workbook(write_only=True)
    columns = summary_columns(names)
    _table_sheet(book.create_sheet(SUMMARY), columns, lambda: summary_rows(results, names, basis), "B2")
    where = {r.file: row for row, r in enumerate(results, start=2)}
    _table_sheet(book.create_sheet(FLAGS), FLAG_COLUMNS, lambda: flag_rows(results, names), "A2",
                 {"文件": lambda cell: _link(cell, where)})
    _cohort_sheet(book.create_sheet(COHORT), results, names, basis)
    if common_problems is not None:
        checked = sum(r.checked for r in results)
        common = common_frame(common_problems, checked)
        _table_sheet(book.create_sheet(COMMON), COMMON_COLUMNS,
                     lambda: iter(_values(common)), "A2")
    buffer = io.BytesIO()
    book.save(buffer)
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


def summary_columns(names: Mapping[str, str]) -> list[str]:
    return ["文件", "单位/述职人", "结论", "问题数", "优先修改", "字数", *SHARES, *names.values(), "标题", "状态", "原因"]


def summary_rows(results: list[ReportSummary], names: Mapping[str, str], basis: str = "total") -> Iterator[list]:
    """The rows of 汇总, in summary_columns(names) order."""
    for r in results:
        shares = getattr(r, SHARE_KEYS[basis])
        counts = Counter(f.code for f in r.flags)
        yield [r.file, r.author, r.verdict_text, len(r.flags) if r.checked else None, "\n".join(r.fix_first),
               r.chars if r.checked else None, *(shares.get(key) for key in SHARES.values()),
               *(counts.get(code) for code in names), r.title, STATUS_OK if r.checked else STATUS_ERROR, r.error]


def flag_rows(results: list[ReportSummary], names: Mapping[str, str]) -> Iterator[list]:
    """The rows of 问题清单, one per flag, in FLAG_COLUMNS order."""
    for r in results:
        for f in r.flags:
            yield [r.file, names.get(f.code) or f.name or f.code, SEVERITY_NAMES[f.severity], f.message,
                   f.suggestion, "、".join(str(p + 1) for p in f.paragraphs), f.other, f.share]


def common_frame(common: Sequence[tuple[str, object]], checked: int) -> pd.DataFrame:
    """常见问题: each shared statement, how many reports use it, their share of the checked ones (and which)."""
    rows = []
    for statement, reports in common:
        listed = isinstance(reports, (list, tuple, set, frozenset))
        count = len(reports) if listed else int(reports)
        rows.append({"问题表述": statement, "报告数": count, "占比": count / checked if checked else None,
                     "涉及报告": "、".join(sorted(reports)) if listed else ""})
    return pd.DataFrame(rows, columns=COMMON_COLUMNS)


def cohort_tables(results: list[ReportSummary], names: dict[str, str], basis: str = "total"):
    """(title, table, write_index) for the 总体情况 sheet; the second (各项检查) gets the sheet's filter."""
    checked = [r for r in results if r.checked]
    verdicts = Counter(r.verdict_text for r in checked)
    overview = pd.DataFrame({"项目": ["报告总数", "已检查", "无法读取", *VERDICTS],
                             "数量": [len(results), len(checked), len(results) - len(checked),
                                      *(verdicts[v] for v in VERDICTS)]})
    severity = {f.code: SEVERITY_NAMES[f.severity] for r in results for f in r.flags}
    holders = Counter(code for r in checked for code in {f.code for f in r.flags})
    per_flag = pd.DataFrame({
        "检查项": list(names.values()), "级别": [severity.get(c, "") for c in names],
        "报告数": [holders[c] for c in names],
        "占已检查比例": [holders[c] / len(checked) if checked else 0.0 for c in names],
    })
    measured = pd.DataFrame([[r.chars, *(getattr(r, SHARE_KEYS[basis]).get(k) for k in SHARES.values())]
                             for r in checked], columns=["字数", *SHARES], dtype=float)
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


def _table_sheet(sheet, columns: list[str], rows: Rows, freeze: str,
                 styles: Mapping[str, Callable] | None = None) -> None:
    """A sheet holding one table: bold frozen header, a filter over the table, widths, long text wrapped,
    shares as percentages; styles: column -> a function that styles its cells further."""
    wrapped = {i for i, name in enumerate(columns) if name in WRAPPED}
    widths, count = _measure(chain([columns], rows()))
    _set_widths(sheet, widths, wrapped)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(columns), 1))}{count}"
    sheet.append([_header(sheet, name) for name in columns])
    styled = [(i, _cell_style(name, i in wrapped, (styles or {}).get(name))) for i, name in enumerate(columns)]
    styled = [(i, style) for i, style in styled if style]
    for values in rows():
        for i, style in styled:
            if values[i] is not None:
                values[i] = style(WriteOnlyCell(sheet, value=values[i]))
        sheet.append(values)


def _cell_style(name: str, wrapped: bool, extra: Callable | None) -> Callable | None:
    """What styles a cell of column `name` (it returns the cell), or None for plain values."""
    steps = [step for step, wanted in ((extra, extra is not None), (_as_percent, name in PERCENT_COLUMNS),
                                       (_wrap, wrapped), (_verdict_colour, name == "结论")) if wanted]
    if not steps:
        return None

    def style(cell):
        for step in steps:
            step(cell)
        return cell
    return style


def _cohort_sheet(sheet, results: list[ReportSummary], names: dict[str, str], basis: str) -> None:
    """Stacked tables under a frozen title row; each table's header bold, the per-flag table filtered."""
    checked = sum(r.checked for r in results)
    lines: list[list] = [[_font(sheet, f"总体情况：共 {len(results)} 份报告，已检查 {checked} 份", 13)], []]
    for number, (caption, table, index) in enumerate(cohort_tables(results, names, basis)):
        header = ([table.index.name] if index else []) + list(table.columns)
        if number == 1:
            first = len(lines) + 2
            sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(header))}{first + len(table)}"
        lines += [[_font(sheet, caption, 12)], [_header(sheet, name) for name in header]]
        for label, row in zip(table.index, _values(table)):
            cells = ([label] if index else []) + row
            if label != STATISTICS["count"]:
                cells = [_as_percent(WriteOnlyCell(sheet, value=v)) if h in PERCENT_COLUMNS and v is not None else v
                         for h, v in zip(header, cells)]
            lines.append(cells)
        lines += [[], []]
    _set_widths(sheet, _measure(lines)[0], set())
    sheet.freeze_panes = "A2"
    for line in lines:
        sheet.append(line)


def _values(table: pd.DataFrame) -> list[list]:
    """A frame's rows as lists, missing values as None (an empty cell)."""
    return table.astype(object).where(table.notna(), None).values.tolist()


def _measure(rows: Iterable[list]) -> tuple[list[int], int]:
    """The widest display width of each column over the rows (cells or values), and the number of rows."""
    widths: list[int] = []
    count = 0
    for count, values in enumerate(rows, start=1):
        for i, value in enumerate(values):
            value = getattr(value, "value", value)
            if value is None:
                continue
            if i >= len(widths):
                widths += [0] * (i + 1 - len(widths))
            widths[i] = max(widths[i], _display_width(value))
    return widths, count


def _set_widths(sheet, widths: list[int], wrapped: set[int]) -> None:
    """Column widths, set before the first row is written (write-only sheets write them first)."""
    for i, width in enumerate(widths):
        cap = WRAP_WIDTH if i in wrapped else MAX_WIDTH
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(width + 2, 8), cap)


def _display_width(value) -> int:
    """Columns a value takes in Excel's default font: CJK and full-width characters count two."""
    text = f"{value:.1%}" if isinstance(value, float) else str(value)
    return max(sum(2 if 0x1100 <= ord(ch) <= 0xFFFF else 1 for ch in line) for line in text.split("\n"))


def _length_label(low: float, high: float) -> str:
    return f"{int(low)} 字以上" if high == float("inf") else f"{int(low)}–{int(high) - 1} 字"


def _header(sheet, name):
    cell = WriteOnlyCell(sheet, value=name)
    cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
    return cell


def _font(sheet, value: str, size: int):
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True, size=size)
    return cell


def _as_percent(cell):
    cell.number_format = "0.0%"
    return cell


def _wrap(cell) -> None:
    cell.alignment = WRAP_ALIGNMENT


def _verdict_colour(cell) -> None:
    fill = VERDICT_FILLS.get(cell.value)
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill.lstrip("#").upper())
        cell.font = Font(bold=cell.value != "通过")


def _link(cell, rows: Mapping[str, int]) -> None:
    """The 文件 cell of a 问题清单 row links to that report's row in 汇总."""
    if cell.value in rows:
        cell.hyperlink = Hyperlink(ref="", location=f"'{SUMMARY}'!A{rows[cell.value]}", tooltip="转到汇总表中的这份报告")
        cell.style = "Hyperlink"
