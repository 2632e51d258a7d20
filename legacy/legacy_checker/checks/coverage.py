"""What the report must talk about: MISSING_TOPICS (the notice's content points) and NO_RECTIFICATION."""

from __future__ import annotations

from legacy_checker.checks.parts import items, paragraphs_of
from legacy_checker.lexicons import Lexicons
from legacy_checker.rules import Finding, rule
from legacy_checker.signals import BODY


@rule("NO_RECTIFICATION", lexicons=("last_year", "rectification"), fields=("last_year_mentions",),
      variants=("mentioned",))
def no_rectification(labeled, figures, config, profile):
    """No body paragraph (read with its section heading) names last year's problems and their rectification."""
    lexicons = Lexicons(profile.lexicons)
    segmented = labeled.segmented
    mentions = []
    for index in paragraphs_of(items(labeled, figures, BODY)):
        text = segmented.heading_of(index) + segmented.paragraphs[index].text
        if lexicons.has("last_year", text):
            if lexicons.has("rectification", text):
                return None
            mentions.append(index)
    return Finding({"last_year_mentions": len(mentions)}, mentions, "mentioned" if mentions else "")


@rule("MISSING_TOPICS", fields=("missing", "missing_count", "total", "keywords"))
def missing_topics(labeled, figures, config, profile):
    """Content points of the profile (`topics:`) with fewer keyword hits in the body than their min_hits."""
    coverage = figures.details.get("topics") or []
    missing = [t for t in coverage if not t["covered"]]
    if not missing:
        return None
    keywords = {t["name"]: t for t in profile.topics}
    return Finding({"missing": "；".join(t["name"] for t in missing), "missing_count": len(missing),
                    "total": len(coverage),
                    "keywords": "；".join("、".join(keywords[t["name"]]["keywords"][:4]) for t in missing)}, [])
