"""Excel workbook of a cohort, an auditor's file: sheets 汇总, 问题清单, 总体情况 and, when given, 常见问题.

Used by `shuzhi batch` and by the web page for several uploads. Input: one ReportSummary per report (an
unreadable file is a summary with its error). Every sheet has a bold, frozen header with a filter; flags are
named in Chinese; 结论 is coloured; each row of 问题清单 links to its report's row in 汇总 (the first
MAX_LINKS rows: Excel's limit of links per sheet).

The workbook is written with xlsxwriter in constant-memory mode: each row goes to a temporary file as it is
made, strings inline (no shared-strings table), so write_workbook reads the summaries once, as they come (a
batch reads them back from its journal), and holds none of them; column widths and filters, which the file
stores before the rows, are set once all rows are written. 总体情况 is made of running counts and the 字数
and shares of each checked report (four numbers a report); its tables are small (pandas).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO

import pandas as pd
import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name

from checker.checks.engine import SEVERITY_NAMES, Flag, Verdict
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
HEADER = {"bold": True, "pattern": 1, "bg_color": "#E8E8E8", "valign": "vcenter", "text_wrap": True}
WRAP = {"text_wrap": True, "valign": "top"}
PERCENT = {"num_format": "0.0%"}
LINK_TIP = "转到汇总表中的这份报告"
MAX_WIDTH, WRAP_WIDTH = 60, 48
DIGIT_PIXELS = 7  # a character of column width in Excel's default font, as xlsxwriter counts it
MAX_LINKS = 65_530  # links per sheet Excel opens (xlsxwriter drops the cells beyond)
BOOK_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


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
    own = own_names(f for r in results for f in r.flags)
    buffer = io.BytesIO()
    write_workbook(buffer, results, flag_names(own, flag_codes), basis, common_problems)
    return buffer.getvalue()


def write_workbook(target: str | BinaryIO, results: Iterable[ReportSummary], names: Mapping[str, str],
                   basis: str = "total", common_problems: Sequence[tuple[str, object]] | None = None) -> None:
    """The workbook into `target` (a path or a binary file), reading `results` once; `names` (flag code -> the
    header of its column, see flag_names) must cover every flag of the results. OSError when it cannot be
    written. The other arguments as for workbook_bytes."""
    book = xlsxwriter.Workbook(target, BOOK_OPTIONS)
    styles = _Styles(book)
    summary = _Table(book.add_worksheet(SUMMARY), summary_columns(names), "B2", styles)
    flags = _Table(book.add_worksheet(FLAGS), FLAG_COLUMNS, "A2", styles)
    tally = _Tally(names, basis)
    for row, r in enumerate(results, start=2):
        summary.append(summary_row(r, names, basis))
        for values in flag_rows(r, names):
            flags.append(values, link=f"internal:'{SUMMARY}'!A{row}")
        tally.add(r)
    summary.close()
    flags.close()
    _cohort_sheet(book.add_worksheet(COHORT), tally, styles)
    if common_problems is not None:
        common = _Table(book.add_worksheet(COMMON), COMMON_COLUMNS, "A2", styles)
        for values in _values(common_frame(common_problems, tally.checked)):
            common.append(values)
        common.close()
    try:
        book.close()
    except FileCreateError as exc:  # xlsxwriter's wrapper of the OSError
        raise exc.args[0] from None


def own_names(flags: Iterable[Flag], names: dict[str, str] | None = None) -> dict[str, str]:
    """Code -> the flag's own name (the last one given, else "") of these flags, added to `names` if given."""
    names = {} if names is None else names
    for f in flags:
        if f.name or f.code not in names:
            names[f.code] = f.name
    return names


def flag_names(own: Mapping[str, str], flag_codes: Sequence[str] | Mapping[str, str]) -> dict[str, str]:
    """Code -> the unique Chinese header of its column: the given name, else the flag's own, else the code.
    own: the codes found in the results and their own names (own_names)."""
    given = dict(flag_codes) if isinstance(flag_codes, Mapping) else {c: "" for c in flag_codes}
    codes = list(given) + sorted(set(own) - set(given))
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


