"""The run-time hashing (checker.classify.hashing) against scikit-learn's HashingVectorizer it reproduces."""

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from checker.classify.hashing import Block, Grams, hashed_index, murmurhash3_32_abs

TEXTS = ["ABC  def\t\tG h", "今年主持召开支委会12次", "", "a", "Ünïcode 😀  x", "  前后 空格  ", "一二三四五六七八九十" * 3,
         "The quick brown fox jumps over the lazy dog", "今年 主持 召开 支委会 12 次 ，  发展 党员"]


def test_murmurhash_is_scikit_learns_for_any_utf8():
    rng = random.Random(5)
    alphabet = "aZ9 \t" + "成绩问题打算" + "éü" + "😀𠀀"
    keys = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 17))) for _ in range(3000)]
    text = "".join(keys)
    ends = np.cumsum([len(k) for k in keys])
    found = murmurhash3_32_abs(text, ends - [len(k) for k in keys], ends)
    assert found.tolist() == [abs(murmurhash3_32(k, seed=0)) for k in keys]
    assert (found > 2**30).any() and len(set(found.tolist())) == len(set(keys)) > 2000


def test_the_index_of_int_min_follows_hashing_vectorizer():
    # HashingVectorizer: (2147483647 - (n_features - 1)) % n_features for h = -2**31, else |h| % n_features
    assert hashed_index(np.array([2**31, 2**31, 5000, 2**31 - 1]), 4096).tolist() == [0, 0, 904, 4095]
    assert hashed_index(np.array([2**31]), 1000).tolist() == [648]


@pytest.mark.parametrize("analyzer, ngram_range, lowercase, pattern", [
    ("char", (1, 3), True, r"(?u)\b\w\w+\b"), ("char", (1, 2), False, r"(?u)\b\w\w+\b"),
    ("word", (1, 2), False, r"\S+"), ("word", (1, 1), True, r"\S+"), ("word", (2, 3), False, r"(?u)\b\w\w+\b"),
])
def test_counts_are_the_vectorizers(analyzer, ngram_range, lowercase, pattern):
    width = 2**9
    vectorizer = HashingVectorizer(n_features=width, analyzer=analyzer, ngram_range=ngram_range, lowercase=lowercase,
                                   token_pattern=pattern, alternate_sign=False, norm=None)
    expected = vectorizer.transform(TEXTS).toarray()
    pointers, columns, counts = Grams(Block("b", "c", analyzer, ngram_range, lowercase, pattern, width, 1.0),
                                      TEXTS).counted(ngram_range, width)
    found = np.zeros_like(expected)
    for t in range(len(TEXTS)):
        found[t, columns[pointers[t]:pointers[t + 1]]] = counts[pointers[t]:pointers[t + 1]]
    assert (found == expected).all() and expected.sum() >= 10


def test_counting_some_texts_gives_their_counts_among_all():
    block = Block("b", "c", "char", (1, 3), True, r"(?u)\b\w\w+\b", 2**9, 1.0)
    everything = Grams(block, TEXTS).counted((1, 3), 2**9)
    texts = np.array([1, 4, 6, 8])
    pointers, columns, counts = Grams(block, TEXTS).counted((1, 3), 2**9, texts)
    assert len(pointers) == len(texts) + 1
    for k, t in enumerate(texts):
        assert columns[pointers[k]:pointers[k + 1]].tolist() == everything[1][everything[0][t]:everything[0][t + 1]].tolist()
        assert counts[pointers[k]:pointers[k + 1]].tolist() == everything[2][everything[0][t]:everything[0][t + 1]].tolist()
    assert pointers[-1] > 50
