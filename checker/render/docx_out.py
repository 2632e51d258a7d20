"""The report as .docx with a Word comment on every paragraph a flag points at (python-docx comments).

A .docx source is annotated as it is (its formatting kept); any other source is first rendered as a plain
.docx from the report's paragraphs. Flags that point at no paragraph are commented on the first.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from checker.checks.engine import SEVERITY_NAMES, Flag
from checker.read.document import Document
from checker.read.docx import paragraph_text
from checker.summary import ReportSummary

COMMENT_AUTHOR = "述职报告检查"
COMMENT_INITIALS = "SZ"


def comment_texts(summary: ReportSummary) -> dict[int, str]:
    """Paragraph index -> the text of its comment (every flag pointing there, with its suggestion)."""
    by_paragraph: dict[int, list[Flag]] = {}
    for flag in summary.flags:
        for index in flag.paragraphs or [0]:
            by_paragraph.setdefault(index, []).append(flag)
    return {index: "\n".join(_flag_line(f) for f in flags) for index, flags in sorted(by_paragraph.items())}


def _flag_line(flag: Flag) -> str:
    line = f"[{SEVERITY_NAMES[flag.severity]}] {flag.message}"
    return f"{line}（建议：{flag.suggestion}）" if flag.suggestion else line


def annotated_docx(document: Document, summary: ReportSummary, source: bytes | None = None) -> bytes:
    """The .docx bytes: `source` (a .docx) or a plain rendering of the report, with comments added."""
    out_doc = docx.Document(io.BytesIO(source if source is not None else plain_docx(document)))
    elements = _match_paragraphs([b.text for b in document.blocks], list(out_doc.element.body.iter(qn("w:p"))))
    for index, text in comment_texts(summary).items():
        element = elements.get(index)
        if element is None:
            continue
        paragraph = Paragraph(element, out_doc._body)
        runs = paragraph.runs or [paragraph.add_run("")]
        out_doc.add_comment(runs, text=text, author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
    out = io.BytesIO()
    out_doc.save(out)
    return out.getvalue()


def plain_docx(document: Document) -> bytes:
    """The blocks as a plain official-style .docx (title centred, headings bold)."""
    out_doc = docx.Document()
    for index, block in enumerate(document.blocks):
        paragraph = out_doc.add_paragraph()
        run = paragraph.add_run(block.text)
        if index == document.title_block:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
        elif block.heading_level:
            run.bold = True
    out = io.BytesIO()
    out_doc.save(out)
    return out.getvalue()


def _match_paragraphs(texts: list[str], elements: list) -> dict[int, object]:
    """Report paragraph index -> its w:p, matched in order by text (the reader may prefix Word numbering)."""
    own = [paragraph_text(e) for e in elements]
    matched, cursor = {}, 0
    for index, text in enumerate(texts):
        for j in range(cursor, len(elements)):
            if own[j] and text.endswith(own[j]):
                matched[index], cursor = elements[j], j + 1
                break
    return matched
