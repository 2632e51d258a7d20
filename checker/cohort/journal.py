"""The batch journal: `<out>.partial.jsonl`, one line per finished file, so that --resume can continue.

Line 1 is a header (the profile); then one line per file: its ReportSummary and, with --json, the report's JSON
without its flags (they are known only when the whole cohort is in). A line cut short by a crash is ignored.
A line is found again by its offset (what write returns), so that the parent need not hold the rows.
A lock file (`<out>.lock`, held with an OS lock that dies with its process) keeps a second run on the same
--out from sharing the journal. Writing it, or any output, on a full disk is an OutputError with one
Chinese line; the journal is kept for --resume.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from checker.cohort.fingerprint import sketch_array, sketches
from checker.errors import InputError, OutputError
from checker.summary import ReportSummary

JOURNAL_SUFFIX = ".partial.jsonl"
LOCK_SUFFIX = ".lock"
HEADER = "shuzhi-batch-journal"


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + JOURNAL_SUFFIX)


def output_error(path: Path, exc: OSError, journal: Path | None = None) -> OutputError:
    """A Chinese one-line OutputError for a failed write."""
    keep = f"；已完成的结果保存在 {journal}，腾出空间后加 --resume 即可继续" if journal else ""
    if exc.errno == errno.ENOSPC:
        return OutputError(f"磁盘空间不足，无法写入 {path}{keep}")
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError(f"文件名过长，无法写入 {path}")
    return OutputError(f"无法写入 {path}（{exc.strerror or exc}）{keep}")


class RunLock:
    """An exclusive lock on `<out>.lock` for the life of one batch run."""

    def __init__(self, out: Path):
        self.path = out.with_name(out.name + LOCK_SUFFIX)
        self.handle = None

    def __enter__(self):
        try:
            self.handle = self.path.open("a+")
            _lock(self.handle)
        except BlockingIOError:
            self.handle.close()
            raise OutputError(f"另一个批量检查正在写入 {self.path.with_suffix('')}，请等它结束或换一个 --out") from None
        except OSError as exc:
            raise output_error(self.path, exc) from exc
        return self

    def __exit__(self, *exc):
        self.handle.close()
        self.path.unlink(missing_ok=True)


def _lock(handle) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            raise BlockingIOError from None
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


class Journal:
    """Appends finished rows; reads back the rows of an earlier run of the same profile."""

    def __init__(self, path: Path, profile: str | None):
        self.path, self.profile = path, profile
        self.handle = None

    def rows(self) -> Iterator[dict]:
        """The rows of an earlier run, read one at a time (InputError when the file is another run's or another
        profile's)."""
        return (row for _, row in self.lines())

    def lines(self) -> Iterator[tuple[int, dict]]:
        """(offset, row) of each row, as rows() reads them."""
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            first = handle.readline()
            header = _parse(first)
            if not header or header.get("journal") != HEADER:
                raise InputError(str(self.path), "不是 shuzhi batch 的中间记录文件，无法继续，请删除后重新运行")
            if header.get("profile") != self.profile:
                raise InputError(str(self.path), f"上次使用的配置是 {header.get('profile') or 'default'}，"
                                                 f"与本次不同，无法继续；请使用相同的 --profile 或去掉 --resume")
            offset = len(first)
            for line in handle:
                row = _parse(line)
                if row and "summary" in row:
                    yield offset, row
                offset += len(line)

    def read(self, offsets: Iterable[int]) -> Iterator[dict]:
        """The rows that start at these offsets (as write returned them), in that order."""
        with self.path.open("rb") as handle:
            for offset in offsets:
                handle.seek(offset)
                yield _parse(handle.readline())

    def texts(self, keys: set) -> dict[int, str]:
        """The normalised texts of the fingerprint sentences with these keys (see checker.cohort.fingerprint)."""
        found = {}
        for row in self.rows():
            fingerprint = row["summary"].get("fingerprint")
            if fingerprint:
                sentences = [s[3] for s in fingerprint["sentences"]]
                table = sketch_array(fingerprint["sketch"]) if fingerprint.get("sketch") else sketches(sentences)
                found.update((key, text) for key, text in zip(table[:, 0].tolist(), sentences) if key in keys)
        return found

    def open(self, append: bool) -> "Journal":
        try:
            self.handle = self.path.open("ab" if append else "wb")
            header = "\n" if append else json.dumps({"journal": HEADER, "profile": self.profile}) + "\n"
            self.handle.write(header.encode("utf-8"))
            self.handle.flush()
        except OSError as exc:
            raise output_error(self.path, exc, self.path) from exc
        return self

    def write(self, summary: ReportSummary, report: dict | None) -> int:
        """Append a row; its offset (see read)."""
        line = {"summary": summary.to_dict()} | ({"json": report} if report is not None else {})
        try:
            offset = self.handle.tell()
            self.handle.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
            self.handle.flush()
        except OSError as exc:
            raise output_error(self.path, exc, self.path) from exc
        return offset

    def close(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()
            except OSError:
                pass
            self.handle = None

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def _parse(line: bytes) -> dict | None:
    try:
        value = json.loads(line.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], None], journal: Path | None = None) -> None:
    """Write `data` (or what it writes into a binary file) through a temporary file and rename, so that a failed
    write never leaves half a file."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        with temporary.open("wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
        os.replace(temporary, path)
    except BaseException as exc:  # what writes into the file may fail too (a --json file beside the workbook)
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(path, exc, journal) from exc
        raise
