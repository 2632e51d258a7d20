"""The report as .docx with the Word comments a reviewer would send back (python-docx comments).

One summary comment on the first paragraph (verdict, key figures, what to fix first, the flags about the whole
text), then one comment per flag, anchored to its first evidence words (runs are split at the evidence offsets)
or, without evidence, to its first body paragraph. Each message is written once. The checker's earlier comments
(author COMMENT_AUTHOR) are removed first, so annotating an annotated file replaces them. A .docx source is
annotated as it is (its formatting kept); any other source is first rendered as a plain .docx.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree
from spacy.tokens import Doc

from checker.checks.engine import SEVERITY_NAMES, Flag, Severity
from checker.doc import LABEL_NAMES, paragraphs
from checker.read.document import Document
from checker.read.docx import paragraph_text
from checker.render.page import FIGURE_NAMES
from checker.summary import ReportSummary

COMMENT_AUTHOR = "述职报告检查"
COMMENT_INITIALS = "检"
ANNOTATED_SUFFIX = "_批注"
SUMMARY_FIGURES = ("data_points", "examples", "empty_words_per_1000")
LISTED = 6  # evidence places quoted in a flag's comment
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:txbxContent"), MC_FALLBACK}
W14_PARA_ID = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
# Word's companion parts of comments.xml: their entries name a comment by its paragraphs' w14:paraId
EXTENDED = ("commentsExtended", "commentsIds", "commentsExtensible")


@dataclass
class Note:
    """One comment: its paragraph, the characters of that paragraph's text it covers (None: all), its lines."""

    paragraph: int
    lines: list[str]
    start: int | None = None
    end: int | None = None


def annotated_name(name: str) -> str:
    """The annotated copy's file name: `<name>_批注.docx` (never the input's own name)."""
    return f"{Path(name).stem}{ANNOTATED_SUFFIX}.docx"


def comment_notes(doc: Doc, summary: ReportSummary) -> list[Note]:
    """The summary comment first, then one per flag that points somewhere."""
    places = _sentence_places(doc)
    body = [i for i, span in enumerate(paragraphs(doc)) if span._.role == "body"]
    notes = [Note(0, summary_lines(summary, doc._.figures.values if doc._.figures else {}))]
    for flag in summary.flags:
        placed = [e for e in flag.evidence if e.sentence in places]
        spans = [places[e.sentence] + (e.start, e.end) for e in placed]
        if any(e.replacement for e in placed):  # wording: one comment on each word to replace
            notes += [Note(p, [_replacement_line(flag, e)], o + a, o + b)
                      for (p, o, a, b), e in zip(spans, placed) if e.replacement]
        elif spans:
            paragraph, offset, start, end = next((s for s in spans if s[0] in body), spans[0])
            notes.append(Note(paragraph, _flag_lines(doc, flag, spans), offset + start, offset + end))
        elif flag.paragraphs:
            paragraph = next((p for p in flag.paragraphs if p in body), flag.paragraphs[0])
            notes.append(Note(paragraph, _flag_lines(doc, flag, [])))
    return notes


def summary_lines(summary: ReportSummary, figures: dict) -> list[str]:
    """The summary comment: verdict and counts, key figures, what to fix first, the flags about the whole text."""
    counts = {s: sum(f.severity == s for f in summary.flags) for s in Severity}
    shares = "，".join(f"{LABEL_NAMES[k]} {v:.0%}" for k, v in summary.shares.items() if k != "other")
    measured = "；".join(f"{FIGURE_NAMES[k]} {figures[k]:g}" for k in SUMMARY_FIGURES if k in figures)
    lines = [f"检查结论：{summary.verdict_text}（" + "，".join(f"{SEVERITY_NAMES[s]} {n} 项" for s, n in counts.items())
             + "）", f"字数 {summary.chars}；占全文：{shares}" + (f"；{measured}" if measured else "")]
    if summary.fix_first:
        lines += ["优先修改："] + [f"{n}. {item}" for n, item in enumerate(summary.fix_first, 1)]
    whole = [f for f in summary.flags if not f.evidence and not f.paragraphs]
    if whole:
        lines += ["针对全文："] + [_flag_line(f) for f in whole]
    if len(summary.flags) > len(whole):
        lines.append(f"其余 {len(summary.flags) - len(whole)} 个问题的批注在原文相应位置。")
    return lines


