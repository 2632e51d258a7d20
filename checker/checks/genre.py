"""NOT_A_REPORT: a document that is not a 述职报告 at all (a note, a notice, a unit's work summary, a
self-examination, a speech). It is a gate: when it fires, the other rules are not applied, their flags would
make no sense."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, RuleConfig, rule

GENRES = {"notice": "通知、通报或方案", "summary": "单位的工作总结", "selfexam": "对照检查或检视剖析材料",
          "speech": "讲话、心得体会或调研报告"}


class NotAReportConfig(RuleConfig):
    min_chars: int = Field(ge=0)  # shorter documents are too short to be a report
    head_paragraphs: int = Field(ge=1)  # where the title of the genre is looked for

    GATE: ClassVar[bool] = True
    FIELDS: ClassVar = {"chars": 7, "min_chars": 150, "genre": "通知", "reason": "篇幅过短"}
    LEXICONS: ClassVar = ("report_markers", "notice_markers", "summary_markers", "selfexam_markers",
                          "speech_markers")


@rule("NOT_A_REPORT", NotAReportConfig)
def not_a_report(report, scope, config: NotAReportConfig, context):
    """Too short to be a report; or the title of another genre with nothing of a 述职 (述职, 请予评议…); or no
    first person and neither problems nor plans."""
    lexicons = context.lexicons
    chars = report.figures.chars
    texts = [i.text for i in report.sentences]
    head = "".join(report.doc._.source.blocks[i].text for i in range(min(config.head_paragraphs,
                                                                          len(report.doc._.source.blocks))))
    values = {"chars": chars, "min_chars": config.min_chars, "genre": "", "reason": ""}
    if chars < config.min_chars:
        return Finding(values | {"reason": f"只有 {chars} 字，篇幅过短"}, [])
    if any(lexicons.has("report_markers", t) for t in texts):
        return None
    for genre, label in GENRES.items():
        if lexicons.has(f"{genre}_markers", head):
            return Finding(values | {"genre": label, "reason": f"看起来是{label}，不是书记本人的述职"}, [])
    body = report.items()
    if not any(i.signals["first_person"] for i in body) and not report.items(("problem", "plan")):
        return Finding(values | {"reason": "没有第一人称，也没有问题和打算"}, [])
    return None
