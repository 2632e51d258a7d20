"""Stage 2, segment: Document -> Segmented (paragraphs, sentences, heading tree)."""

from __future__ import annotations

from legacy_checker.structures import Document, Paragraph, Section, Segmented, Sentence
from legacy_checker.textcount import count_chars
from legacy_checker.tokens import tokenize_many

TERMINATORS = set("。！？；!?;\n")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", '"': '"'}
CLOSERS_AFTER_END = set("”’」』）)\"")
MAX_QUOTE = 200  # a quote left open longer than this is treated as a typo


def split_sentences(text: str) -> list[str]:
    """Split at 。！？； and line ends; text inside quotes/brackets stays whole."""
    sentences, start, stack, opened_at = [], 0, [], 0
    speech = False  # the outer quote follows a colon: a terminator before its closer ends the sentence
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch in OPENERS and not (ch == '"' and stack and stack[-1] == '"'):
            if not stack:
                opened_at, speech = i, i > 0 and text[i - 1] in "：:"
            stack.append(OPENERS[ch])
        elif stack and i - opened_at > MAX_QUOTE:
            stack.clear()
        ends_quote = speech and not stack and ch in CLOSERS_AFTER_END and text[i - 1] in TERMINATORS
        if (ch in TERMINATORS or ends_quote) and not stack:
            j = i + 1
            while j < n and (text[j] in TERMINATORS or text[j] in CLOSERS_AFTER_END):
                j += 1
            _keep(sentences, text[start:j])
            start, i = j, j
            continue
        i += 1
    _keep(sentences, text[start:])
    return sentences


def _keep(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


def segment(document: Document, tokenize: bool = True) -> Segmented:
    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    open_sections: list[int] = []  # stack of section indexes, outermost first
    for index, block in enumerate(document.blocks):
        role = _role(document, index)
        level = block.heading_level if role == "body" or role == "heading" else 0
        if level:
            while open_sections and sections[open_sections[-1]].level >= level:
                open_sections.pop()
            sections.append(Section(index=len(sections), title=block.text, level=level,
                                    parent=open_sections[-1] if open_sections else None))
            open_sections.append(len(sections) - 1)
        section = open_sections[-1] if open_sections else None
        if section is not None:
            sections[section].paragraphs.append(index)
        paragraphs.append(Paragraph(index=index, text=block.text, chars=count_chars(block.text),
                                    heading_level=level, outline=block.outline, section=section, role=role))
    texts = []
    for p in paragraphs:
        for piece in split_sentences(p.text):
            p.sentences.append(Sentence(text=piece, paragraph=p.index, index=len(texts), chars=count_chars(piece)))
            texts.append(piece)
    if tokenize:
        for sentence, tokens in zip((s for p in paragraphs for s in p.sentences), tokenize_many(texts)):
            sentence.tokens = tokens
    return Segmented(document=document, paragraphs=paragraphs, sections=sections)


def _role(document: Document, index: int) -> str:
    if index == document.title_block:
        return "title"
    if index == document.author_block:
        return "author"
    return "heading" if document.blocks[index].heading_level else "body"
