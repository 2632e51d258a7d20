"""Where the shipped model lives and how it is loaded (skops, with an explicit list of trusted types)."""

from __future__ import annotations

import os
from pathlib import Path

MODEL_FILE = "classifier.skops"
METRICS_FILE = "metrics.json"


def model_dir() -> Path:
    """$SHUZHI_MODEL_DIR, else models/ beside the package (the repository checkout)."""
    env = os.environ.get("SHUZHI_MODEL_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "models"


def load_classifier(directory: Path | None = None):
    """The trained model when shipped, else the heading-keyword baseline."""
    path = (directory or model_dir()) / MODEL_FILE
    if not path.exists():
        from legacy_checker.baseline import HeadingBaseline

        return HeadingBaseline()
    from legacy_checker.model import load_model

    return load_model(path)
