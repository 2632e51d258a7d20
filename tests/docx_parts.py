"""Build .docx files part by part (zipfile), for the shapes python-docx does not write: text boxes, Word
Online's document2.xml, dangling relationships, tables with merged cells."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"


def text_box_paragraph(anchor: str, boxed: list[str]) -> str:
    """A paragraph with a text box in Word's usual form: the wps shape, and a VML copy in mc:Fallback."""
    inner = "".join(paragraph(t) for t in boxed)
    return (f"<w:p><w:r><w:t>{escape(anchor)}</w:t></w:r><w:r><mc:AlternateContent>"
            f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent>"
            f"</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape>"
            f"</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")


def merged_table(rows: int, cols: int) -> tuple[str, list[str]]:
    """A table whose first column is merged vertically in pairs and whose last row spans two columns;
    returns its XML and the texts of its cells, each once, in reading order."""
    texts, xml_rows = [], []
    for r in range(rows):
        cells = []
        for c in range(cols):
            if c == 0 and r % 2:
                cells.append("<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>")  # continues the cell above
                continue
            if r == rows - 1 and c == cols - 1:
                continue  # taken by the span of the cell before
            text = f"第{r + 1}行第{c + 1}列：本人牵头整改问题{r * cols + c}项。"
            texts.append(text)
            span = "<w:gridSpan w:val=\"2\"/>" if r == rows - 1 and c == cols - 2 else ""
            merge = "<w:vMerge w:val=\"restart\"/>" if c == 0 else ""
            cells.append(f"<w:tc><w:tcPr>{span}{merge}</w:tcPr>{paragraph(text)}</w:tc>")
        xml_rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "<w:tbl><w:tblPr/>" + "".join(xml_rows) + "</w:tbl>", texts


def document_xml(body: str) -> str:
    return (f"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W} {MC} {WPS} {VML}>"
            f"<w:body>{body}<w:sectPr/></w:body></w:document>")


def package(body: str, main: str = "word/document.xml", drop: tuple[str, ...] = ()) -> bytes:
    """A .docx made from python-docx's template with `body` as its main part (renamed to `main`);
    members in `drop` are left out while the relationships still name them."""
    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name, data = info.filename, source.read(info)
            if name in drop:
                continue
            if name == "word/document.xml":
                name, data = main, document_xml(body).encode("utf-8")
            elif name == "word/_rels/document.xml.rels":
                name = main.replace("word/", "word/_rels/") + ".rels"
            elif name == "_rels/.rels":
                data = data.replace(b"word/document.xml", main.encode())
            elif name == "[Content_Types].xml":
                data = data.replace(b"/word/document.xml", ("/" + main).encode())
            target.writestr(name, data)
    return out.getvalue()