def _flag_line(flag: Flag) -> str:
    line = f"[{SEVERITY_NAMES[flag.severity]}] {flag.name or flag.code}：{flag.message}"
    return f"{line}（建议：{flag.suggestion}）" if flag.suggestion else line


def _replacement_line(flag: Flag, evidence) -> str:
    return f"[{SEVERITY_NAMES[flag.severity]}] {flag.name or flag.code}：「{evidence.text}」→「{evidence.replacement}」"


def _flag_lines(doc: Doc, flag: Flag, spans: list[tuple[int, int, int, int]]) -> list[str]:
    lines = [_flag_line(flag)]
    if len(spans) > 1:
        blocks = doc._.source.blocks
        quoted = [f"第{_number(doc, p)}段「{blocks[p].text[o + a:o + b]}」" for p, o, a, b in spans[:LISTED]]
        lines.append(f"共 {len(spans)} 处：" + "、".join(quoted) + ("等" if len(spans) > LISTED else ""))
    elif not spans and len(flag.paragraphs) > 1:
        lines.append(f"涉及第 {_ranges([_number(doc, p) for p in flag.paragraphs])} 段")
    return lines


def _ranges(numbers: list[int]) -> str:
    """5、6、7、9 -> 5–7、9"""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs)


def _number(doc: Doc, paragraph: int) -> int:
    return doc._.source.blocks[paragraph].number or paragraph + 1


def _sentence_places(doc: Doc) -> dict[int, tuple[int, int]]:
    """Sentence number -> (its paragraph, where it starts in that paragraph's text); sentences not found in
    their paragraph's text are left out (their flags fall back to the paragraph)."""
    places, cursor = {}, {}
    for s in doc.sents:
        p = s._.paragraph
        at = doc._.source.blocks[p].text.find(s.text, cursor.get(p, 0))
        if at >= 0:
            places[s._.number], cursor[p] = (p, at), at + len(s.text)
    return places