def summary_row(r: ReportSummary, names: Mapping[str, str], basis: str = "total") -> list:
    """A report's row of 汇总, in summary_columns(names) order."""
    shares = getattr(r, SHARE_KEYS[basis])
    counts = Counter(f.code for f in r.flags)
    return [r.file, r.author, r.verdict_text, len(r.flags) if r.checked else None, "\n".join(r.fix_first),
            r.chars if r.checked else None, *(shares.get(key) for key in SHARES.values()),
            *(counts.get(code) for code in names), r.title, STATUS_OK if r.checked else STATUS_ERROR, r.error]


def flag_rows(r: ReportSummary, names: Mapping[str, str]) -> Iterator[list]:
    """A report's rows of 问题清单, one per flag, in FLAG_COLUMNS order."""
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


class _Tally:
    """What 总体情况 needs of the reports, added one at a time."""

    def __init__(self, names: Mapping[str, str], basis: str):
        self.names, self.basis = names, basis
        self.reports = self.checked = 0
        self.verdicts: Counter = Counter()
        self.severity: dict[str, str] = {}
        self.holders: Counter = Counter()
        self.measured: list[tuple] = []  # 字数 and shares of each checked report

    def add(self, r: ReportSummary) -> None:
        self.reports += 1
        self.severity.update((f.code, SEVERITY_NAMES[f.severity]) for f in r.flags)
        if r.checked:
            self.checked += 1
            self.verdicts[r.verdict_text] += 1
            self.holders.update({f.code for f in r.flags})
            shares = getattr(r, SHARE_KEYS[self.basis])
            self.measured.append((r.chars, *(shares.get(k) for k in SHARES.values())))

    def tables(self):
        """(title, table, write_index) for the 总体情况 sheet; the second (各项检查) gets the sheet's filter."""
        names, checked = self.names, self.checked
        overview = pd.DataFrame({"项目": ["报告总数", "已检查", "无法读取", *VERDICTS],
                                 "数量": [self.reports, checked, self.reports - checked,
                                          *(self.verdicts[v] for v in VERDICTS)]})
        per_flag = pd.DataFrame({
            "检查项": list(names.values()), "级别": [self.severity.get(c, "") for c in names],
            "报告数": [self.holders[c] for c in names],
            "占已检查比例": [self.holders[c] / checked if checked else 0.0 for c in names],
        })
        measured = pd.DataFrame(self.measured, columns=["字数", *SHARES], dtype=float)
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


class _Styles:
    """The workbook's cell formats, each made once."""

    def __init__(self, book):
        self.book, self.made = book, {}

    def __call__(self, **properties):
        key = tuple(sorted(properties.items()))
        if key not in self.made:
            self.made[key] = self.book.add_format(properties)
        return self.made[key]

    def column(self, name: str, wrapped: bool) -> dict:
        """The format of a column's cells by value (key None: any value), empty for plain cells."""
        properties = (PERCENT if name in PERCENT_COLUMNS else {}) | (WRAP if wrapped else {})
        if name == "结论":
            return {verdict: self(**properties, pattern=1, bg_color=fill, bold=verdict != "通过")
                    for verdict, fill in VERDICT_FILLS.items()}
        return {None: self(**properties)} if properties else {}


