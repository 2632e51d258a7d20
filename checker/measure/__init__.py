"""Stage 4, measure: signals per body sentence (signals.py, lexicons.py) and the report's figures (figures.py)."""

from checker.measure import components  # noqa: F401  (registers the components)
