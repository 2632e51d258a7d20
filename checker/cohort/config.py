"""Settings of the cohort checks (profile section `cohort:`), typed like the per-report rules."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from checker.checks.engine import Number, RuleConfig


class SimilarConfig(RuleConfig):
    sentence_similarity: Number = Field(ge=0, le=1)  # two sentences are the same from this Jaccard of 3-grams
    min_sentence_chars: int = Field(ge=1)  # shorter sentences are not compared
    min_share: Number = Field(ge=0, le=1)  # flag a pair when this share of either report is in the other
    min_run: int = Field(ge=1)  # or when this many consecutive sentences are
    common_reports: int = Field(ge=1)  # a sentence in more reports than this (and than common_share of the
    common_share: Number = Field(ge=0, le=1)  # cohort) is boilerplate and ignored
    max_listed: int = Field(ge=1)  # one flag per report naming at most this many similar reports

    FIELDS: ClassVar = {"others": "甲.docx（80%）", "other": "甲.docx", "share": 0.8, "run": 5, "count": 1}


class RepeatedConfig(RuleConfig):
    min_sentence_chars: int = Field(ge=1)  # shorter problem sentences are not compared
    min_sentences: int = Field(ge=1)  # flag when this many problem sentences repeat last year's
    min_share: Number = Field(ge=0, le=1)  # or when they are this share of the problem part

    FIELDS: ClassVar = {"count": 2, "share": 0.4, "other": "上年.docx"}


class CommonConfig(RuleConfig):
    sentence_similarity: Number = Field(ge=0, le=1)  # two problem sentences are the same from this 3-gram Jaccard
    min_sentence_chars: int = Field(ge=1)
    min_share: Number = Field(ge=0, le=1)  # a problem statement in this share of the cohort is a stock problem
    min_reports: int = Field(ge=2)  # and in at least this many reports
    min_sentences: int = Field(ge=1)  # a report with this many stock problems is flagged

    FIELDS: ClassVar = {"count": 3, "reports": 40, "cohort": 100}


COHORT_CONFIGS: dict[str, type[RuleConfig]] = {"SIMILAR_TO": SimilarConfig, "REPEATED_PROBLEMS": RepeatedConfig,
                                               "COMMON_PROBLEMS": CommonConfig}
COHORT_CODES = tuple(COHORT_CONFIGS)
