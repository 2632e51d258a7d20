"""A sentence as the signals read it: its words (normalised forms and jieba tags), quotes and clauses.

`Words.of(sentence)` takes the non-space tokens of a sentence Span: `forms[i]` is the token's norm (full-width
punctuation, no stray spaces), `tags[i]` its part of speech, `text` the forms joined and `starts[i]` where word
i starts in `text` (`starts[n] == len(text)`; `at` maps each of them back to the word), so that a phrase of
`text` is on word boundaries when its start and end are both in `at`. Quotes (“…” ‘…’ "…" 「…」 『…』) and
titles (《…》) are found once: `quote[i]` is the number of characters inside the innermost quote holding word i
(0 outside any), `title[i]` whether it is inside a title, `quotes` each one as (first word inside, the closing
mark's word, "quote" or "title", characters inside); a mark left open holds nothing. Clauses are the stretches
between ，；：。！？… outside quotes: `clause[i]` numbers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

import numpy as np
from spacy.attrs import IS_SPACE, NORM, TAG

from checker.doc import sentence_bounds

OPEN = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}
STRAIGHT = {'"', "'"}
CLAUSE_END = frozenset("，；：。！？,;:!?…")
MARKS = frozenset(OPEN) | STRAIGHT  # what may open a quote or title
PUNCT = frozenset("，；：。！？、,;:!?…—·“”‘’\"'「」『』《》（）()〔〕【】[]-—～~/")


def _strings(strings, hashes: list[int]) -> list[str]:
    """The strings of some hashes, each distinct one looked up once."""
    names = {h: strings[h] for h in set(hashes)}
    return [names[h] for h in hashes]


@dataclass(slots=True)
class Words:
    forms: list[str]
    tags: list[str]
    text: str
    starts: list[int]
    at: dict[int, int]  # character offset of a word start -> word index (also len(text) -> n)
    quote: list[int]  # characters inside the innermost quote holding the word (0 outside any quote)
    title: list[bool]  # the word is inside 《…》
    quotes: list[tuple[int, int, str, int]]  # (first word inside, closing mark's word, kind, chars inside)
    clause: list[int]

    @classmethod
    def of(cls, sentence) -> "Words":
        """The sentence Span's words, made once per Doc for all its sentences (the signals and the rules both read
        them)."""
        made = sentence.doc.user_data.get("words")
        if made is None:
            made = sentence.doc.user_data["words"] = cls._all(sentence.doc)
        return made[(sentence.start, sentence.end)]

    @classmethod
    def _all(cls, doc) -> dict[tuple[int, int], "Words"]:
        """The report's non-space tokens read once from the Doc's NORM and TAG columns, sliced per sentence."""
        columns = doc.to_array([NORM, TAG, IS_SPACE])
        kept = np.flatnonzero(columns[:, 2] == 0)
        forms, tags = (_strings(doc.vocab.strings, columns[kept, k].tolist()) for k in (0, 1))
        bounds = sentence_bounds(doc)
        cuts = np.searchsorted(kept, [b for bound in bounds for b in bound]).tolist()
        return {bound: cls.from_forms(forms[a:b], tags[a:b]) for bound, a, b in zip(bounds, cuts[::2], cuts[1::2])}

    @classmethod
    def from_forms(cls, forms: list[str], tags: list[str]) -> "Words":
        starts = [0, *accumulate(map(len, forms))]
        n = len(forms)
        quote, title = [0] * n, [False] * n
        quotes: list[tuple[int, int, str, int]] = []
        stack: list[tuple[str, int]] = []  # (closing mark, opening word)
        for i, form in (enumerate(forms) if not MARKS.isdisjoint(forms) else ()):
            if stack and form == stack[-1][0]:
                _, opened = stack.pop()
                kind, chars = ("title" if form == "》" else "quote"), starts[i] - starts[opened + 1]
                quotes.append((opened + 1, i, kind, chars))
                for j in range(opened + 1, i):
                    if kind == "title":
                        title[j] = True
                    elif not quote[j]:
                        quote[j] = chars
            elif form in OPEN or form in STRAIGHT:
                stack.append((OPEN.get(form, form), i))
        # an unclosed quote holds nothing: its words are read as plain text
        ends = [form in CLAUSE_END and not quote[i] and not title[i] for i, form in enumerate(forms)] if quotes \
            else [form in CLAUSE_END for form in forms]
        clause = [0, *accumulate(ends)][:n]
        return cls(forms, tags, "".join(forms), starts, dict(zip(starts, range(n + 1))), quote, title, quotes,
                   clause)

    def __len__(self) -> int:
        return len(self.forms)

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start]:self.starts[end]]

    def is_punct(self, i: int) -> bool:
        return self.forms[i] in PUNCT

    def clause_start(self, i: int) -> int:
        """The first word of word i's clause."""
        k = i
        while k > 0 and self.clause[k - 1] == self.clause[i]:
            k -= 1
        return k
