"""The annotated .docx: a summary comment, one comment per flag on its words, the source's formatting kept,
earlier comments of the checker replaced, the input never overwritten."""

import io
import shutil
import subprocess

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from checker.checks.engine import Evidence, Flag, Severity
from checker.cli import main
from checker.pipeline import Checker
from checker.read import read_document
from checker.render.docx_out import COMMENT_AUTHOR, W14_PARA_ID, annotated_docx, annotated_name
from checker.summary import ReportSummary
from docx_factory import add_chinese_numbering, new_document, numbered_paragraph

W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


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


def evidence(doc, words: str) -> Evidence:
    sentence = next(s for s in doc.sents if words in s.text)
    start = sentence.text.index(words)
    return Evidence(sentence._.number, start, start + len(words), words)


def checked(path, flags=None):
    """(the checked Doc, a summary of it carrying `flags`: by default a share flag without evidence on the
    heading and the paragraph after it, a flag on words across a run boundary, one about the whole text)."""
    doc = Checker().check_document(read_document(path))
    summary = ReportSummary.of(doc)
    if flags is None:
        flags = [Flag("ACHIEVEMENT_SHARE", Severity.error, "成绩部分约占正文 60%，超过 1/3 的要求", [1, 2],
                      name="成绩篇幅", suggestion="压缩成绩篇幅"),
                 Flag("EMPTY_WORDS", Severity.warning, "套话偏多", [2, 4], name="套话",
                      evidence=[evidence(doc, "12次，讲党课"), evidence(doc, "不够深入")]),
                 Flag("LENGTH", Severity.warning, "全文约 300 字，不足要求", [], name="篇幅")]
    summary.flags = flags
    summary.fix_first = [f"{f.name}：{f.suggestion or f.message}" for f in flags]
    return doc, summary


def anchored(data: bytes) -> dict[str, str]:
    """Comment text -> the document text its range covers (comments by COMMENT_AUTHOR only)."""
    document = docx.Document(io.BytesIO(data))
    texts = {str(c.comment_id): c.text for c in document.comments if c.author == COMMENT_AUTHOR}
    covered, open_ids = {i: "" for i in texts}, set()
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        elif element.tag == qn("w:t"):
            for i in open_ids & set(covered):
                covered[i] += element.text or ""
    return {texts[i]: covered[i] for i in texts}


def comment(found: dict[str, str], start: str) -> tuple[str, str]:
    [pair] = [(text, words) for text, words in found.items() if text.startswith(start)]
    return pair


