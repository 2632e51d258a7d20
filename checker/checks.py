"""The checks behind each flag code. Thresholds and texts come from the profile (see profiles/*.yaml)."""

from __future__ import annotations

from checker.rules import Finding, rule


def _paragraphs_labeled(labeled, label: str) -> list[int]:
    return sorted({s.paragraph for s, l in zip(labeled.segmented.sentences, labeled.labels) if l == label})


@rule("ACHIEVEMENT_SHARE", required=("max_share",))
def achievement_share(labeled, figures, config, profile):
    share = figures.body_shares["achievement"]
    if share <= config["max_share"]:
        return None
    return Finding({"share": share, "limit": config.get("limit_text", f"{config['max_share']:.0%}")},
                   _paragraphs_labeled(labeled, "achievement"))


@rule("LENGTH", required=("target", "tolerance", "minimum"))
def length(labeled, figures, config, profile):
    chars, target = figures.chars, config["target"]
    upper = target * (1 + config["tolerance"])
    if config["minimum"] <= chars <= upper:
        return None
    direction = "超出" if chars > upper else "不足"
    return Finding({"chars": chars, "target": target, "upper": int(upper), "minimum": config["minimum"],
                    "direction": direction}, [])
