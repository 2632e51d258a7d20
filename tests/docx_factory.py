"""Build .docx test fixtures with python-docx: auto numbering, tables, tracked changes."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _el(tag: str, **attrs) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def add_chinese_numbering(document) -> str:
    """Add a two-level list '一、' / '（一）' to the numbering part; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId=90)
    for ilvl, (fmt, text) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）")]):
        lvl = _el("w:lvl", ilvl=ilvl)
        lvl.append(_el("w:start", val=1))
        lvl.append(_el("w:numFmt", val=fmt))
        lvl.append(_el("w:lvlText", val=text))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = _el("w:num", numId=90)
    num.append(_el("w:abstractNumId", val=90))
    numbering.append(num)
    return "90"


def numbered_paragraph(document, text: str, num_id: str, ilvl: int):
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = _el("w:numPr")
    num_pr.append(_el("w:ilvl", val=ilvl))
    num_pr.append(_el("w:numId", val=num_id))
    ppr.append(num_pr)
    return paragraph


def _tracked(kind: str, text_tag: str, text: str, change_id: int) -> OxmlElement:
    """A w:ins or w:del holding one run whose text element is `text_tag` (w:t or w:delText)."""
    change = _el(kind, id=change_id, author="审核人", date="2026-01-01T00:00:00Z")
    run = OxmlElement("w:r")
    element = OxmlElement(text_tag)
    element.text = text
    run.append(element)
    change.append(run)
    return change


def tracked_paragraph(document, kept: str, inserted: str, deleted: str):
    """A paragraph with plain text, a tracked insertion and a tracked deletion."""
    paragraph = document.add_paragraph(kept)
    paragraph._p.append(_tracked("w:ins", "w:t", inserted, 1))
    paragraph._p.append(_tracked("w:del", "w:delText", deleted, 2))
    return paragraph


def new_document():
    return docx.Document()
