"""Word .docx with zipfile + lxml: body paragraphs, table cells and text boxes in reading order.

The main part is the one the package relationships name (word/document.xml, or word/document2.xml as Word
Online writes it). Tables are walked row by row, cell by cell, as the XML holds them, so every cell is read
once (a merged cell is one w:tc). Text boxes are read after the paragraph that anchors them; the mc:Fallback
copy Word keeps of each is not. Tracked insertions are read, deletions (w:del, w:moveFrom) are not; headers,
footers and notes live in other parts and are never read. Word automatic numbering is rendered. A styles or
numbering part that a relationship names but the package lacks is skipped with a warning.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from functools import lru_cache

from lxml import etree

from checker.limits import check_deadline
from checker.read.document import Block
from checker.read.numbering import format_number, heading_from_text, is_short_title

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
DEFAULT_MAIN = "word/document.xml"
HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
TITLE_STYLES = {"title", "标题"}
# Safe parsing: no entities, no network; text nodes may be large (a size cap is applied before parsing).
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False)


class MissingPart(Exception):
    """The package has no main document part."""


@lru_cache(maxsize=4)
def tags(ns: str) -> dict[str, str]:
    """Qualified names in the document's namespace (transitional or strict OOXML)."""
    names = ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "hyperlink",
             "fldSimple", "r", "t", "tab", "br", "cr", "del", "moveFrom", "pPr", "rPr", "txbxContent", "pStyle",
             "outlineLvl", "numPr", "numId", "ilvl", "val", "body", "style", "styleId", "name", "abstractNum",
             "abstractNumId", "lvl", "numFmt", "lvlText", "start", "num")
    found = {n: f"{{{ns}}}{n}" for n in names}
    found["fallback"] = f"{{{MC}}}Fallback"
    return found


def parse(data: bytes):
    return etree.fromstring(data, PARSER)


def relationships(zf: zipfile.ZipFile, part: str, read) -> list[tuple[str, str]]:
    """(type, target part) of a part's relationships, targets resolved against the part's folder."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in zf.NameToInfo:
        return []
    out = []
    for rel in parse(read(rels)).iter(PACKAGE_RELS):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.append((rel.get("Type") or "", path))
    return out


def main_part(zf: zipfile.ZipFile, read) -> str:
    for kind, target in relationships(zf, "", read):
        if kind.endswith("/officeDocument") and target in zf.NameToInfo:
            return target
    if DEFAULT_MAIN in zf.NameToInfo:
        return DEFAULT_MAIN
    raise MissingPart


def docx_blocks(zf: zipfile.ZipFile, read, warnings: list[str]) -> list[Block]:
    """Blocks of the main document part; `read(name)` returns a member's bytes (size-capped by the caller)."""
    part = main_part(zf, read)
    root = parse(read(part))
    tag = tags(etree.QName(root).namespace or TRANSITIONAL)
    styles, numbering = None, None
    for kind, target in relationships(zf, part, read):
        if kind.endswith(("/styles", "/numbering")):
            if target not in zf.NameToInfo:
                warnings.append(f"文档引用的部件 {target} 缺失，已跳过（样式或编号可能显示不全）")
            elif kind.endswith("/styles"):
                styles = Styles(lambda target=target: parse(read(target)), tag)
            else:
                numbering = Numbering(parse(read(target)), tag)
    reader = _Reader(tag, styles, numbering or Numbering(None, tag))
    body = root.find(tag["body"])
    if body is not None:
        reader.walk(body, False)
    return reader.blocks


def paragraph_text(p) -> str:
    """The text a w:p shows (tracked deletions, text boxes and fallbacks left out), as the reader reads it."""
    tag = tags(etree.QName(p).namespace or TRANSITIONAL)
    return _Reader(tag, None, Numbering(None, tag)).text(p)


