"""How much is written: the achievement share of the body (ACHIEVEMENT_SHARE) and the length (LENGTH)."""

from __future__ import annotations

from dataclasses import dataclass

from legacy_checker.checks.parts import chars_of, items, paragraphs_of
from legacy_checker.profile import Profile
from legacy_checker.rules import NUMBER, OPTIONAL_NUMBER, Finding, rule

BASES = {"total": "全文", "body": "正文"}
SHARE_KEYS = {"total": "shares", "body": "body_shares"}  # the JSON figures each basis reads
DEFAULT_SHARE_LIMIT = 1 / 3


@dataclass
class ShareRule:
    """How a profile judges the achievement share: the limit (the 1/3 line), as the notice writes it, and of what."""

    limit: float
    limit_text: str
    basis: str  # total: of the whole text; body: of 成绩+问题+打算

    @property
    def of(self) -> str:
        return BASES.get(self.basis, self.basis)

    def shares(self, data: dict) -> dict[str, float]:
        """The shares of a report's JSON dict on this basis."""
        return data[SHARE_KEYS[self.basis]]


def share_rule(profile: Profile) -> ShareRule:
    """The profile's ACHIEVEMENT_SHARE settings (the notice's 1/3 of the whole text when the rule is off)."""
    config = profile.rules.get("ACHIEVEMENT_SHARE", {})
    limit = float(config.get("max_share", DEFAULT_SHARE_LIMIT))
    return ShareRule(limit, str(config.get("limit_text", f"{limit:.0%}")), config.get("basis", "total"))


@rule("ACHIEVEMENT_SHARE", params={"max_share": NUMBER, "limit_text": str, "basis": frozenset(BASES)}, required=("max_share",),
      fields=("share", "limit", "chars", "of"))
def achievement_share(labeled, figures, config, profile):
    """Achievement characters over the share allowed of the whole text (basis: total) or of the body."""
    basis = config.get("basis", "total")
    share = getattr(figures, SHARE_KEYS[basis])["achievement"]
    if share <= config["max_share"]:
        return None
    achievement = items(labeled, figures, ("achievement",))
    return Finding({"share": share, "limit": config.get("limit_text", f"{config['max_share']:.0%}"),
                    "chars": chars_of(achievement), "of": BASES.get(basis, basis)}, paragraphs_of(achievement))


@rule("LENGTH", params={"target": OPTIONAL_NUMBER, "tolerance": NUMBER, "minimum": NUMBER},
      required=("minimum",), fields=("chars", "target", "upper", "minimum", "gap"), variants=("long", "thin"))
def length(labeled, figures, config, profile):
    """Too long: above target × (1 + tolerance) (only when a target is set). Too thin: below minimum."""
    chars, target = figures.chars, config.get("target")
    upper = int(target * (1 + config.get("tolerance", 0.1))) if target else None
    if chars < config["minimum"]:
        variant, gap = "thin", config["minimum"] - chars
    elif upper is not None and chars > upper:
        variant, gap = "long", chars - upper
    else:
        return None
    return Finding({"chars": chars, "target": target, "upper": upper, "minimum": config["minimum"], "gap": gap},
                   [], variant)