def test_a_summary_comment_on_the_title_with_the_verdict_figures_and_what_to_fix(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    doc, summary = checked(path)
    text, words = comment(anchored(annotated_docx(doc, summary, path.read_bytes())), "检查结论")
    assert words == "2024年度某村党支部书记抓基层党建工作述职报告"
    assert text.startswith(f"检查结论：{summary.verdict_text}（错误 1 项，警告 2 项，提示 0 项）")
    assert f"字数 {summary.chars}" in text and "优先修改：\n1. 成绩篇幅：压缩成绩篇幅" in text
    assert "针对全文：\n[警告] 篇幅：全文约 300 字，不足要求" in text


def test_each_flag_is_one_comment_on_its_words_and_no_message_is_repeated(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    doc, summary = checked(path)
    found = anchored(annotated_docx(doc, summary, path.read_bytes()))
    assert len(found) == 1 + 2  # the summary, and a comment per flag that points somewhere
    text, words = comment(found, "[警告] 套话")
    assert words == "12次，讲党课" and "共 2 处：第3段「12次，讲党课」、第5段「不够深入」" in text
    text, words = comment(found, "[错误] 成绩篇幅")
    assert words == "全年我主持召开支委会12次，讲党课4次。"  # the body paragraph, not the heading before it
    comments = [t for t in found if not t.startswith("检查结论")]
    for flag in summary.flags:
        assert sum(flag.message in t for t in comments) == (1 if flag.paragraphs else 0)


def test_each_word_to_replace_gets_its_own_comment_with_the_replacement(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    doc, _ = checked(path)
    typos = [Evidence(e.sentence, e.start, e.end, e.text, fix) for e, fix in
             ((evidence(doc, "主持"), "主办"), (evidence(doc, "调研"), "调查研究"))]
    doc, summary = checked(path, [Flag("TYPO", Severity.info, "有 2 处疑似错别字", [2, 4], name="错别字", evidence=typos)])
    found = anchored(annotated_docx(doc, summary, path.read_bytes()))
    assert found["[提示] 错别字：「主持」→「主办」"] == "主持"
    assert found["[提示] 错别字：「调研」→「调查研究」"] == "调研"
    assert len(found) == 1 + 2


def test_runs_are_split_at_the_evidence_and_keep_their_formatting(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    out = docx.Document(io.BytesIO(annotated_docx(*checked(path), path.read_bytes())))
    paragraph = next(p for p in out.paragraphs if "讲党课" in p.text)
    assert paragraph.text == "全年我主持召开支委会12次，讲党课4次。"
    assert "".join(r.text for r in paragraph.runs if r.bold) == "讲党课4次。"
    assert [r.text for r in paragraph.runs if r.text] == ["全年我主持召开支委会", "12次，", "讲党课", "4次。"]
    assert len(out.element.body.xpath(".//w:numPr")) == 2


def test_annotating_an_annotated_file_replaces_the_checkers_comments(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    doc, summary = checked(path)
    once = annotated_docx(doc, summary, path.read_bytes())
    with_reviewer = docx.Document(io.BytesIO(once))
    with_reviewer.add_comment(with_reviewer.paragraphs[-1].runs, text="请补充整改时限", author="组织部 王审")
    buffer = io.BytesIO()
    with_reviewer.save(buffer)
    twice = annotated_docx(doc, summary, buffer.getvalue())
    assert anchored(twice) == anchored(once)
    others = [c.text for c in docx.Document(io.BytesIO(twice)).comments if c.author != COMMENT_AUTHOR]
    assert others == ["请补充整改时限"]
    body = docx.Document(io.BytesIO(twice)).element.body
    assert len(body.xpath(".//w:commentRangeStart")) == len(body.xpath(".//w:commentReference")) == 4


def test_words_companion_parts_lose_the_entries_of_replaced_comments(tmp_path):
    """Word saves a commentsExtended part naming each comment by its paragraph's w14:paraId."""
    path = source_docx(tmp_path / "r.docx")
    doc, summary = checked(path)
    document = docx.Document(io.BytesIO(annotated_docx(doc, summary, path.read_bytes())))
    entries = []
    for number, paragraph in enumerate(document.part.part_related_by(RT.COMMENTS).element.iter(qn("w:p"))):
        paragraph.set(W14_PARA_ID, f"{number:08X}")
        entries.append(f'<w15:commentEx w15:paraId="{number:08X}" w15:done="0"/>')
    extended = Part(PackURI("/word/commentsExtended.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                    f'<w15:commentsEx xmlns:w15="{W15}">{"".join(entries)}</w15:commentsEx>'.encode(),
                    document.part.package)
    document.part.relate_to(extended, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")
    buffer = io.BytesIO()
    document.save(buffer)
    again = docx.Document(io.BytesIO(annotated_docx(doc, summary, buffer.getvalue())))
    part = next(r.target_part for r in again.part.rels.values() if r.reltype.endswith("commentsExtended"))
    assert b"commentEx " not in part.blob and len(list(again.comments)) == 3
    assert again.part.part_related_by(RT.COMMENTS) is not None


def test_text_source_becomes_a_plain_docx_with_comments(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2024年度述职报告\n一、主要工作\n全年我主持召开支委会12次，讲党课4次。\n"
                    "二、存在问题\n本人调研不够深入，下村次数少。\n", encoding="utf-8")
    doc, summary = checked(path)
    found = anchored(annotated_docx(doc, summary))
    assert comment(found, "[警告] 套话")[1] == "12次，讲党课"
    assert comment(found, "检查结论")[1] == "2024年度述职报告"


def test_no_flags_only_the_summary_comment(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    found = anchored(annotated_docx(*checked(path, []), path.read_bytes()))
    [text] = found
    assert text.startswith("检查结论：") and "其余" not in text


def test_annotate_command_writes_name_annotated_and_never_the_input(tmp_path, capsys):
    path = source_docx(tmp_path / "r.docx")
    original = path.read_bytes()
    assert main(["annotate", str(path)]) == 0
    out = tmp_path / annotated_name(path.name)
    assert out.name == "r_批注.docx" and out.exists() and path.read_bytes() == original
    assert f"已生成 {out}" in capsys.readouterr().out
    found = anchored(out.read_bytes())
    assert main(["annotate", str(out), "-o", str(tmp_path / "again.docx")]) == 0
    assert anchored((tmp_path / "again.docx").read_bytes()) == found  # not doubled
    assert main(["annotate", str(path), "-o", str(path)]) == 2
    assert "不能是原文件本身" in capsys.readouterr().err and path.read_bytes() == original
    assert main(["annotate", str(tmp_path / "missing.docx")]) == 2
    assert "missing.docx：文件不存在" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("soffice"), reason="需要 LibreOffice（soffice）")
def test_libreoffice_opens_the_annotated_file(tmp_path):
    path = source_docx(tmp_path / "r.docx")
    out = tmp_path / "r_批注.docx"
    out.write_bytes(annotated_docx(*checked(path), path.read_bytes()))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "odt",
                    "--outdir", str(tmp_path / "odt"), str(out)], check=True, capture_output=True, timeout=180)
    import zipfile

    content = zipfile.ZipFile(tmp_path / "odt" / "r_批注.odt").read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") == 3 and "检查结论" in content
