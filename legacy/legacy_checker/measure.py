"""Stage 4, measure: Labeled -> Figures (lengths, label shares and the signals in checker/signals.py)."""

from __future__ import annotations

from legacy_checker.profile import Profile, load_profile
from legacy_checker.signals import BODY, measure_signals
from legacy_checker.structures import LABELS, Figures, Labeled
from legacy_checker.textcount import count_with_punct


def label_chars(labeled: Labeled) -> dict[str, int]:
    totals = dict.fromkeys(LABELS, 0)
    for sentence, label in zip(labeled.segmented.sentences, labeled.labels):
        totals[label] += sentence.chars
    return totals


def shares_of(totals: dict[str, int], labels=LABELS) -> dict[str, float]:
    whole = sum(totals[k] for k in labels)
    return {k: (totals[k] / whole if whole else 0.0) for k in labels}


def measure(labeled: Labeled, profile: Profile | None = None) -> Figures:
    """Figures of one report; lexicons and topics come from the profile (default when None)."""
    profile = profile or load_profile()
    totals = label_chars(labeled)
    paragraphs = labeled.segmented.paragraphs
    shares, body_shares = shares_of(totals), shares_of(totals, BODY)
    signal_values, details = measure_signals(labeled, profile.lexicons, profile.topics)
    return Figures(
        chars=sum(p.chars for p in paragraphs),
        chars_with_punct=sum(count_with_punct(p.text) for p in paragraphs),
        shares=shares,
        body_shares=body_shares,
        values={"body_chars": totals["achievement"] + totals["problem"] + totals["plan"],
                "achievement_share": round(shares["achievement"], 4), **signal_values},
        details=details,
    )
