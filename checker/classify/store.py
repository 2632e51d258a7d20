"""The shipped model: package data (checker/models/classifier.skops), loaded offline with skops and an
explicit list of trusted types; written atomically by `shuzhi train`."""

from __future__ import annotations

import os
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from checker.errors import ModelError

MODEL_FILE = "classifier.skops"
# Types skops does not trust by default that the model legitimately holds.
TRUSTED_TYPES = frozenset({"checker.classify.model.SentenceModel", "checker.classify.sequence.TemperedHMM"})


@runtime_checkable
class Classifier(Protocol):
    """What the pipeline needs of a sentence classifier (the model and the baseline both follow it)."""

    classes_: Sequence[str]

    def predict_proba(self, X) -> np.ndarray: ...

    def predict(self, X) -> np.ndarray: ...


def shipped_model_path() -> Path:
    """$SHUZHI_MODEL, else the model inside the installed package."""
    env = os.environ.get("SHUZHI_MODEL")
    return Path(env) if env else Path(str(resources.files("checker.models").joinpath(MODEL_FILE)))


def load_model(path: Path | None = None):
    """The trained model; a missing, damaged or untrusted file is a ModelError with a Chinese message."""
    import skops.io as sio

    path = path or shipped_model_path()
    if not path.is_file():
        raise ModelError(f"找不到分类模型文件 {path}（安装不完整？），请重新安装；或加 --baseline 用关键词规则粗略检查")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        unexpected = sorted(set(untrusted) - TRUSTED_TYPES)
        if unexpected:
            raise ModelError(f"模型文件 {path} 含有未经信任的类型，拒绝加载：{', '.join(unexpected)}")
        model = sio.load(path, trusted=sorted(untrusted))
    except ModelError:
        raise
    except Exception as exc:  # truncated or corrupt file
        raise ModelError(f"模型文件 {path} 已损坏，无法加载（{type(exc).__name__}），请重新安装或重新训练") from exc
    if not hasattr(model, "predict_proba") or not hasattr(model, "classes_"):
        raise ModelError(f"模型文件 {path} 不是句子分类模型")
    return model


def save_model(model, path: Path) -> None:
    """Write the model to a temporary file beside `path`, then rename: an interrupted save leaves the old one."""
    import skops.io as sio

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        sio.dump(model, temporary, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
