"""Last year's problems: NO_RECTIFICATION (上年度问题整改)."""

from __future__ import annotations

import re
from typing import ClassVar

from checker.checks.engine import Finding, RuleConfig, rule
from checker.checks.parts import paragraphs_of
from checker.doc import heading_of, paragraph_text


class NoRectificationConfig(RuleConfig):
    message_mentioned: str = ""
    suggestion_mentioned: str = ""

    FIELDS: ClassVar = {"last_year_mentions": 1}
    LEXICONS: ClassVar = ("last_year", "rectification")


@rule("NO_RECTIFICATION", NoRectificationConfig)
def no_rectification(report, scope, config: NoRectificationConfig, context):
    """No body paragraph (read with its section heading) names last year's problems and their rectification.
    Last year is named by a `last_year` word (去年, 上年度…) or, when the report's year is known, by its number
    (2024年度点评问题整改情况 in a report on 2025)."""
    lexicons = context.lexicons
    year = report.doc._.year
    previous = re.compile(rf"(?<![比较从由]){year - 1}年(?:度|述职)(?!同期)") if year else None
    mentions = []
    for index in paragraphs_of(scope):
        text = heading_of(report.doc, index) + paragraph_text(report.doc, index)
        if lexicons.has("last_year", text) or (previous and previous.search(text)):
            if lexicons.has("rectification", text):
                return None
            mentions.append(index)
    return Finding({"last_year_mentions": len(mentions)}, mentions, "mentioned" if mentions else "")
