"""The labelled corpus: parse corpus/raw/*.txt, the gold label of every sentence, sentences.jsonl, samples."""

from __future__ import annotations

import hashlib
from importlib import resources
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from checker.doc import heading_of
from checker.read.document import Block, Document, mark_title_and_author
from checker.read.numbering import heading_from_text
from checker.render.docx_out import plain_docx
from checker.segment import segment

TAGS = {"A": "achievement", "P": "problem", "N": "plan", "O": "other"}
SPAN = re.compile(r"<([APNO])>([^<]*)")
TEST_SHARE = 0.2
EXTERNAL_SETS = ("external", "realform", "realform2")  # reports by other writers, evaluated on, never trained on
SPLIT_SEED = "shuzhi-2026"


@dataclass
class RawReport:
    meta: dict
    paragraphs: list[list[tuple[str, str]]]  # per paragraph: (label, text) spans

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    def to_document(self) -> Document:
        blocks = []
        for spans in self.paragraphs:
            text = "".join(t for _, t in spans)
            level, marker = heading_from_text(text)
            blocks.append(Block(text=text, heading_level=level, outline=marker))
        return mark_title_and_author(Document(path=f"{self.id}.txt", blocks=blocks))


def corpus_dir() -> Path:
    env = os.environ.get("SHUZHI_CORPUS_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "corpus"


def parse_raw(text: str) -> RawReport:
    if not text.startswith("---\n"):
        raise ValueError("missing front matter")
    head, body = text[4:].split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip()
    paragraphs = []
    for line in body.splitlines():
        spans = [(TAGS[tag], chunk) for tag, chunk in SPAN.findall(line.strip()) if chunk.strip()]
        if spans:
            paragraphs.append(spans)
    return RawReport(meta, paragraphs)


def load_raw(directory: Path | None = None, folder: str = "raw") -> list[RawReport]:
    """The annotated reports of corpus/raw (training and held-out) or corpus/external (evaluation only)."""
    folder = (directory or corpus_dir()) / folder
    return [parse_raw(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def held_out_ids(ids: list[str]) -> set[str]:
    """The held-out ~20%: reports whose seeded hash falls in the first fifth of the hash range.

    A report's split depends on its id alone, so adding reports never moves existing ones between splits.
    """
    def fraction(report_id: str) -> float:
        return int(hashlib.sha256(f"{SPLIT_SEED}:{report_id}".encode()).hexdigest()[:12], 16) / 16**12

    return {i for i in ids if fraction(i) < TEST_SHARE}


def gold(report: RawReport) -> tuple[Doc, list[str]]:
    """The report segmented by the checker, and each sentence's gold label (majority of its characters)."""
    doc = segment(report.to_document())
    labels = []
    for index, spans in enumerate(report.paragraphs):
        text = doc._.source.blocks[index].text
        char_labels = [label for label, chunk in spans for _ in chunk]
        cursor = 0
        for sentence in doc.spans["paragraphs"][index].sents:
            start = text.find(sentence.text, cursor)
            cursor = start + len(sentence.text)
            labels.append(Counter(char_labels[start:cursor]).most_common(1)[0][0])
    return doc, labels


def gold_doc(report: RawReport) -> Doc:
    """The segmented report with its gold labels set (confidence 1.0), ready to be judged by a Checker."""
    doc, labels = gold(report)
    for sentence, label in zip(doc.sents, labels):
        sentence._.label, sentence._.confidence = label, 1.0
    return doc


def labeled_from_text(body: str, report_id: str = "t") -> Doc:
    """A gold Doc from annotated paragraphs ('<A>…<P>…' one per line) with a minimal front matter added."""
    return gold_doc(parse_raw(f"---\nid: {report_id}\n---\n{body.strip()}\n"))


def sentence_rows(report: RawReport, split: str) -> list[dict]:
    doc, labels = gold(report)
    rows, position = [], {}
    for s, label in zip(doc.sents, labels):
        number = position[s._.paragraph] = position.get(s._.paragraph, -1) + 1
        rows.append({"report_id": report.id, "paragraph": s._.paragraph, "sentence": number, "text": s.text,
                     "label": label, "heading": heading_of(doc, s._.paragraph), "split": split})
    return rows


def build(directory: Path | None = None) -> Path:
    reports = load_raw(directory)
    held_out = held_out_ids([r.id for r in reports])
    out = (directory or corpus_dir()) / "sentences.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for report in reports:
            for row in sentence_rows(report, "test" if report.id in held_out else "train"):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def write_samples(ids: list[str] | None = None) -> list[Path]:
    """Render corpus reports as .docx into the package's samples (the README command and the page use them)."""
    samples = Path(str(resources.files("checker.samples")))
    written = []
    for report in load_raw():
        if ids is None or report.id in ids:
            path = samples / f"{report.id}.docx"
            path.write_bytes(plain_docx(report.to_document()))
            written.append(path)
    return written
