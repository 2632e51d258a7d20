"""A report's fingerprint for the cohort checks: its organization key and its body sentences, normalised."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

DIGITS = re.compile(r"\d+")
NON_WORD = re.compile(r"[\W_]+")
SPACE = re.compile(r"\s+")
SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
YEAR = re.compile(r"(?:19|20)\d\d年度?|年度")
ORG = re.compile(r"\w{2,40}?(?:党总支部|党总支|党支部|党工委|党委|党组|总支部|总支|支部|工委|委员会)")
LEADING_NOISE = re.compile(r"^(?:关于)?(?:中国共产党|中共)?")
STEM_NOISE = re.compile(r"述职报告|述职|报告|抓基层党建工作|书记|\d+")


@dataclass
class Fingerprint:
    """Organization key and the body sentences (not 其他) as [paragraph, chars, label, normalised text]."""

    org: str
    sentences: list[list]


def normalize(text: str) -> str:
    """Sentence text as copy detection compares it: NFKC, digits -> 0, no punctuation or spaces, lower case."""
    return NON_WORD.sub("", DIGITS.sub("0", unicodedata.normalize("NFKC", text))).lower()


def organization_key(author: str, title: str, file: str) -> str:
    keys = []
    for text in (author, title):
        text = unicodedata.normalize("NFKC", text or "")
        match = None if SENTENCE_MARK.search(text) else ORG.search(YEAR.sub("", SPACE.sub("", text)))
        if match:
            keys.append(LEADING_NOISE.sub("", match.group(0)))
    if keys:
        return max(keys, key=len)
    stem = YEAR.sub("", SPACE.sub("", unicodedata.normalize("NFKC", PurePath(file).stem)))
    return NON_WORD.sub("", STEM_NOISE.sub("", stem))
