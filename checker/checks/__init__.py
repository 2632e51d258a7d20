"""Stage 5, checks: rules as typed config classes with a check function (engine.py), rule kinds a profile
instantiates in YAML (kinds.py), the Python rules one module per family, and the shuzhi_rules component."""

from checker.checks import (component, evidence, genre, kinds, plans, problems, rectification,  # noqa: F401
                            self_role, substitutions, typography, volume, wording)
