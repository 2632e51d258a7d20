"""The annotated .docx: a Word comment on every flagged paragraph, the source's formatting kept."""

import io

import docx
from docx.oxml.ns import qn

from checker.checks.engine import Flag, Severity
from checker.cli import main
from checker.pipeline import Checker
from checker.read import read_document
from checker.render.docx_out import COMMENT_AUTHOR, annotated_docx
from checker.summary import ReportSummary
from docx_factory import add_chinese_numbering, new_document, numbered_paragraph

FLAGS = [
    Flag("ACHIEVEMENT_SHARE", Severity.error, "成绩部分约占正文 60%，超过 1/3 的要求", [2, 4], "压缩成绩篇幅"),
    Flag("LACKS_DATA", Severity.warning, "成绩部分缺少数据", [4]),
    Flag("LENGTH", Severity.warning, "全文约 300 字，不足要求", []),
]


def source_docx(path):
    """A report with Word automatic numbering ('一、'), a bold run and a table cell."""
    document = new_document()
    document.add_paragraph("2024年度某村党支部书记抓基层党建工作述职报告")
    num_id = add_chinese_numbering(document)
    numbered_paragraph(document, "主要工作", num_id, 0)
    paragraph = document.add_paragraph("全年我主持召开支委会12次，")
    paragraph.add_run("讲党课4次。").bold = True
    numbered_paragraph(document, "存在问题", num_id, 0)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "本人调研不够深入，下村次数少。"
    document.add_paragraph("明年3月前完成党员活动室改造。")
    document.save(path)
    return path


def flagged_result(path, flags=FLAGS):
    """(the Document read, a summary of it carrying `flags`)."""
    doc = Checker().check_document(read_document(path))
    summary = ReportSummary.of(doc)
    summary.flags = flags
    return doc._.source, summary


def comments_by_paragraph(data: bytes) -> dict[str, list[str]]:
    """Text of each body paragraph (tables included) -> the texts of the comments anchored in it."""
    document = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in document.comments}
    authors = {c.author for c in document.comments}
    assert authors <= {COMMENT_AUTHOR}
    found = {}
    for p in document.element.body.iter(qn("w:p")):
        ids = p.xpath("./w:commentRangeStart/@w:id")
        if ids:
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            found[text] = [texts[int(i)] for i in ids]
    return found


def test_comments_on_flagged_paragraphs_of_the_source(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    document, summary = flagged_result(path)
    texts = [b.text for b in document.blocks]
    assert texts[2] == "全年我主持召开支委会12次，讲党课4次。" and texts[4] == "本人调研不够深入，下村次数少。"
    found = comments_by_paragraph(annotated_docx(document, summary, path.read_bytes()))
    assert set(found) == {texts[0], texts[2], texts[4]}
    assert found[texts[0]] == ["[警告] 全文约 300 字，不足要求"]
    assert found[texts[2]] == ["[错误] 成绩部分约占正文 60%，超过 1/3 的要求（建议：压缩成绩篇幅）"]
    assert found[texts[4]] == ["[错误] 成绩部分约占正文 60%，超过 1/3 的要求（建议：压缩成绩篇幅）\n"
                               "[警告] 成绩部分缺少数据"]


def test_source_formatting_and_numbering_are_kept(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    out = docx.Document(io.BytesIO(annotated_docx(*flagged_result(path), path.read_bytes())))
    bold = [r.text for p in out.paragraphs for r in p.runs if r.bold]
    assert bold == ["讲党课4次。"]
    assert len(out.element.body.xpath(".//w:numPr")) == 2


def test_text_source_becomes_a_plain_docx_with_comments(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2024年度述职报告\n一、主要工作\n全年我主持召开支委会12次。\n"
                    "二、存在问题\n本人调研不够深入。\n", encoding="utf-8")
    document, summary = flagged_result(path)
    texts = [b.text for b in document.blocks]
    found = comments_by_paragraph(annotated_docx(document, summary))
    assert set(found) == {texts[0], texts[2], texts[4]}


def test_no_flags_no_comments(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    assert comments_by_paragraph(annotated_docx(*flagged_result(path, []), path.read_bytes())) == {}


def test_annotate_command(tmp_path, capsys):
    path = source_docx(tmp_path / "r.docx")
    out = tmp_path / "out.docx"
    assert main(["annotate", str(path), "-o", str(out)]) == 0
    doc = Checker().check_path(path)
    flagged = {p for f in doc._.flags for p in (f.paragraphs or [0])}
    assert len(comments_by_paragraph(out.read_bytes())) == len(flagged)
    assert "已生成" in capsys.readouterr().out
    assert main(["annotate", str(tmp_path / "missing.docx"), "-o", str(out)]) == 2
    assert "missing.docx：文件不存在" in capsys.readouterr().err
