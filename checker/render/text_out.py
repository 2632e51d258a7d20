"""Plain-text report for the terminal."""

from __future__ import annotations

from spacy.tokens import Doc

from checker.checks.engine import SEVERITY_NAMES
from checker.doc import LABEL_NAMES, needs_review, notes, paragraphs
from checker.read.year import SOURCES
from checker.summary import ReportSummary


def render_text(doc: Doc, summary: ReportSummary | None = None, sentences: bool = False) -> str:
    """The figures, flags and verdict; with `sentences`, first every sentence with its label."""
    summary = summary or ReportSummary.of(doc)
    f = doc._.figures
    lines = [
        f"文件：{summary.file}",
        f"字数：{f.chars}（汉字、字母和数字；含标点 {f.chars_with_punct}）",
        "篇幅占比（全文）：" + "，".join(f"{LABEL_NAMES[k]} {v:.0%}" for k, v in f.shares.items()),
        _key_figures(f.values),
        f"报告年度：{doc._.year}（{SOURCES[doc._.year_source]}）" if doc._.year else
        "报告年度：未能确定（可用 --year 指定；不检查过时提法）",
    ]
    lines += [f"提示：{note}" for note in notes(doc)]
    review = sum(needs_review(s) for s in doc.sents)
    if review:
        lines.append(f"待人工复核的句子：{review} 句（分类把握不足）")
    if summary.flags:
        lines.append("问题清单：")
        for flag in summary.flags:
            where = f"（{'；'.join(place(doc, p) for p in flag.paragraphs[:5])}{' 等' if len(flag.paragraphs) > 5 else ''}）" \
                if flag.paragraphs else ""
            lines.append(f"  [{SEVERITY_NAMES[flag.severity]}] {flag.name or flag.code}（{flag.code}）：{flag.message}{where}")
            lines += _replacements(doc, flag)
            if flag.suggestion:
                lines.append(f"      建议：{flag.suggestion}")
    else:
        lines.append("未发现问题。")
    lines.append(f"结论：{summary.verdict_text}")
    if summary.fix_first:
        lines.append("优先修改：" + "；".join(summary.fix_first))
    return "\n".join((_labelled_sentences(doc) if sentences else []) + lines)


QUOTE_CHARS = 12
REPLACEMENTS = 5  # evidence lines with their replacement shown per flag


def _replacements(doc: Doc, flag) -> list[str]:
    """'      …认真【布署】年度… → 部署（第 5 段）' for the first evidence that has a replacement."""
    found = [e for e in flag.evidence if e.replacement]
    sentences = list(doc.sents)
    lines = []
    for e in found[:REPLACEMENTS]:
        text = sentences[e.sentence].text
        before, after = text[max(0, e.start - QUOTE_CHARS):e.start], text[e.end:e.end + QUOTE_CHARS]
        lines.append(f"      {'…' if e.start > QUOTE_CHARS else ''}{before}【{e.text}】{after}"
                     f"{'…' if e.end + QUOTE_CHARS < len(text) else ''} → {e.replacement}"
                     f"（{_number(doc, sentences[e.sentence]._.paragraph)}）")
    if len(found) > REPLACEMENTS:
        lines.append(f"      ……共 {len(found)} 处")
    return lines


def place(doc: Doc, index: int) -> str:
    """Where a paragraph is, as a person finds it in Word: its paragraph number there and its first words."""
    text = doc._.source.blocks[index].text
    return f"{_number(doc, index)}「{text[:QUOTE_CHARS]}{'…' if len(text) > QUOTE_CHARS else ''}」"


def _number(doc: Doc, index: int) -> str:
    return f"第 {doc._.source.blocks[index].number or index + 1} 段"


def quiet_line(doc: Doc) -> str:
    """One line per file for scripts: the file, the verdict and how many problems of each severity."""
    summary = ReportSummary.of(doc)
    counts = "，".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in _severity_counts(summary.flags).items() if n)
    return f"{summary.file}：{summary.verdict_text}" + (f"（{counts}）" if counts else "")


def _severity_counts(flags) -> dict:
    counts = dict.fromkeys(SEVERITY_NAMES, 0)
    for flag in flags:
        counts[flag.severity] += 1
    return counts


def _labelled_sentences(doc: Doc) -> list[str]:
    """Paragraph by paragraph, each sentence behind its label; 【？】 marks a sentence for human review."""
    lines = []
    for index, paragraph in enumerate(paragraphs(doc)):
        parts = [f"【{LABEL_NAMES[s._.label]}{'？' if needs_review(s) else ''}】{s.text}" for s in paragraph.sents]
        lines.append(f"{index + 1:>3}  " + "".join(parts))
    return lines + [""]


def _key_figures(values: dict) -> str:
    """The figures the checks judge (see checker/measure/signals.py)."""
    parts = [f"数据 {values['data_points']} 处",
             f"具体事例 {values['examples']} 个",
             f"第一人称 {values['first_person_sentences']} 句（本人履职 {values['first_person_acts']} 句）",
             f"套话每千字 {values['empty_words_per_1000']} 处"]
    if values.get("topics_total"):
        parts.append(f"内容要点 {values['topics_covered']}/{values['topics_total']} 项")
    return "要点数据：" + "，".join(parts)
