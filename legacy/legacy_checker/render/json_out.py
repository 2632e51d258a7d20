"""The JSON contract of `shuzhi check --format json` (one object per file)."""

from __future__ import annotations

from legacy_checker.structures import Result


def result_dict(result: Result) -> dict:
    labeled = result.labeled
    segmented = labeled.segmented
    paragraphs = []
    for p in segmented.paragraphs:
        label, confidence = labeled.paragraph_label(p.index)
        paragraphs.append({
            "index": p.index, "text": p.text, "chars": p.chars, "section": p.section, "role": p.role,
            "label": label, "confidence": round(confidence, 4),
            "sentences": [
                {"index": s.index, "text": s.text, "chars": s.chars, "label": labeled.labels[s.index],
                 "confidence": round(labeled.confidences[s.index], 4),
                 "review": labeled.needs_review(s.index)}
                for s in p.sentences
            ],
        })
    figures = result.figures
    return {
        "file": result.file,
        "profile": result.profile,
        "title": segmented.document.title,
        "author": segmented.document.author,
        "chars": figures.chars,
        "chars_with_punct": figures.chars_with_punct,
        "sections": [{"index": s.index, "title": s.title, "level": s.level, "parent": s.parent,
                      "paragraphs": s.paragraphs} for s in segmented.sections],
        "paragraphs": paragraphs,
        "shares": {k: round(v, 4) for k, v in figures.shares.items()},
        "body_shares": {k: round(v, 4) for k, v in figures.body_shares.items()},
        "figures": figures.values,
        "flags": [{"code": f.code, "severity": f.severity, "message": f.message, "paragraphs": f.paragraphs,
                   "suggestion": f.suggestion} for f in result.flags],
        "verdict": result.verdict,
        "fix_first": result.fix_first,
    }


def error_dict(path: str, reason: str) -> dict:
    return {"file": path, "error": reason, "verdict": "无法检查"}