class _Table:
    """A sheet holding one table, written row by row: bold frozen header, a filter over the table, widths that
    fit (set once all rows are in), long text wrapped, shares as percentages."""

    def __init__(self, sheet, columns: list[str], freeze: str, styles: _Styles):
        self.sheet, self.columns = sheet, columns
        wrapped = {i for i, name in enumerate(columns) if name in WRAPPED}
        self.formats = [styles.column(name, i in wrapped) for i, name in enumerate(columns)]
        self.widths = _Widths(wrapped)
        self.links = 0
        sheet.freeze_panes(freeze)
        self.count = 0
        self.append(columns, header=styles(**HEADER))

    def append(self, values: list, header=None, link: str | None = None) -> None:
        """A row; `header`: the format of every cell; `link`: where its first cell links to."""
        for i, value in enumerate(values):
            if value is None:
                continue
            formats = self.formats[i]
            style = header or formats.get(value, formats.get(None))
            if i == 0 and link and self.links < MAX_LINKS:
                self.links += 1
                self.sheet.write_url(self.count, i, link, string=value, tip=LINK_TIP)
            else:
                _write(self.sheet, self.count, i, value, style)
        self.widths.add(values)
        self.count += 1

    def close(self) -> None:
        self.widths.set(self.sheet)
        self.sheet.autofilter(f"A1:{xl_col_to_name(max(len(self.columns), 1) - 1)}{self.count}")


def _cohort_sheet(sheet, tally: _Tally, styles: _Styles) -> None:
    """Stacked tables under a frozen title row; each table's header bold, the per-flag table filtered."""
    title = f"总体情况：共 {tally.reports} 份报告，已检查 {tally.checked} 份"
    lines: list[list] = [[(title, styles(bold=True, font_size=13))], []]
    for number, (caption, table, index) in enumerate(tally.tables()):
        header = ([table.index.name] if index else []) + list(table.columns)
        if number == 1:
            first = len(lines) + 2
            sheet.autofilter(f"A{first}:{xl_col_to_name(len(header) - 1)}{first + len(table)}")
        lines += [[(caption, styles(bold=True, font_size=12))], [(name, styles(**HEADER)) for name in header]]
        for label, row in zip(table.index, _values(table)):
            cells = ([label] if index else []) + row
            percent = label != STATISTICS["count"]
            lines.append([(v, styles(**PERCENT)) if percent and h in PERCENT_COLUMNS and v is not None else (v, None)
                          for h, v in zip(header, cells)])
        lines += [[], []]
    widths = _Widths(set())
    sheet.freeze_panes("A2")
    for number, line in enumerate(lines):
        for i, (value, style) in enumerate(line):
            if value is not None:
                _write(sheet, number, i, value, style)
        widths.add([value for value, _ in line])
    widths.set(sheet)


def _write(sheet, row: int, column: int, value, style) -> None:
    if value == "":
        sheet.write_blank(row, column, None, style)  # an empty cell, as openpyxl wrote it
    elif isinstance(value, str):
        sheet.write_string(row, column, value, style)
    else:
        sheet.write_number(row, column, value, style)


def _values(table: pd.DataFrame) -> list[list]:
    """A frame's rows as lists, missing values as None (an empty cell)."""
    return table.astype(object).where(table.notna(), None).values.tolist()


class _Widths:
    """The widest display width of each column over the rows added, set as the columns' widths."""

    def __init__(self, wrapped: set[int]):
        self.wrapped, self.widest = wrapped, []

    def add(self, values: list) -> None:
        widest = self.widest
        for i, value in enumerate(values):
            if value is not None:
                if i >= len(widest):
                    widest += [0] * (i + 1 - len(widest))
                widest[i] = max(widest[i], _display_width(value))

    def set(self, sheet) -> None:
        for i, width in enumerate(self.widest):
            cap = WRAP_WIDTH if i in self.wrapped else MAX_WIDTH
            sheet.set_column_pixels(i, i, min(max(width + 2, 8), cap) * DIGIT_PIXELS)


def _display_width(value) -> int:
    """Columns a value takes in Excel's default font: CJK and full-width characters count two."""
    text = f"{value:.1%}" if isinstance(value, float) else str(value)
    return max(sum(2 if 0x1100 <= ord(ch) <= 0xFFFF else 1 for ch in line) for line in text.split("\n"))


def _length_label(low: float, high: float) -> str:
    return f"{int(low)} 字以上" if high == float("inf") else f"{int(low)}–{int(high) - 1} 字"
