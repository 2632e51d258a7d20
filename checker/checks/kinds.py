"""Rule kinds a profile instantiates in YAML under any code (`kind: …`), with a scope (`parts`).

- share:     the share of one label (of the whole text or of the body) above max_share or below min_share
- density:   hits of a lexicon per 1000 characters of the parts, above max_per_1000 or below min_per_1000 (on word
             boundaries; for empty_words the stock-phrase signal, which adds the productive formulas)
- existence: words (a lexicon, or `words:`) that must appear in the parts; message_elsewhere when they appear
             only in other parts
- coverage:  the profile's content points (`topics:`) that the body does not cover
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from checker.checks.engine import Finding, Number, Part, RuleConfig, Scoped, kind
from checker.checks.parts import chars_of, counted, paragraphs_of, per_1000
from checker.doc import BODY
from checker.measure.signals import SIGNAL_OF_LEXICON
from checker.measure.words import Words

BASES = {"total": "全文", "body": "正文"}
SHARE_KEYS = {"total": "shares", "body": "body_shares"}  # the Figures attribute (and JSON key) each basis reads


class ShareConfig(RuleConfig):
    kind: Literal["share"]
    label: Part = "achievement"
    basis: Literal["body", "total"] = "total"
    max_share: Number | None = Field(default=None, ge=0, le=1)
    min_share: Number | None = Field(default=None, ge=0, le=1)
    limit_text: str = ""  # the limit as the notice writes it ("1/3"); default: max_share as a percentage

    FIELDS: ClassVar = {"share": 0.5, "limit": "1/3", "chars": 100, "of": "全文"}

    @model_validator(mode="after")
    def _a_limit(self):
        if self.max_share is None and self.min_share is None:
            raise ValueError("需要 max_share 或 min_share")
        return self

    @property
    def limit(self) -> str:
        bound = self.max_share if self.max_share is not None else self.min_share
        return self.limit_text or f"{bound:.0%}"


@kind("share", ShareConfig)
def share(report, scope, config: ShareConfig, context):
    value = getattr(report.figures, SHARE_KEYS[config.basis])[config.label]
    over = config.max_share is not None and value > config.max_share
    under = config.min_share is not None and value < config.min_share
    if not (over or under):
        return None
    chosen = report.items((config.label,))
    return Finding({"share": value, "limit": config.limit, "chars": chars_of(chosen), "of": BASES[config.basis]},
                   paragraphs_of(chosen), measure=value)


def phrases_of(item, lexicon: str, context) -> list[str]:
    """The phrases of a lexicon in a sentence on word boundaries: the sentence's signal when one is made of that
    lexicon (empty_words: the stock phrases, formulas included), else the lexicon matched on its words."""
    signal = SIGNAL_OF_LEXICON.get(lexicon)
    if signal and item.signals is not None:
        return item.signals[signal]
    return context.lexicons.words.scan(Words.of(item.sentence)).find(lexicon)


class DensityConfig(Scoped):
    kind: Literal["density"]
    lexicon: str
    max_per_1000: Number | None = Field(default=None, ge=0)
    min_per_1000: Number | None = Field(default=None, ge=0)
    paragraph_hits: int = Field(default=2, ge=1)  # point at paragraphs with at least this many hits

    FIELDS: ClassVar = {"count": 3, "chars": 100, "density": 1.5, "limit": 8, "phrases": "进一步×2"}


@kind("density", DensityConfig)
def density(report, scope, config: DensityConfig, context):
    hits = {i.key: phrases_of(i, config.lexicon, context) for i in scope}
    found = [p for i in scope for p in hits[i.key]]
    chars = chars_of(scope)
    value = per_1000(len(found), chars)
    limit = config.max_per_1000 if config.max_per_1000 is not None else config.min_per_1000
    if (config.max_per_1000 is None or value <= config.max_per_1000) and (
            config.min_per_1000 is None or value >= config.min_per_1000):
        return None
    by_paragraph: dict[int, int] = {}
    for i in scope:
        by_paragraph[i.paragraph] = by_paragraph.get(i.paragraph, 0) + len(hits[i.key])
    return Finding({"count": len(found), "chars": chars, "density": value, "limit": limit,
                    "phrases": counted(found, 10)},
                   [p for p, n in by_paragraph.items() if n >= config.paragraph_hits],
                   evidence=[(i, phrase) for i in scope for phrase in hits[i.key]])


class ExistenceConfig(Scoped):
    kind: Literal["existence"]
    lexicon: str = ""
    words: list[str] = []
    point_at: list[Part] = []  # the paragraphs of these parts are pointed at when the words are missing
    message_elsewhere: str = ""
    suggestion_elsewhere: str = ""

    FIELDS: ClassVar = {"elsewhere": 1, "words": "“形式主义”"}

    @model_validator(mode="after")
    def _words_to_find(self):
        if not self.lexicon and not self.words:
            raise ValueError("需要 lexicon（词表名）或 words（词语列表）")
        return self


@kind("existence", ExistenceConfig)
def existence(report, scope, config: ExistenceConfig, context):
    def found(text: str) -> list[str]:
        words = context.lexicons.find(config.lexicon, text) if config.lexicon else []
        return words + [w for w in config.words if w in text]

    if any(found(i.text) for i in scope):
        return None
    other = [i for i in report.items(tuple(p for p in BODY if p not in config.parts)) if found(i.text)]
    words = dict.fromkeys(w for i in other for w in found(i.text))
    return Finding({"elsewhere": len(other), "words": "、".join(f"“{w}”" for w in words) or "无"},
                   paragraphs_of(report.items(tuple(config.point_at))), "elsewhere" if other else "")


class CoverageConfig(RuleConfig):
    kind: Literal["coverage"]

    FIELDS: ClassVar = {"missing": "（1）学习", "missing_count": 1, "total": 7, "keywords": "党课、学习"}


@kind("coverage", CoverageConfig)
def coverage(report, scope, config: CoverageConfig, context):
    covered = report.figures.topics
    missing = [t for t in covered if not t["covered"]]
    if not missing:
        return None
    keywords = {t.name: t.keywords for t in context.topics}
    return Finding({"missing": "；".join(t["name"] for t in missing), "missing_count": len(missing),
                    "total": len(covered),
                    "keywords": "；".join("、".join(str(k) for k in keywords[t["name"]][:4]) for t in missing)}, [])