def annotated_docx(doc: Doc, summary: ReportSummary, source: bytes | None = None) -> bytes:
    """The .docx bytes: `source` (a .docx) or a plain rendering of the report, with the comments."""
    document = doc._.source
    out_doc = docx.Document(io.BytesIO(source if source is not None else plain_docx(document)))
    remove_own_comments(out_doc)
    elements = _match_paragraphs([b.text for b in document.blocks], list(out_doc.element.body.iter(qn("w:p"))))
    for note in comment_notes(doc, summary):
        element = elements.get(note.paragraph)
        if element is None:
            continue
        prefix = len(document.blocks[note.paragraph].text) - len(paragraph_text(element))
        runs = _anchor_runs(element, note, prefix)
        comment = out_doc.add_comment([Run(r, Paragraph(element, out_doc._body)) for r in runs],
                                      author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
        comment.paragraphs[0].add_run(note.lines[0]).bold = True
        for line in note.lines[1:]:
            comment.add_paragraph(line)._p.style = "CommentText"
    out = io.BytesIO()
    out_doc.save(out)
    return out.getvalue()


def _atoms(node):
    """(element, text) of what a w:p shows, in order, as the reader reads it (w:t, tabs as spaces, breaks)."""
    for child in node:
        if child.tag == qn("w:t"):
            yield child, child.text or ""
        elif child.tag == qn("w:tab"):
            yield child, " "
        elif child.tag in (qn("w:br"), qn("w:cr")):
            yield child, "\n"
        elif child.tag not in SKIPPED and len(child):
            yield from _atoms(child)


def _anchor_runs(p, note: Note, prefix: int) -> list:
    """The first and last w:r covering the note's characters (the whole paragraph when it has no offsets),
    splitting runs so that the range starts and ends exactly there."""
    raw = "".join(text for _, text in _atoms(p))
    lead = len(raw) - len(raw.lstrip())  # the reader strips the paragraph's text
    if note.start is not None:
        start, end = (min(max(x - prefix, 0) + lead, len(raw)) for x in (note.start, note.end))
        if start < end:
            _split_at(p, start)
            _split_at(p, end)
            runs = _runs_between(p, start, end)
            if runs:
                return [runs[0], runs[-1]]
    runs = _runs_between(p, 0, len(raw))
    if not runs:
        runs = [p.add_r()]
    return [runs[0], runs[-1]]


def _runs_between(p, start: int, end: int) -> list:
    runs, position = [], 0
    for atom, text in _atoms(p):
        run = atom.getparent()
        if position < end and position + len(text) > start and run.tag == qn("w:r") and run not in runs:
            runs.append(run)
        position += len(text)
    return runs


def _split_at(p, offset: int) -> None:
    """Make a run boundary at character `offset` of the paragraph's text (a w:t is cut in two if needed)."""
    position = 0
    for atom, text in _atoms(p):
        if position + len(text) > offset:
            run, cut = atom.getparent(), offset - position
            if run.tag != qn("w:r"):
                return
            if cut:
                tail = deepcopy(atom)
                atom.text, tail.text = text[:cut], text[cut:]
                for t in (atom, tail):
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                atom.addnext(tail)
                atom = tail
            _new_run_from(run, atom)
            return
        position += len(text)


def _new_run_from(run, child) -> None:
    """Move `child` and what follows it in its run into a new run (same properties) right after that run."""
    content = [c for c in run if c.tag != qn("w:rPr")]
    if not content or content[0] is child:
        return
    new = OxmlElement("w:r")
    properties = run.find(qn("w:rPr"))
    if properties is not None:
        new.append(deepcopy(properties))
    for c in content[content.index(child):]:
        new.append(c)
    run.addnext(new)


def remove_own_comments(out_doc) -> None:
    """Remove the comments this checker wrote earlier (author COMMENT_AUTHOR): the comments, their ranges and
    references, and their entries in Word's companion parts; other people's comments stay."""
    try:
        comments = out_doc.part.part_related_by(RT.COMMENTS).element
    except KeyError:
        return
    ours = [c for c in comments.findall(qn("w:comment")) if c.get(qn("w:author")) == COMMENT_AUTHOR]
    ids = {c.get(qn("w:id")) for c in ours}
    para_ids = {p.get(W14_PARA_ID) for c in ours for p in c.iter(qn("w:p"))} - {None}
    for c in ours:
        comments.remove(c)
    body = out_doc.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for marker in [m for m in body.iter(qn(tag)) if m.get(qn("w:id")) in ids]:
            parent = marker.getparent()
            parent.remove(marker)
            if parent.tag == qn("w:r") and all(c.tag == qn("w:rPr") for c in parent):
                parent.getparent().remove(parent)
    _drop_extended_entries(out_doc, para_ids)


def _drop_extended_entries(out_doc, para_ids: set[str]) -> None:
    """Entries of commentsExtended / commentsIds / commentsExtensible naming removed comments (by paraId, then
    by the durableId that commentsIds gave them)."""
    parts = {rel.reltype.rsplit("/", 1)[-1]: rel.target_part for rel in out_doc.part.rels.values()
             if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] in EXTENDED}
    durable: set[str] = set()
    for name in EXTENDED:
        part = parts.get(name)
        if part is None or not para_ids:
            continue
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
        for entry in list(root):
            values = {k.rsplit("}", 1)[-1]: v for k, v in entry.attrib.items()}
            if values.get("paraId") in para_ids or values.get("durableId") in durable:
                durable |= {values["durableId"]} if values.get("durableId") else set()
                root.remove(entry)
        if not hasattr(part, "element"):  # a part python-docx keeps as bytes
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


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
