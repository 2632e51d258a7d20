"""One record per sentence: its normalised text and words, plus its context and its report.

Context: the heading over the sentence, the headings above that one, the last sentence that opened a part
(a heading, or a line such as 「存在的问题主要有以下几点：」 in a report without headings), the neighbouring
sentences, and the paragraph's role. Texts are normalised (checker.segment.normalize) so that half-width
punctuation and stray spaces look like the text the model learned from.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from checker.doc import kept_norms, paragraphs, sections, sentences, span_values, text_of
from checker.segment.normalize import normalized

COLUMNS = ["text", "tokens", "heading", "outer", "opener", "prev", "next", "role", "report"]
OPENER = re.compile(r"(?:如下|以下|几点|几个方面|主要有|主要表现|表现在|[：:]$)")
MAX_OPENER_CHARS = 40


def _headings(doc: Doc) -> dict:
    """Section -> (its heading, the headings above it), normalised; None -> ("", "")."""
    groups = sections(doc)
    texts = [normalized(doc._.source.blocks[group._.heading].text) for group in groups]
    chains: dict = {None: ("", "")}
    for section, group in enumerate(groups):
        parent = group._.parent  # an earlier section
        above = "" if parent is None else texts[parent] if groups[parent]._.parent is None \
            else f"{texts[parent]} {chains[parent][1]}"
        chains[section] = (texts[section], above)
    return chains


def sentence_records(doc: Doc, report: str = "") -> list[dict]:
    held = span_values(paragraphs(doc), "role", "section")
    chains = _headings(doc)
    rows, opener = [], ""
    spans = sentences(doc)
    norms = kept_norms(doc) or [normalized(text_of(s)) for s in spans]
    for text, (paragraph, words, chars) in zip(norms, span_values(spans, "paragraph", "words", "chars")):
        role, section = held[paragraph]
        heading, outer = chains[section]
        if role == "heading":
            heading, opener = text, text
        elif role == "body" and len(text) <= MAX_OPENER_CHARS and OPENER.search(text):
            opener = text
        rows.append({"text": text, "tokens": words, "heading": heading, "outer": outer, "opener": opener,
                     "role": f"ROLE_{role}", "chars": chars})
    return with_context(rows, report or doc._.source.path)


def with_context(rows: list[dict], report: str) -> list[dict]:
    """Add prev/next/report to the rows of one report, in order."""
    return [
        row | {
            "prev": rows[i - 1]["text"] if i > 0 else "",
            "next": rows[i + 1]["text"] if i + 1 < len(rows) else "",
            "report": report,
        }
        for i, row in enumerate(rows)
    ]


def frame(records: list[dict]):
    """Sentence records as a pandas DataFrame (what training and evaluation pass the classifier as X)."""
    import pandas as pd  # not needed to check a report

    return pd.DataFrame.from_records(records, columns=COLUMNS + ["chars"])


def column(X, name: str) -> list:
    """One column of the classifier's input X: a DataFrame's, or the values in a list of sentence records."""
    return X[name].tolist() if hasattr(X, "columns") else [r[name] for r in X]
