"""Reading .docx/.txt/.md into blocks: headings, numbering, tables, tracked changes, encodings."""

import docx
import pytest

from checker.doc import heading_of, section_title
from checker.read import read_document
from checker.segment import segment
from docx_factory import add_chinese_numbering, new_document, numbered_paragraph, tracked_paragraph


def test_auto_numbered_headings_are_rendered_and_levelled(tmp_path):
    document = new_document()
    document.add_paragraph("2024年度某村党支部书记抓基层党建工作述职报告")
    num = add_chinese_numbering(document)
    numbered_paragraph(document, "主要工作", num, 0)
    numbered_paragraph(document, "抓班子建设", num, 1)
    document.add_paragraph("全年召开支委会12次。")
    numbered_paragraph(document, "抓队伍管理", num, 1)
    numbered_paragraph(document, "存在的问题", num, 0)
    document.add_paragraph("本人学习不够深入。")
    path = tmp_path / "auto.docx"
    document.save(path)

    doc = read_document(path)
    headings = [(b.text, b.heading_level) for b in doc.blocks if b.heading_level]
    assert headings == [("一、主要工作", 1), ("（一）抓班子建设", 2), ("（二）抓队伍管理", 2), ("二、存在的问题", 1)]
    seg = segment(doc)
    assert [section_title(seg, i) for i in range(len(seg.spans["sections"]))] == [h for h, _ in headings]
    assert seg.spans["sections"][1]._.parent == 0 and seg.spans["sections"][3]._.parent is None
    assert heading_of(seg, 3) == "（一）抓班子建设"
    assert doc.title_block == 0


def test_heading_styles_and_typed_numbering(tmp_path):
    document = new_document()
    document.add_heading("履职情况", level=1)
    document.add_paragraph("（一）抓理论学习")
    document.add_paragraph("1.带头讲党课")
    document.add_paragraph("一是带头讲党课4次，二是主持集中学习12次。")
    path = tmp_path / "styles.docx"
    document.save(path)
    blocks = read_document(path).blocks
    assert [b.heading_level for b in blocks] == [1, 2, 3, 0]
    assert [b.outline for b in blocks] == ["", "（一）", "1.", "一是"]


def test_tables_and_tracked_changes(tmp_path):
    document = new_document()
    document.add_paragraph("述职正文。")
    tracked_paragraph(document, "全年发展党员", "3名", "5名")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "问题清单"
    table.cell(0, 1).text = "整改时限"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "党员活动室未建成，明年6月前完成"
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉不应读入"
    section.footer.paragraphs[0].text = "第 1 页"
    path = tmp_path / "table.docx"
    document.save(path)

    blocks = read_document(path).blocks
    texts = [b.text for b in blocks]
    assert "全年发展党员3名" in texts
    assert not any("5名" in t for t in texts)
    assert texts.count("党员活动室未建成，明年6月前完成") == 1
    assert [b.in_table for b in blocks if b.text == "问题清单"] == [True]
    assert not any("页眉" in t or "第 1 页" in t for t in texts)


def test_report_without_headings_has_no_sections(tmp_path):
    document = new_document()
    for text in ["各位领导：", "今年我主持召开支委会10次，讲党课3次。", "存在的不足是学习不深。", "明年将加强学习。"]:
        document.add_paragraph(text)
    path = tmp_path / "flat.docx"
    document.save(path)
    seg = segment(read_document(path))
    assert list(seg.spans["sections"]) == []
    assert [p._.section for p in seg.spans["paragraphs"]] == [None] * 4
    assert len(list(seg.sents)) == 4


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-8-sig"])
def test_text_files_in_chinese_encodings(tmp_path, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes("一、主要工作\n全年召开支委会12次。\n二、存在问题\n本人调研不够。\n".encode(encoding))
    blocks = read_document(path).blocks
    assert [b.text for b in blocks] == ["一、主要工作", "全年召开支委会12次。", "二、存在问题", "本人调研不够。"]
    assert [b.heading_level for b in blocks] == [1, 0, 1, 0]


def test_markdown_headings(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("# 述职报告\n\n## 一、主要工作\n\n- **全年**召开支委会12次。\n", encoding="utf-8")
    blocks = read_document(path).blocks
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("述职报告", 1), ("一、主要工作", 2), ("全年召开支委会12次。", 0)]


def test_word_document_roundtrip_keeps_order(tmp_path):
    document = docx.Document()
    for i in range(30):
        document.add_paragraph(f"第{i}段内容。")
    path = tmp_path / "order.docx"
    document.save(path)
    assert [b.text for b in read_document(path).blocks] == [f"第{i}段内容。" for i in range(30)]


def test_author_line_is_a_name_line_not_the_opening_sentence(tmp_path):
    for second, expected in [("城关镇柳河村党支部书记 王建国", "城关镇柳河村党支部书记 王建国"),
                             ("根据镇党委的安排，现将本人抓党建工作情况报告如下。", ""),
                             ("镇党委：", "")]:
        path = tmp_path / "r.txt"
        path.write_text(f"2024年度述职报告\n{second}\n今年我主持召开支委会12次。\n", encoding="utf-8")
        assert read_document(path).author == expected


def test_heading_numbers_followed_by_a_year(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一、2025年工作回顾\n全年召开支委会12次。\n四、2026年工作打算\n", encoding="utf-8")
    assert [b.heading_level for b in read_document(path).blocks] == [1, 0, 1]
