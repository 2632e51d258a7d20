"""The shipped model: package data (checker/models/classifier.npz), arrays and a JSON string loaded with numpy
without pickle, so that the file cannot run code; written atomically by `shuzhi train`."""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from checker.errors import ModelError

MODEL_FILE = "classifier.npz"


@runtime_checkable
class Classifier(Protocol):
    """What the pipeline needs of a sentence classifier (the model and the baseline both follow it); X is a list
    of sentence records or their DataFrame (checker.classify.features)."""

    classes_: Sequence[str]

    def predict_proba(self, X) -> np.ndarray: ...

    def predict(self, X) -> np.ndarray: ...


def shipped_model_path() -> Path:
    """$SHUZHI_MODEL, else the model inside the installed package."""
    env = os.environ.get("SHUZHI_MODEL")
    return Path(env) if env else Path(str(resources.files("checker.models").joinpath(MODEL_FILE)))


def load_model(path: Path | None = None):
    """The trained model (a FrozenModel); a missing or damaged file is a ModelError with a Chinese message."""
    from checker.classify.frozen import FrozenModel

    path = path or shipped_model_path()
    if not path.is_file():
        raise ModelError(f"找不到分类模型文件 {path}（安装不完整？），请重新安装；或加 --baseline 用关键词规则粗略检查")
    return built_from_arrays(path, FrozenModel.from_arrays, f"模型文件 {path} 已损坏，无法加载")


def built_from_arrays(path: Path, build, broken: str):
    """build(arrays) of the .npz file at `path`, read without pickle (so that the file cannot run code); any
    failure is a ModelError: `broken`, the reason, what to do."""
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return build(arrays)
    except Exception as exc:  # missing, truncated or corrupt file, pickled objects, another format
        raise ModelError(f"{broken}（{type(exc).__name__}），请重新安装或重新训练") from exc


def save_model(model, path: Path) -> None:
    """Write the model's arrays() to a temporary file beside `path`, then rename: an interrupted save leaves the
    old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez_compressed(file, **model.arrays())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
