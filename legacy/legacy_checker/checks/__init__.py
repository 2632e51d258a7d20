"""The checks behind each flag code, one module per family. Thresholds and texts come from the profile."""

from legacy_checker.checks import coverage, evidence, plans, problems, self_role, volume, wording  # noqa: F401  (register)
