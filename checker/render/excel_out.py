"""Excel workbook of a cohort (pandas + openpyxl): sheets 汇总, 问题清单 and 总体情况.

Used by `shuzhi batch` and by the web page for several uploads. Input: one ReportSummary per report (an
unreadable file is a summary with its error).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from checker.checks.engine import SEVERITY_NAMES, Verdict
from checker.checks.kinds import SHARE_KEYS
from checker.doc import LABEL_NAMES
from checker.summary import ReportSummary

VERDICTS = tuple(v.value for v in Verdict)
SUMMARY, FLAGS, COHORT = "汇总", "问题清单", "总体情况"
SHARES = {f"{LABEL_NAMES[k]}占比": k for k in ("achievement", "problem", "plan")}
STATUS_OK, STATUS_ERROR = "已检查", "错误"
SHARE_BINS = [i / 10 for i in range(11)]
LENGTH_BINS = [0, 500, 1000, 1500, 2000, 2500, 3000, 4000, float("inf")]
PERCENT_COLUMNS = {*SHARES, "共同比例", "占已检查比例"}
STATISTICS = {"count": "数量", "mean": "平均", "std": "标准差", "min": "最小", "25%": "25%分位", "50%": "中位数",
              "75%": "75%分位", "max": "最大"}


def workbook_bytes(results: Iterable[ReportSummary], flag_codes: Sequence[str] | Mapping[str, str] = (),
                   basis: str = "total") -> bytes:
    """The .xlsx file as bytes, rows in the order given.

    results: one summary per report.
    flag_codes: codes that get a column in 汇总 even when no report has them, in this order (e.g. the
    profile's rules); a mapping code -> Chinese name also names them in 总体情况. Codes found in the results
    but not listed get columns after them, sorted.
    basis: the shares shown, as the profile's ACHIEVEMENT_SHARE reads them (total: of the whole text; body).
    """
    results = list(results)
    names = dict(flag_codes) if isinstance(flag_codes, Mapping) else {c: c for c in flag_codes}
    for code in sorted({f.code for r in results for f in r.flags} - set(names)):
        names[code] = code
    summary, flags = summary_frame(results, list(names), basis), flags_frame(results)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        summary.to_excel(writer, sheet_name=SUMMARY, index=False)
        flags.to_excel(writer, sheet_name=FLAGS, index=False)
        _percent(writer.book[SUMMARY], summary, 1, False)
        _percent(writer.book[FLAGS], flags, 1, False)
        row = 1
        for title, table, index in cohort_tables(summary, results, names):
            table.to_excel(writer, sheet_name=COHORT, startrow=row, index=index)
            writer.book[COHORT].cell(row=row, column=1, value=title)
            _percent(writer.book[COHORT], table, row + 1, index)
            row += len(table) + 4
        _layout(writer.book)
    return buffer.getvalue()


def summary_frame(results: list[ReportSummary], codes: list[str], basis: str = "total") -> pd.DataFrame:
    rows = []
    for r in results:
        counts = {code: sum(f.code == code for f in r.flags) or None for code in codes}
        shares = getattr(r, SHARE_KEYS[basis])
        rows.append({
            "文件": r.file, "单位/述职人": r.author, "标题": r.title, "字数": r.chars if r.checked else None,
            **{column: shares.get(key) for column, key in SHARES.items()},
            **counts,
            "结论": r.verdict_text, "状态": STATUS_OK if r.checked else STATUS_ERROR, "原因": r.error,
        })
    columns = ["文件", "单位/述职人", "标题", "字数", *SHARES, *codes, "结论", "状态", "原因"]
    return pd.DataFrame(rows, columns=columns)


def flags_frame(results: list[ReportSummary]) -> pd.DataFrame:
    rows = [{"文件": r.file, "代码": f.code, "级别": SEVERITY_NAMES[f.severity], "说明": f.message,
             "建议": f.suggestion, "段落": "、".join(str(p + 1) for p in f.paragraphs),
             "相关文件": f.other, "共同比例": f.share}
            for r in results for f in r.flags]
    return pd.DataFrame(rows, columns=["文件", "代码", "级别", "说明", "建议", "段落", "相关文件", "共同比例"])


def cohort_tables(summary: pd.DataFrame, results: list[ReportSummary], names: dict[str, str]):
    """(title, table, write_index) for the 总体情况 sheet."""
    checked = summary[summary["状态"] == STATUS_OK]
    overview = pd.DataFrame({"项目": ["报告总数", "已检查", "无法读取", *VERDICTS],
                             "数量": [len(summary), len(checked), len(summary) - len(checked),
                                      *((checked["结论"] == v).sum() for v in VERDICTS)]})
    severity = {f.code: SEVERITY_NAMES[f.severity] for r in results for f in r.flags}
    per_flag = pd.DataFrame({
        "代码": list(names), "名称": list(names.values()), "级别": [severity.get(c, "") for c in names],
        "报告数": [int(checked[c].notna().sum()) for c in names],
        "占已检查比例": [checked[c].notna().sum() / len(checked) if len(checked) else 0.0 for c in names],
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


def _layout(book) -> None:
    """Column widths; a frozen header and a filter on 汇总."""
    for sheet in book.worksheets:
        for column in sheet.columns:
            width = max((len(str(c.value)) for c in column if c.value is not None), default=4)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width * 1.6, 8), 60)
    summary = book[SUMMARY]
    summary.freeze_panes = "B2"
    summary.auto_filter.ref = summary.dimensions
