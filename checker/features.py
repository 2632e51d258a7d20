"""Turn a Segmented report into one record per sentence: the text plus its context."""

from __future__ import annotations

from checker.structures import Segmented


def sentence_records(segmented: Segmented) -> list[dict]:
    sentences = segmented.sentences
    total = max(len(sentences) - 1, 1)
    records = []
    for i, s in enumerate(sentences):
        paragraph = segmented.paragraphs[s.paragraph]
        records.append({
            "text": s.text,
            "tokens": " ".join(s.tokens),
            "heading": segmented.heading_of(s.paragraph) if paragraph.role != "heading" else s.text,
            "prev": sentences[i - 1].text if i > 0 else "",
            "next": sentences[i + 1].text if i + 1 < len(sentences) else "",
            "position": i / total,
            "role": paragraph.role,
            "chars": s.chars,
        })
    return records
