"""The labelled corpus: parse corpus/raw/*.txt, build sentences.jsonl, render reports as .docx."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from legacy_checker.numbering import heading_from_text
from legacy_checker.read import mark_title_and_author
from legacy_checker.segment import segment
from legacy_checker.structures import Block, Document, Segmented

TAGS = {"A": "achievement", "P": "problem", "N": "plan", "O": "other"}
SPAN = re.compile(r"<([APNO])>([^<]*)")
TEST_SHARE = 0.2
EXTERNAL = "external"  # corpus/external/: reports by other writers, evaluated on, never trained on
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
    return Path(env) if env else Path(__file__).resolve().parent.parent / "corpus"


def parse_raw(text: str) -> RawReport:
    if not text.startswith("---\n"):
        raise ValueError("missing front matter")
    head, body = text[4:].split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        line = line.split("#", 1)[0].strip()
        if ": " in line:
            key, value = line.split(": ", 1)
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


def gold(report: RawReport, tokenize: bool = False) -> tuple[Segmented, list[str]]:
    """The report segmented by the checker, and each sentence's gold label (majority of its characters)."""
    segmented = segment(report.to_document(), tokenize=tokenize)
    labels = []
    for spans, paragraph in zip(report.paragraphs, segmented.paragraphs):
        char_labels = [label for label, chunk in spans for _ in chunk]
        cursor = 0
        for sentence in paragraph.sentences:
            start = paragraph.text.find(sentence.text, cursor)
            cursor = start + len(sentence.text)
            votes = Counter(char_labels[start:cursor])
            labels.append(votes.most_common(1)[0][0])
    return segmented, labels


def sentence_rows(report: RawReport, split: str) -> list[dict]:
    segmented, labels = gold(report)
    return [
        {"report_id": report.id, "paragraph": s.paragraph,
         "sentence": s.index - segmented.paragraphs[s.paragraph].sentences[0].index,
         "text": s.text, "label": label, "heading": segmented.heading_of(s.paragraph), "split": split}
        for s, label in zip(segmented.sentences, labels)
    ]


def build(directory: Path | None = None) -> Path:
    reports = load_raw(directory)
    held_out = held_out_ids([r.id for r in reports])
    out = (directory or corpus_dir()) / "sentences.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for report in reports:
            for row in sentence_rows(report, "test" if report.id in held_out else "train"):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def write_docx(document: Document, path: Path) -> None:
    """Render blocks as a plain official-style .docx (title centred, headings bold)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    out = docx.Document()
    for index, block in enumerate(document.blocks):
        paragraph = out.add_paragraph()
        run = paragraph.add_run(block.text)
        if index == document.title_block:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
        elif block.heading_level:
            run.bold = True
    out.save(str(path))


def register_cli(sub) -> None:
    parser = sub.add_parser("corpus", help="语料：由 corpus/raw 生成句子级标注 JSONL 或示例 .docx")
    parser.add_argument("action", choices=("build", "samples"))
    parser.add_argument("--ids", nargs="*", default=None, help="samples：要输出的报告编号")
    parser.set_defaults(run=_run_cli)


def _run_cli(args) -> int:
    if args.action == "build":
        out = build()
        print(f"已生成 {out}")
        return 0
    samples = corpus_dir() / "samples"
    samples.mkdir(exist_ok=True)
    for report in load_raw():
        if args.ids is None or report.id in args.ids:
            write_docx(report.to_document(), samples / f"{report.id}.docx")
            print(f"已生成 {samples / (report.id + '.docx')}")
    return 0
