"""The coloured report HTML: one span per sentence, labels named and tinted, review marks, evidence marked,
every text escaped."""

import re
from html.parser import HTMLParser

from checker.checks.engine import Evidence, Flag, Severity
from checker.pipeline import Checker
from checker.read import read_document
from checker.render import charts
from checker.render.html_out import LABEL_COLOURS, LABEL_TINTS, flag_targets_html, report_html
from checker.render.json_out import report_json
from checker.summary import ReportSummary

HOSTILE = '<script>alert("x")</script>'


class Spans(HTMLParser):
    """Collects (classes, text) of every sentence span (those with data-index) and the ids of paragraphs."""

    def __init__(self):
        super().__init__()
        self.spans, self.ids, self.tags, self._open = [], [], set(), None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "span" and "data-index" in attrs:
            self._open = [attrs["class"].split(), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "span" and self._open is not None:
            self.spans.append(tuple(self._open))
            self._open = None


def hostile_report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"2024年度述职报告\n一、主要工作\n全年开展活动12次&讲党课{HOSTILE}。\n"
                    "二、存在问题\n本人调研不够深入。\n", encoding="utf-8")
    checker = Checker()
    doc = checker.relabel(checker.check_document(read_document(path)),
                          {0: "other", 1: "achievement", 2: "achievement", 3: "problem", 4: "problem"})
    list(doc.sents)[4]._.confidence = 0.3
    summary = ReportSummary.of(doc)
    summary.flags = [Flag("X", Severity.error, "msg", [2]),
                     Flag("Y", Severity.warning, "words", [2, 4], name="套话<b>", evidence=[
                         Evidence(2, 0, 4, "全年开展"), Evidence(2, 2, 6, "开展活动"), Evidence(4, 2, 4, "调研")]),
                     Flag("Z", Severity.info, "only this", [4], name="数据", evidence=[Evidence(2, 4, 6, "活动")])]
    return report_json(doc, summary)


def test_sentences_coloured_and_marked(tmp_path):
    data = hostile_report(tmp_path)
    parser = Spans()
    parser.feed(report_html(data))
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert [text for _, text in parser.spans] == [s["text"] for s in sentences]
    assert [f"label-{s['label']}" in classes for (classes, _), s in zip(parser.spans, sentences)] == [True] * 5
    assert [("review" in classes) for classes, _ in parser.spans] == [False, False, False, False, True]
    assert [i for i in parser.ids if i.startswith("para-")] == [f"para-{i}" for i in range(5)]


def test_report_text_is_escaped(tmp_path):
    html = report_html(hostile_report(tmp_path))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "12次&amp;讲党课" in html


def test_flag_targets_link_to_paragraphs_without_evidence_and_escape(tmp_path):
    data = hostile_report(tmp_path)
    html = flag_targets_html(data, data["flags"][0], 0)
    assert re.findall(r'href="#(para-\d+)" data-flag="0"', html) == ["para-2"]
    assert "<script" not in html and "&lt;script&gt;" in html
    assert flag_targets_html(data, {"paragraphs": [], "evidence": []}, 5) == ""


def test_flag_targets_link_to_their_words(tmp_path):
    data = hostile_report(tmp_path)
    html = flag_targets_html(data, data["flags"][1], 1)
    assert re.findall(r'href="#(ev-\d+-\d+)" data-flag="1"', html) == ["ev-2-0", "ev-2-2", "ev-4-2"]
    assert "「全年开展」" in html and "第5段" in html


def test_flag_targets_show_the_replacement_of_a_word(tmp_path):
    data = hostile_report(tmp_path)
    data["flags"].append({"code": "TYPO", "name": "错别字", "paragraphs": [4], "evidence": [
        {"sentence": 4, "start": 2, "end": 4, "text": "调研", "replacement": "调查<研究>"}]})
    html = flag_targets_html(data, data["flags"][-1], len(data["flags"]) - 1)
    assert "「调研」→「调查&lt;研究&gt;」" in html
    assert "→" not in flag_targets_html(data, data["flags"][1], 1)


def test_evidence_spans_are_marked_exactly_with_the_flag_names(tmp_path):
    data = hostile_report(tmp_path)
    html = report_html(data)
    marks = re.findall(r'<mark class="ev"( id="[^"]+")? data-flags="([^"]+)" title="([^"]+)">([^<]*)</mark>', html)
    assert [(anchor, flags, text) for anchor, flags, _, text in marks] == [
        (' id="ev-2-0"', "1", "全年"), (' id="ev-2-2"', "1", "开展"), (' id="ev-2-4"', "1 2", "活动"),
        (' id="ev-4-2"', "1", "调研")]
    assert marks[2][2] == "套话&lt;b&gt;；数据"  # hovering shows the flags' names, escaped
    parser = Spans()
    parser.feed(html)
    assert [text for _, text in parser.spans][2] == data["paragraphs"][2]["sentences"][0]["text"]


def test_every_run_of_a_label_is_named_and_corrections_are_marked(tmp_path):
    data = hostile_report(tmp_path)
    html = report_html(data, corrected={4})
    assert re.findall(r'<span class="tag tag-(\w+)">([^<]+)</span>', html) == [
        ("achievement", "成绩"), ("achievement", "成绩"), ("problem", "问题"), ("problem", "问题（已更正）")]
    assert 'class="sent label-problem review corrected" data-index="4"' in html


def test_the_palette_is_colour_blind_safe_and_shared_with_the_charts():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"}
    assert set(LABEL_COLOURS.values()) <= okabe_ito and len(set(LABEL_TINTS.values())) == 4
    assert charts.BAR_COLOURS is LABEL_COLOURS
