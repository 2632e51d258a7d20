"""Last year's problems: NO_RECTIFICATION (上年度问题整改)."""

from __future__ import annotations

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
    """No body paragraph (read with its section heading) names last year's problems and their rectification."""
    lexicons = context.lexicons
    mentions = []
    for index in paragraphs_of(scope):
        text = heading_of(report.doc, index) + paragraph_text(report.doc, index)
        if lexicons.has("last_year", text):
            if lexicons.has("rectification", text):
                return None
            mentions.append(index)
    return Finding({"last_year_mentions": len(mentions)}, mentions, "mentioned" if mentions else "")
