"""scikit-learn's HashingVectorizer, with numpy only: the n-grams of many texts hashed at once.

A block's n-grams are those of HashingVectorizer's char analyzer (lowercased, white space runs as one space)
or word analyzer (tokens by its token_pattern, joined by a space); each is hashed with murmurhash3_32, seed 0,
of its UTF-8, into column |hash| mod the width (alternate_sign=False), INT_MIN by HashingVectorizer's own rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")
_INT_MIN_ABS = 2**31  # |murmurhash3_32| of INT_MIN
_TAIL_MASKS = np.array([0, 0xFF, 0xFFFF, 0xFFFFFF], dtype=np.uint32)  # the last 0-3 bytes of a key


@dataclass(frozen=True)
class Block:
    """One tf-idf block of the features: the char or word n-grams of a column, hashed into `width` columns."""

    name: str
    column: str
    analyzer: str  # "char" or "word"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: str
    width: int
    weight: float

    @property
    def units(self) -> tuple:
        """What decides a text's n-grams besides n: blocks alike in it share them."""
        return self.analyzer, self.lowercase, self.token_pattern

    @property
    def counting(self) -> tuple:
        """What decides a text's counts by column: blocks alike in it share them."""
        return self.units, self.ngram_range, self.width

    def pieces(self, text: str) -> str | list[str]:
        """What the n-grams are made of: characters (white space runs as one space) or tokens."""
        text = text.lower() if self.lowercase else text
        return _WHITE_SPACES.sub(" ", text) if self.analyzer == "char" else re.findall(self.token_pattern, text)


class Grams:
    """The n-grams of some texts as they are hashed: HashingVectorizer joins tokens with a space, chars with
    nothing; all texts' pieces are laid end to end in one string and an n-gram is a stretch of it."""

    def __init__(self, block: Block, texts: list[str]):
        pieces = [block.pieces(t) for t in texts]
        self.counts = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        if block.analyzer == "char":  # the pieces are strings: one character each
            self.text = "".join(pieces)
            self.starts = np.arange(len(self.text))
            self.ends = self.starts + 1
        else:
            flat = list(chain.from_iterable(pieces))
            lengths = np.fromiter(map(len, flat), dtype=np.int64, count=len(flat))
            self.starts = np.concatenate([[0], np.cumsum(lengths + 1)])[:-1]
            self.ends = self.starts + lengths
            self.text = " ".join(flat)
        self._hashes, self._counted, self._encoded = {}, {}, None

    def hashes(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """(pointers, |murmurhash3_32|): text t's n-grams are hashes[pointers[t]:pointers[t + 1]]."""
        if n not in self._hashes:
            per_text = np.maximum(self.counts - n + 1, 0)
            pointers = np.concatenate([[0], np.cumsum(per_text)])
            first = np.concatenate([[0], np.cumsum(self.counts)])[:-1]
            piece = np.repeat(first - pointers[:-1], per_text) + np.arange(pointers[-1])
            self._encoded = self._encoded or Encoded(self.text)
            self._hashes[n] = pointers, murmurhash3_32_abs(self.text, self.starts[piece], self.ends[piece + n - 1],
                                                           self._encoded)
        return self._hashes[n]

    def counted(self, ngram_range: tuple[int, int], width: int,
                texts: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(pointers, columns, counts): the t-th text's hashed n-grams, counted by column, are entries
        pointers[t]:pointers[t + 1], columns in order. `texts`: the numbers of the texts to count, ascending
        (default: all)."""
        key = ngram_range, width, None if texts is None else texts.tobytes()
        if key not in self._counted:
            texts = np.arange(len(self.counts)) if texts is None else texts
            owners, found = [], []
            for n in range(ngram_range[0], ngram_range[1] + 1):
                pointers, hashes = self.hashes(n)
                lengths = pointers[texts + 1] - pointers[texts]
                owners.append(np.repeat(np.arange(len(texts)), lengths))
                found.append(hashed_index(hashes[spans(pointers[texts], lengths)], width))
            keys, counts = np.unique(np.concatenate(owners) * width + np.concatenate(found), return_counts=True)
            owners, columns = np.divmod(keys, width)
            self._counted[key] = np.searchsorted(owners, np.arange(len(texts) + 1)), columns, counts
        return self._counted[key]


def spans(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions starts[i] .. starts[i] + lengths[i] - 1 of every i, in order."""
    return np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)])[:-1], lengths) + np.arange(lengths.sum())


class Encoded:
    """A text's UTF-8 as the hash reads it: the byte offset of each character, the little-endian word at each byte
    (made once for all the n-grams of a text)."""

    def __init__(self, text: str):
        points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        widths = 1 + (points >= 0x80).astype(np.int64) + (points >= 0x800) + (points >= 0x10000)
        self.offsets = np.concatenate([[0], np.cumsum(widths)])
        data = np.frombuffer(text.encode("utf-8") + bytes(4), dtype=np.uint8).astype(np.uint32)
        self.words = data[:-3] | data[1:-2] << 8 | data[2:-1] << 16 | data[3:] << 24


def murmurhash3_32_abs(text: str, starts: np.ndarray, ends: np.ndarray, encoded: Encoded | None = None) -> np.ndarray:
    """|murmurhash3_32| with seed 0 (scikit-learn's, as int64) of the UTF-8 of text[starts[i]:ends[i]], all at once;
    `encoded`: Encoded(text), if made already."""
    encoded = encoded or Encoded(text)
    offsets, words = encoded.offsets, encoded.words
    begin, length = offsets[starts], offsets[ends] - offsets[starts]
    h = np.zeros(len(begin), dtype=np.uint32)
    blocks = length // 4
    for b in range(int(blocks.max(initial=0))):
        live = np.flatnonzero(blocks > b)
        mixed = _rotl(h[live] ^ _scrambled(words[begin[live] + 4 * b]), 13)
        h[live] = mixed * np.uint32(5) + np.uint32(0xE6546B64)
    live = np.flatnonzero(length % 4)
    tail = words[begin[live] + 4 * blocks[live]] & _TAIL_MASKS[length[live] % 4]
    h[live] ^= _scrambled(tail)
    h ^= length.astype(np.uint32)
    for shift, factor in ((16, 0x85EBCA6B), (13, 0xC2B2AE35)):
        h ^= h >> np.uint32(shift)
        h *= np.uint32(factor)
    h ^= h >> np.uint32(16)
    return np.abs(h.view(np.int32).astype(np.int64))


def _scrambled(k: np.ndarray) -> np.ndarray:
    return _rotl(k * np.uint32(0xCC9E2D51), 15) * np.uint32(0x1B873593)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return x << np.uint32(r) | x >> np.uint32(32 - r)


def hashed_index(hashes: np.ndarray, width: int) -> np.ndarray:
    """HashingVectorizer's column of each |hash|: |h| mod width, with its own rule for h = INT_MIN."""
    return np.where(hashes == _INT_MIN_ABS, (_INT_MIN_ABS - width) % width, hashes % width)
