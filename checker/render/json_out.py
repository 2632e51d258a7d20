"""The JSON contract of `shuzhi check --format json` (one object per file), built in this one place."""

from __future__ import annotations

from spacy.tokens import Doc

from checker.checks.engine import Flag
from checker.doc import needs_review, notes, paragraph_label, paragraph_text, paragraphs, section_title, sections
from checker.summary import UNREADABLE, ReportSummary
from checker.textcount import count_chars


def flag_json(flag: Flag) -> dict:
    data = {"code": flag.code, "name": flag.name, "severity": flag.severity.value, "message": flag.message,
            "paragraphs": flag.paragraphs, "suggestion": flag.suggestion,
            "evidence": [{"sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text,
                          "replacement": e.replacement} for e in flag.evidence]}
    if flag.other:
        data.update(other=flag.other, share=flag.share)
    return data


def report_json(doc: Doc, summary: ReportSummary | None = None) -> dict:
    """The whole result; flags, verdict and what to fix first from `summary` (it may hold cohort flags)."""
    summary = summary or ReportSummary.of(doc)
    figures = doc._.figures
    spans = paragraphs(doc)
    out_paragraphs = []
    for index, span in enumerate(spans):
        label, confidence = paragraph_label(doc, index)
        out_paragraphs.append({
            "index": index, "number": doc._.source.blocks[index].number or index + 1,
            "text": paragraph_text(doc, index), "chars": count_chars(paragraph_text(doc, index)), "section": span._.section,
            "role": span._.role, "label": label, "confidence": round(confidence, 4),
            "sentences": [
                {"index": s._.number, "text": s.text, "start": s.start_char - span.start_char,
                 "end": s.end_char - span.start_char, "chars": s._.chars, "label": s._.label,
                 "confidence": round(s._.confidence, 4), "review": needs_review(s)}
                for s in span.sents
            ],
        })
    groups = sections(doc)
    return {
        "file": summary.file,
        "profile": summary.profile,
        "title": doc._.source.title,
        "author": doc._.source.author,
        "year": doc._.year,
        "year_source": doc._.year_source or "",
        "chars": figures.chars,
        "chars_with_punct": figures.chars_with_punct,
        "sections": [{"index": i, "title": section_title(doc, i), "level": spans[s._.heading]._.level,
                      "parent": s._.parent, "paragraphs": [p for p, span in enumerate(spans) if span._.section == i]}
                     for i, s in enumerate(groups)],
        "paragraphs": out_paragraphs,
        "shares": {k: round(v, 4) for k, v in figures.shares.items()},
        "body_shares": {k: round(v, 4) for k, v in figures.body_shares.items()},
        "figures": figures.values,
        "flags": [flag_json(f) for f in summary.flags],
        "verdict": summary.verdict_text,
        "fix_first": summary.fix_first,
        "notes": notes(doc),
    }


def error_json(file: str, reason: str) -> dict:
    return {"file": file, "error": reason, "verdict": UNREADABLE}
