"""A report's fingerprint for the cohort checks: its organization key and its body sentences, normalised.

Where the report is checked (a batch worker) each sentence also gets its *sketch*: a 64-bit key of its text
and the keys of the LSH bands of a datasketch MinHash of its character 3-grams (NUM_PERM permutations cut as
MinHashLSH(threshold=LSH_THRESHOLD) cuts them), computed here as datasketch computes them (importing it costs
a third of a second of scipy; a test pins the two together). The cohort keeps a report as a Sketch: numbers
only, for the sentences long enough to compare; texts are looked up again only for the few sentences it must
compare. A batch keeps the band keys, the bulk of a Sketch, on disk (BandStore) and reads them back a band at
a time.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath

import numpy as np

DIGITS = re.compile(r"\d+")
NON_WORD = re.compile(r"[\W_]+")
SPACE = re.compile(r"\s+")
SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
YEAR = re.compile(r"(?:19|20)\d\d年度?|年度")
ORG = re.compile(r"\w{2,40}?(?:党总支部|党总支|党支部|党工委|党委|党组|总支部|总支|支部|工委|委员会)")
LEADING_NOISE = re.compile(r"^(?:关于)?(?:中国共产党|中共)?")
STEM_NOISE = re.compile(r"述职报告|述职|报告|抓基层党建工作|书记|\d+")
NUM_PERM = 64
LSH_THRESHOLD = 0.5  # candidates only: pairs are verified on exact shingle overlap
LSH_BANDS = (14, 4)  # bands and rows per band MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) chooses
SHINGLE = 3
MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass
class Fingerprint:
    """Organization key and the body sentences (not 其他) as [paragraph, chars, label, normalised text]; `sketch`
    their sketches (see sketch_text), "" until computed."""

    org: str
    sentences: list[list]
    sketch: str = ""


@dataclass(slots=True)
class Sketch:
    """What the cohort keeps of a report: its organization key and, for its sentences of at least a given
    length, their paragraph, 字数, length, whether a 问题, text key and band keys (uint32), in order. The band
    keys are None once a BandStore holds them, from its row `at`."""

    org: str
    paragraphs: np.ndarray
    chars: np.ndarray
    lengths: np.ndarray
    problem: np.ndarray
    keys: np.ndarray
    bands: np.ndarray | None
    at: int = -1

    @classmethod
    def of(cls, fingerprint: "Fingerprint | Sketch", shortest: int, texts: dict | None = None) -> "Sketch":
        """The sentences of at least `shortest` characters; their texts go into `texts` (key -> text) if given."""
        if isinstance(fingerprint, Sketch):
            return fingerprint
        sentences = fingerprint.sentences
        table = sketch_array(fingerprint.sketch) if fingerprint.sketch else sketches([s[3] for s in sentences])
        kept = [i for i, s in enumerate(sentences) if len(s[3]) >= shortest]
        if texts is not None:
            texts.update((int(table[i, 0]), sentences[i][3]) for i in kept)
        column = lambda k, dtype: np.array([sentences[i][k] for i in kept], dtype=dtype)  # noqa: E731
        return cls(fingerprint.org, column(0, np.int32), column(1, np.int32),
                   np.array([len(sentences[i][3]) for i in kept], dtype=np.int32),
                   np.array([sentences[i][2] == "problem" for i in kept], dtype=bool),
                   table[kept, 0].copy(), table[kept, 1:].astype(np.uint32))


class BandStore:
    """The band keys of sketches in files of a folder, one per band, appended as the sketches come: the band
    keys of a whole cohort are then read one band at a time (column), instead of all held at once."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.files = [(folder / f"band{band}.u32").open("wb") for band in range(band_count())]
        self.rows = 0

    def __enter__(self) -> "BandStore":
        return self

    def __exit__(self, *exc) -> None:
        for handle in self.files:
            handle.close()

    def put(self, sketch: Sketch) -> Sketch:
        """The sketch, its band keys moved here."""
        for band, handle in enumerate(self.files):
            handle.write(np.ascontiguousarray(sketch.bands[:, band]).tobytes())
        sketch.at, sketch.bands = self.rows, None
        self.rows += len(sketch.keys)
        return sketch

    def column(self, band: int) -> np.ndarray:
        """The keys of this band of every sketch put here, in order (row `at` of a sketch is its first)."""
        self.files[band].flush()
        return np.fromfile(self.files[band].name, dtype=np.uint32)


def sketch_text(texts: list[str]) -> str:
    """The sketches of sentence texts, packed for a summary (JSON, pickle)."""
    return base64.b64encode(sketches(texts).astype("<u8").tobytes()).decode("ascii")


def sketch_array(packed: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(packed), dtype="<u8").reshape(-1, 1 + band_count()).astype(np.uint64)


def sketches(texts: list[str]) -> np.ndarray:
    """Per text: its key, then the key of each LSH band of its MinHash (uint64, one row per text)."""
    bands = _bands()
    out = np.zeros((len(texts), 1 + len(bands)), dtype=np.uint64)
    if not texts:
        return out
    out[:, 0] = [text_key(t) for t in texts]
    values = minhashes(texts).astype(np.uint64)
    starts, width = np.array([start for start, _ in bands]), bands[0][1] - bands[0][0]
    keys = out[:, 1:]
    with np.errstate(over="ignore"):
        for offset in range(width):  # a band's key mixes its values in order
            keys ^= values[:, starts + offset]
            keys *= MIX
            keys ^= keys >> np.uint64(29)
    return out


def minhashes(texts: list[str]) -> np.ndarray:
    """The hash values of MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32) over each text's 3-grams, as datasketch
    computes them (scheme affine32: crc32, MurmurHash3's finalizer, a * h + b mod 2^32), for all texts at once."""
    a, b = _permutations()
    grams = [shingles(t) for t in texts]
    sizes = [len(g) for g in grams]
    hashed = np.fromiter((zlib.crc32(gram) for g in grams for gram in g), dtype=np.uint32, count=sum(sizes))
    with np.errstate(over="ignore"):
        permuted = _fmix32(hashed)[:, None] * a + b
    return np.minimum.reduceat(permuted, np.cumsum([0] + sizes[:-1]), axis=0)


def text_key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def shingles(text: str) -> list[bytes]:
    return [text[i:i + SHINGLE].encode() for i in range(max(len(text) - SHINGLE + 1, 1))]


def band_count() -> int:
    return len(_bands())


@lru_cache(maxsize=1)
def _bands() -> tuple:
    count, rows = LSH_BANDS
    return tuple((band * rows, (band + 1) * rows) for band in range(count))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """MinHash(num_perm=NUM_PERM)'s affine32 permutations a * h + b: a odd, both drawn from its seed 1."""
    draw = np.random.RandomState(1)
    a = draw.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    return a, draw.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)


def _fmix32(hashed: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch pre-mixes each hash (uint32, wrapping)."""
    hashed = hashed ^ (hashed >> np.uint32(16))
    hashed = hashed * np.uint32(0x85EBCA6B)
    hashed = hashed ^ (hashed >> np.uint32(13))
    hashed = hashed * np.uint32(0xC2B2AE35)
    return hashed ^ (hashed >> np.uint32(16))


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
