"""Stage 2, segment: Document -> Doc with paragraphs, sentences, words, parts of speech and the heading tree.

make_doc builds the Doc (the tokenizer's part); shuzhi_sections and shuzhi_tagger are its pipeline components.
`segment` does all three outside a pipeline (for the corpus tools).
"""

from functools import lru_cache

import spacy
from spacy.tokens import Doc

from checker.read.document import Document
from checker.segment.components import sections, tagger
from checker.segment.make import make_doc
from checker.segment.sentences import split_sentences

__all__ = ["make_doc", "segment", "split_sentences"]


@lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("zh").vocab


def segment(document: Document) -> Doc:
    return tagger(sections(make_doc(document, _vocab())))