class _Reader:
    def __init__(self, tag: dict, styles: "Styles | None", numbering: "Numbering"):
        self.tag, self.styles, self.numbering = tag, styles, numbering
        self.containers = {tag[n] for n in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "ins", "moveTo")}
        self.skipped = {tag[n] for n in ("del", "moveFrom", "pPr", "rPr", "txbxContent")} | {tag["fallback"]}
        self.blocks: list[Block] = []
        self.count = 0  # paragraphs seen, empty ones included (Word's numbering)

    def walk(self, parent, in_table: bool) -> None:
        """Paragraphs in reading order, descending into tables, content controls and tracked insertions."""
        for child in parent:
            if child.tag == self.tag["p"]:
                check_deadline()
                self.count += 1
                self.blocks.append(self.block(child, in_table))
                for box in self.text_boxes(child):
                    self.walk(box, in_table)
            elif child.tag in self.containers:
                self.walk(child, in_table or child.tag == self.tag["tbl"])
            elif child.tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.walk(choice, in_table)

    def text_boxes(self, node):
        """w:txbxContent under a paragraph, in order, without the mc:Fallback copies."""
        for child in node:
            if child.tag == self.tag["txbxContent"]:
                yield child
            elif child.tag != self.tag["fallback"] and len(child):
                yield from self.text_boxes(child)

    def text(self, p) -> str:
        parts: list[str] = []
        self._collect(p, parts)
        return "".join(parts).strip()

    def _collect(self, node, parts: list[str]) -> None:
        tag = self.tag
        for child in node:
            if child.tag == tag["t"]:
                parts.append(child.text or "")
            elif child.tag == tag["tab"]:
                parts.append(" ")
            elif child.tag in (tag["br"], tag["cr"]):
                parts.append("\n")
            elif child.tag not in self.skipped and len(child):
                self._collect(child, parts)

    def block(self, p, in_table: bool) -> Block:
        tag = self.tag
        text = self.text(p)
        ppr = p.find(tag["pPr"])
        style = self.styles.name(_val(ppr, tag, "pStyle")) if self.styles is not None else ""
        level, marker = heading_from_text(text)
        num_id, ilvl = _num_pr(ppr, tag)
        auto = self.numbering.render(num_id, ilvl)
        styled = HEADING_STYLE.match(style)
        outline_lvl = _val(ppr, tag, "outlineLvl")
        if styled:
            level = int(styled.group(1))
        elif outline_lvl and outline_lvl.isdigit() and int(outline_lvl) < 9:
            level = int(outline_lvl) + 1
        elif auto and not level and is_short_title(text):
            level = ilvl + 1
        if style.lower() in TITLE_STYLES:
            level = 0
        return Block(text=(auto + text) if auto else text, style=style, heading_level=0 if in_table else level,
                     outline=auto or marker, in_table=in_table, number=self.count)


def _val(ppr, tag: dict, name: str) -> str:
    if ppr is None:
        return ""
    element = ppr.find(tag[name])
    return (element.get(tag["val"]) or "") if element is not None else ""


def _num_pr(ppr, tag: dict) -> tuple[str | None, int]:
    num_pr = ppr.find(tag["numPr"]) if ppr is not None else None
    if num_pr is None:
        return None, 0
    num_id, ilvl = num_pr.find(tag["numId"]), num_pr.find(tag["ilvl"])
    level = ilvl.get(tag["val"]) if ilvl is not None else "0"
    return (num_id.get(tag["val"]) if num_id is not None else None), (int(level) if level and level.isdigit() else 0)


class Styles:
    """Style id -> name, resolved only for the styles paragraphs use; the part (`load()` parses it, often the
    largest of the package) is parsed when a paragraph first names a style."""

    def __init__(self, load, tag: dict):
        self.tag, self.load = tag, load
        self.elements: dict | None = None
        self.names: dict[str, str] = {}

    def name(self, style_id: str) -> str:
        if not style_id:
            return ""
        if style_id not in self.names:
            if self.elements is None:
                self.elements = {s.get(self.tag["styleId"]): s for s in self.load().iter(self.tag["style"])}
            element = self.elements.get(style_id)
            name = element.find(self.tag["name"]) if element is not None else None
            self.names[style_id] = (name.get(self.tag["val"]) or "") if name is not None else ""
        return self.names[style_id]


class Numbering:
    """Counters for Word automatic numbering (w:numPr), rendered as the reader sees them."""

    def __init__(self, root, tag: dict):
        self.formats: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        val = tag["val"]
        abstracts = {}
        for a in root.iter(tag["abstractNum"]):
            levels = {}
            for lvl in a.iter(tag["lvl"]):
                fmt, text, start = lvl.find(tag["numFmt"]), lvl.find(tag["lvlText"]), lvl.find(tag["start"])
                ilvl = lvl.get(tag["ilvl"]) or "0"
                levels[int(ilvl) if ilvl.isdigit() else 0] = (
                    fmt.get(val) if fmt is not None else "decimal",
                    text.get(val) if text is not None else "%1.",
                    _int(start.get(val)) if start is not None else 1,
                )
            abstracts[a.get(tag["abstractNumId"])] = levels
        for num in root.iter(tag["num"]):
            ref = num.find(tag["abstractNumId"])
            if ref is not None:
                abstract = ref.get(val)
                self.abstract_of[num.get(tag["numId"])] = abstract
                self.formats[abstract] = abstracts.get(abstract, {})

    def render(self, num_id: str | None, ilvl: int) -> str:
        abstract = self.abstract_of.get(num_id) if num_id else None
        if abstract is None or num_id == "0" or not 0 <= ilvl < 9:
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


def _int(value: str | None) -> int:
    return int(value) if value and value.lstrip("-").isdigit() else 1
