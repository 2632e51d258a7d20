"""Data passed between pipeline stages: each stage takes one of these and returns the next."""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("achievement", "problem", "plan", "other")
LABEL_NAMES = {"achievement": "成绩", "problem": "问题", "plan": "打算", "other": "其他"}


@dataclass
class Block:
    """One paragraph of the source file (a body paragraph or a table cell)."""

    text: str
    style: str = ""
    heading_level: int = 0  # 0: body text; 1..n: heading depth
    outline: str = ""  # numbering as shown, e.g. "一、", "（二）", "1."
    in_table: bool = False


@dataclass
class Document:
    """Output of read: the file as ordered blocks."""

    path: str
    blocks: list[Block]
    title_block: int | None = None
    author_block: int | None = None

    @property
    def title(self) -> str:
        return self.blocks[self.title_block].text if self.title_block is not None else ""

    @property
    def author(self) -> str:
        return self.blocks[self.author_block].text if self.author_block is not None else ""


@dataclass
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the whole report
    chars: int
    tokens: tuple[str, ...] = ()


@dataclass
class Paragraph:
    index: int
    text: str
    chars: int
    heading_level: int
    outline: str
    section: int | None
    sentences: list[Sentence] = field(default_factory=list)
    role: str = "body"  # title | author | heading | body


@dataclass
class Section:
    index: int
    title: str
    level: int
    parent: int | None
    paragraphs: list[int] = field(default_factory=list)


@dataclass
class Segmented:
    """Output of segment: paragraphs, sentences and the heading tree."""

    document: Document
    paragraphs: list[Paragraph]
    sections: list[Section]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def heading_of(self, paragraph: int) -> str:
        """Title of the innermost section holding a paragraph ('' when none)."""
        section = self.paragraphs[paragraph].section
        return self.sections[section].title if section is not None else ""


@dataclass
class Labeled:
    """Output of classify: one label and probability per sentence, in report order."""

    segmented: Segmented
    labels: list[str]
    confidences: list[float]
    review_threshold: float = 0.6

    def needs_review(self, sentence: int) -> bool:
        """The classifier is too unsure of this sentence's label: a person should look at it."""
        return self.confidences[sentence] < self.review_threshold

    def paragraph_label(self, paragraph: int) -> tuple[str, float]:
        """Character-weighted majority label of a paragraph and its mean confidence."""
        weights: dict[str, float] = {}
        conf: dict[str, list[float]] = {}
        for s in self.segmented.paragraphs[paragraph].sentences:
            label = self.labels[s.index]
            weights[label] = weights.get(label, 0) + max(s.chars, 1)
            conf.setdefault(label, []).append(self.confidences[s.index])
        if not weights:
            return "other", 1.0
        label = max(weights, key=weights.get)
        return label, sum(conf[label]) / len(conf[label])


@dataclass
class Figures:
    """Output of measure: the numbers the rules judge."""

    chars: int
    chars_with_punct: int
    shares: dict[str, float]
    body_shares: dict[str, float]
    values: dict[str, float] = field(default_factory=dict)
    details: dict[str, list] = field(default_factory=dict)


@dataclass
class Flag:
    code: str
    severity: str  # error | warning | info
    message: str
    paragraphs: list[int] = field(default_factory=list)
    suggestion: str = ""


@dataclass
class Result:
    """Everything known about one checked report."""

    file: str
    labeled: Labeled
    figures: Figures
    flags: list[Flag]
    verdict: str
    fix_first: list[str] = field(default_factory=list)
    profile: str = "default"
