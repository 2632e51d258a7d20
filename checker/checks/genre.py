"""NOT_A_REPORT: a document that is not a 述职报告 at all (a note, a notice, a unit's work summary, a
self-examination, a speech). It is a gate: when it fires, the other rules are not applied, their flags would
make no sense."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Finding, RuleConfig, rule
from checker.segment.normalize import normalized

SENTENCE = re.compile(r"[。！？；]")
GENRES = {"form": "表格或名单", "notice": "通知、通报或方案", "summary": "单位的工作总结", "selfexam": "对照检查或检视剖析材料",
          "speech": "讲话、心得体会或调研报告", "plan": "工作计划或工作要点", "congress": "党员大会或党代会上的工作报告"}
MARKERS = {"plan": "plan_genre_markers"}  # plan_markers are the words of a plan sentence
SUBTITLE = "——"  # "——在……党员大会上的工作报告" under a slogan title


def heading_lines(source, max_title_chars: int) -> str:
    """The title (or a short first line) and the subtitle under it, if any."""
    first = source.blocks[0].text if source.blocks else ""
    title = source.title or (first if len(first) <= max_title_chars and not SENTENCE.search(first) else "")
    subtitle = next((b.text for b in source.blocks[:3] if b.text.lstrip().startswith(SUBTITLE)), "")
    return normalized(title + subtitle)


class NotAReportConfig(RuleConfig):
    min_chars: int = Field(ge=0)  # shorter documents are too short to be a report
    max_title_chars: int = Field(ge=1)  # a first line this short is read as the title

    GATE: ClassVar[bool] = True
    FIELDS: ClassVar = {"chars": 7, "min_chars": 150, "genre": "通知", "reason": "篇幅过短"}
    LEXICONS: ClassVar = ("report_titles", "report_markers", "form_markers", "notice_markers", "summary_markers",
                          "selfexam_markers", "speech_markers", "plan_genre_markers",
                          "congress_markers")


@rule("NOT_A_REPORT", NotAReportConfig)
def not_a_report(report, scope, config: NotAReportConfig, context):
    """Too short to be a report; or a title of another genre (…的通知, 工作总结, 对照检查材料, 讲话…) and not
    of a 述职; or, with no such title, no 述职 marker, no first person and neither problems nor plans."""
    lexicons = context.lexicons
    chars = report.figures.chars
    title = heading_lines(report.doc._.source, config.max_title_chars)
    values = {"chars": chars, "min_chars": config.min_chars, "genre": "", "reason": ""}
    if chars < config.min_chars:
        return Finding(values | {"reason": f"只有 {chars} 字，篇幅过短"}, [])
    for genre, label in GENRES.items():
        if genre == "congress" and lexicons.has("report_titles", title):
            continue  # 在……大会上的述职报告 is a report
        if title and lexicons.has(MARKERS.get(genre, f"{genre}_markers"), title):
            return Finding(values | {"genre": label, "reason": f"看起来是{label}，不是书记本人的述职"}, [])
    if title and lexicons.has("report_titles", title):
        return None
    if any(lexicons.has("report_markers", i.text) for i in report.sentences):
        return None
    if not any(i.signals["first_person"] for i in report.items()) and not report.items(("problem", "plan")):
        return Finding(values | {"reason": "没有第一人称，也没有问题和打算"}, [])
    return None
