"""The coloured report HTML: one span per sentence, labels and review marks, every text escaped."""

import re
from html.parser import HTMLParser

from checker.checks.engine import Flag, Severity
from checker.pipeline import Checker
from checker.read import read_document
from checker.render.html_out import flag_targets_html, report_html
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
    summary.flags = [Flag("X", Severity.error, "msg", [2])]
    return report_json(doc, summary)


def test_sentences_coloured_and_marked(tmp_path):
    data = hostile_report(tmp_path)
    parser = Spans()
    parser.feed(report_html(data))
    sentences = [s for p in data["paragraphs"] for s in p["sentences"]]
    assert [text for _, text in parser.spans] == [s["text"] for s in sentences]
    assert [f"label-{s['label']}" in classes for (classes, _), s in zip(parser.spans, sentences)] == [True] * 5
    assert [("review" in classes) for classes, _ in parser.spans] == [False, False, False, False, True]
    assert parser.ids == [f"para-{i}" for i in range(5)]


def test_report_text_is_escaped(tmp_path):
    html = report_html(hostile_report(tmp_path))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "12次&amp;讲党课" in html


def test_flag_targets_link_and_escape(tmp_path):
    data = hostile_report(tmp_path)
    html = flag_targets_html(data, data["flags"][0])
    assert re.findall(r'href="#(para-\d+)"', html) == ["para-2"]
    assert "<script" not in html and "&lt;script&gt;" in html
    assert flag_targets_html(data, {"paragraphs": []}) == ""
