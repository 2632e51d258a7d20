"""Per-file limits: size on disk, size unzipped, characters, and time (a deadline).

The deadline is cooperative (`check_deadline()` is called in the loops of reading and segmenting) and, in
the main thread, also enforced by SIGALRM, so a file stuck inside a library call is stopped too.
"""

from __future__ import annotations

import contextvars
import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 30
    max_unzipped_mb: float = 200
    max_chars: int = 100_000  # a 述职报告 is 1000–5000; a compilation (汇编) of many is refused
    seconds: float = 60

    @classmethod
    def from_env(cls) -> "Limits":
        """Defaults, or SHUZHI_TIMEOUT / SHUZHI_MAX_CHARS (set by `shuzhi serve --timeout/--max-chars`)."""
        return cls(seconds=float(os.environ.get("SHUZHI_TIMEOUT") or cls.seconds),
                   max_chars=int(os.environ.get("SHUZHI_MAX_CHARS") or cls.max_chars))


class FileTimeout(Exception):
    """The file took longer than its limit."""


_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("shuzhi_deadline", default=None)


def check_deadline() -> None:
    end = _deadline.get()
    if end is not None and time.monotonic() > end:
        raise FileTimeout


@contextmanager
def deadline(seconds: float | None):
    """Raise FileTimeout when the body runs longer than `seconds` (None or 0: no limit)."""
    if not seconds:
        yield
        return
    token = _deadline.set(time.monotonic() + seconds)
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _deadline.reset(token)


def _on_alarm(signum, frame):
    raise FileTimeout
