"""python-docx based extraction: body paragraphs and table cells in order, Word numbering rendered.

Tracked insertions are read, tracked deletions (w:delText, w:moveFrom) are not; headers and footers
live in other parts and are never visited.
"""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn
from docx.styles.style import StyleFactory

from legacy_checker.numbering import format_number
from legacy_checker.numbering import heading_from_text, is_short_title
from legacy_checker.structures import Block

W_P, W_TBL, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
SKIP_ANCESTORS = {qn("w:moveFrom"), qn("w:del"), qn("w:txbxContent")}
HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "标题"}


def docx_blocks(stream) -> list[Block]:
    document = docx.Document(stream)
    numbering = _Numbering(document)
    styles: dict[str, str] = {}  # style id -> name, filled on first use (building every style is slow)
    blocks: list[Block] = []
    for element, in_table in _body_paragraphs(document.element.body):
        text = paragraph_text(element)
        style = _style_of(element, document, styles)
        blocks.append(_block(element, text, style, in_table, numbering))
    return blocks


def _body_paragraphs(parent, in_table: bool = False):
    """Yield (w:p, in_table) in reading order, descending into tables and content controls."""
    for child in parent.iterchildren():
        if child.tag == W_P:
            yield child, in_table
        elif child.tag == W_TBL:
            seen = set()
            for tc in child.iter(qn("w:tc")):
                if id(tc) in seen or tc.getparent().getparent() is not child and _nested(tc, child):
                    continue
                seen.add(id(tc))
                yield from _body_paragraphs(tc, True)
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_paragraphs(content, in_table)


def _nested(tc, table) -> bool:
    """True when a cell belongs to a table nested inside `table` (it is read through its own table)."""
    node = tc.getparent()
    while node is not None and node is not table:
        if node.tag == W_TBL:
            return True
        node = node.getparent()
    return False


def paragraph_text(p) -> str:
    parts: list[str] = []
    for node in p.iter(W_T, W_TAB, W_BR, W_CR):
        if _skipped(node, p):
            continue
        if node.tag == W_T:
            parts.append(node.text or "")
        elif node.tag == W_TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts).strip()


def _skipped(node, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in SKIP_ANCESTORS:
            return True
        parent = parent.getparent()
    return False


def _style_of(p, document, names: dict[str, str]) -> str:
    style_id = p.xpath("./w:pPr/w:pStyle/@w:val")
    if not style_id:
        return ""
    if style_id[0] not in names:
        element = document.styles.element.get_by_id(style_id[0])
        names[style_id[0]] = (StyleFactory(element).name or "") if element is not None else ""
    return names[style_id[0]]


def _block(p, text: str, style: str, in_table: bool, numbering: "_Numbering") -> Block:
    level, marker = heading_from_text(text)
    auto = numbering.render(p)
    outline = auto or marker
    styled = HEADING_STYLE.match(style)
    outline_lvl = p.xpath("./w:pPr/w:outlineLvl/@w:val")
    if styled:
        level = int(styled.group(1))
    elif outline_lvl and outline_lvl[0].isdigit() and int(outline_lvl[0]) < 9:
        level = int(outline_lvl[0]) + 1
    elif auto and not level and is_short_title(text):
        level = numbering.level(p) + 1
    if style.lower() in TITLE_STYLES:
        level = 0
    return Block(text=(auto + text) if auto else text, style=style, heading_level=0 if in_table else level,
                 outline=outline, in_table=in_table)


class _Numbering:
    """Counters for Word automatic numbering (w:numPr), rendered as the reader sees them."""

    def __init__(self, document):
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstracts = {}
        for a in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in a.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstracts[a.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                abstract = ref.get(qn("w:val"))
                self.abstract_of[num.get(qn("w:numId"))] = abstract
                self.formats[abstract] = abstracts.get(abstract, {})

    @staticmethod
    def _num_pr(p):
        num_id = p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        ilvl = p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
        return (num_id[0] if num_id else None), (int(ilvl[0]) if ilvl else 0)

    def level(self, p) -> int:
        return self._num_pr(p)[1]

    def render(self, p) -> str:
        num_id, ilvl = self._num_pr(p)
        abstract = self.abstract_of.get(num_id) if num_id else None
        if abstract is None or num_id == "0":
            return ""
        levels = self.formats.get(abstract, {})
        counters = self.counters.setdefault(abstract, [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, template, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        if fmt in ("bullet", "none"):
            return ""
        out = template
        for k in range(ilvl + 1):
            k_fmt, _, k_start = levels.get(k, ("decimal", "", 1))
            out = out.replace(f"%{k + 1}", format_number(counters[k] + k_start - 1, k_fmt))
        return out
