"""`shuzhi batch`: check a whole cohort into one Excel workbook.

Files come from folders (recursively) and .zip archives (checker.cohort.inputs). Worker processes (--jobs,
default all cores) each build one Checker and reuse it; --jobs 1 checks in this process. Files go to workers in
chunks of up to CHUNK, classified together; each file is read within the time limit. Every file gives a row:
an unreadable one a row with status 错误 and the reason. If a worker process dies, the files it held are
re-checked one at a time, so only the file that kills a worker ends as an error row.

Workers return ReportSummary objects (and, with --json, the report's JSON without flags). Each is journalled as
it arrives (checker.cohort.journal); Ctrl-C or a crash leaves the journal and --resume checks only the rest.
The parent keeps of a row only what the cohort checks need (Kept: its sketch, numbers only, its band keys on
disk in a BandStore) and where its journal line starts. SIMILAR_TO / REPEATED_PROBLEMS come from the sketches
once every row is in, so a resumed run gives the same workbook as an uninterrupted one; then each --json file
is written once, with its final flags, and the workbook is streamed, its rows read back from the journal one
at a time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import signal
import tempfile
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Iterator

from checker.cohort.config import COHORT_CODES
from checker.cohort.inputs import Item, collect
from checker.cohort.fingerprint import BandStore, Sketch, sketch_text
from checker.cohort.journal import Journal, RunLock, journal_path, output_error, write_atomic
from checker.cohort.similarity import cohort_of, cohort_rules, shortest_kept
from checker.errors import InputError
from checker.limits import FileTimeout, Limits, deadline
from checker.profile import Profile, load_profile
from checker.read import Document, read_document
from checker.render.json_out import error_json, flag_json, report_json
from checker.summary import Checked, ReportSummary

WORKER_CRASH = "检查该文件时处理进程意外退出（文件可能触发了解析库的缺陷），请单独检查或另存后重试"
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker
CHUNK = 32  # files per task: the classifier runs once per chunk
REDRAW_SECONDS = 0.1
MAX_NAME_BYTES = 200  # longer path components of --json files are shortened with a hash
TEMP_PREFIX = "shuzhi-batch-"

_worker: dict = {}


@dataclass(slots=True)
class Kept(Checked):
    """What the parent keeps of a finished row until the end: its name, kind and error, where its journal line
    starts and its fingerprint as a Sketch, its band keys in a BandStore (checker.cohort.similarity.cohort_of
    reads it as a summary)."""

    file: str
    kind: str
    offset: int
    fingerprint: Sketch | None
    error: str = ""

    @classmethod
    def of(cls, summary: ReportSummary, offset: int, shortest: int, bands: BandStore) -> "Kept":
        sketch = summary.fingerprint and bands.put(Sketch.of(summary.fingerprint, shortest))
        return cls(summary.file, summary.kind, offset, sketch, summary.error)


@dataclass(frozen=True, slots=True)
class Outcome(Checked):
    """A row of the workbook as the run tells it: its file, verdict, error and the codes of its cohort flags."""

    file: str
    verdict_text: str
    error: str
    cohort: tuple[str, ...]

    @classmethod
    def of(cls, row: ReportSummary) -> "Outcome":
        return cls(row.file, row.verdict_text, row.error, tuple(f.code for f in row.flags if f.code in COHORT_CODES))


@dataclass
class BatchRun:
    """What a finished batch produced."""

    out: Path
    rows: list[Outcome]
    unreadable: list[Kept]  # error rows, including last year's files
    previous: bool = False  # last year's reports were given (REPEATED_PROBLEMS ran)

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else 0

    def summary_line(self) -> str:
        checked = [r for r in self.rows if r.checked]
        verdicts = {v: sum(r.verdict_text == v for r in checked) for v in ("通过", "建议修改", "退回修改")}
        similar = sum("SIMILAR_TO" in r.cohort for r in checked)
        repeated = sum("REPEATED_PROBLEMS" in r.cohort for r in checked)
        cohort = f"；雷同 {similar} 份" + (f"，照搬上年问题 {repeated} 份" if self.previous else "")
        return (f"共 {len(self.rows)} 份：通过 {verdicts['通过']}，建议修改 {verdicts['建议修改']}，"
                f"退回修改 {verdicts['退回修改']}，无法读取 {len(self.rows) - len(checked)}{cohort}。结果已写入 {self.out}")


def run_batch(paths: list[str], out: str | Path, profile: "Profile | str | None" = None, jobs: int | None = None,
              json_dir: str | Path | None = None, previous: list[str] = (), resume: bool = False,
              progress: bool = True, limits: Limits = Limits(), baseline: bool = False,
              year: int | None = None) -> BatchRun:
    """Check every file under paths into the workbook `out` (see the module docstring)."""
    from checker.render.excel_out import own_names

    out = Path(out)
    loaded = profile if isinstance(profile, Profile) else load_profile(profile)
    journal = Journal(journal_path(out), loaded.name)
    json_dir = Path(json_dir) if json_dir else None
    _clean_stale_temp()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(out.parent, exc) from exc
    with (RunLock(out), tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{os.getpid()}-") as workdir,
          BandStore(Path(workdir) / "bands") as bands):
        exclude = (out, journal.path, out.with_name(out.name + ".tmp")) + ((json_dir,) if json_dir else ())
        items = collect(list(paths), Path(workdir) / "current", exclude=exclude)
        items += collect(list(previous), Path(workdir) / "previous", kind="previous", exclude=exclude)
        if not any(i.kind == "current" for i in items):
            raise InputError("、".join(paths), "没有找到可检查的文件")
        wanted = {(i.kind, i.name) for i in items}
        done: dict[tuple[str, str], Kept] = {}
        own: dict[str, str] = {}  # flag code -> its own name, of the current reports: the workbook's columns
        shortest = shortest_kept(cohort_rules(loaded.cohort, previous=bool(previous)))

        def keep(summary: ReportSummary, offset: int) -> None:
            done[(summary.kind, summary.file)] = Kept.of(summary, offset, shortest, bands)
            if summary.kind == "current":
                own_names(summary.flags, own)

        if resume:
            for offset, row in journal.lines():
                summary = ReportSummary.from_dict(row["summary"])
                key = (summary.kind, summary.file)
                if key in wanted and (not json_dir or "json" in row or not summary.checked or summary.kind == "previous"):
                    keep(summary, offset)
        todo = [i for i in items if (i.kind, i.name) not in done]
        journal.open(append=bool(done) and resume)
        try:
            with _Progress(len(todo), progress) as bar:
                def finish(summary: ReportSummary, report: dict | None) -> None:
                    keep(summary, journal.write(summary, report))
                    if not summary.checked:
                        bar.console.print(InputError(summary.file, summary.error).line(), highlight=False,
                                          soft_wrap=True)
                    bar.advance()

                _check_all(todo, jobs, (loaded, bool(json_dir), limits, baseline, year), finish)
        finally:
            journal.close()
        current = [done[("current", i.name)] for i in items if i.kind == "current"]
        flags, common = cohort_flags(current, [done[("previous", i.name)] for i in items if i.kind == "previous"],
                                     loaded, journal, bands)
    outcomes = write_results(out, journal, current, flags, common, loaded, own, json_dir)
    journal.remove()
    return BatchRun(out, outcomes, [k for k in done.values() if not k.checked], bool(previous))


def cohort_flags(current: list[Kept], previous: list[Kept], profile: Profile, journal: Journal,
                 bands: BandStore) -> tuple[dict[str, list], list]:
    """The cohort flags of the current rows (file -> its flags) and the problems they share
    (Cohort.common_problems); then the rows' sketches are dropped, with the cohort's arrays."""
    cohort = cohort_of(current, profile, previous, journal.texts, bands)
    found = cohort.flags(), cohort.common_problems()
    for kept in [*current, *previous]:
        kept.fingerprint = None
    return found


def write_results(out: Path, journal: Journal, rows: list[Kept], flags: dict[str, list], common: list,
                  profile: Profile, own: dict[str, str], json_dir: Path | None = None) -> list[Outcome]:
    """The workbook `out` of these rows, read back from the journal as it is written (`flags`: file -> its
    cohort flags; `common`: Cohort.common_problems(); `own`: flag code -> its own name, see own_names), and
    with `json_dir` each report's JSON file in the same pass."""
    from checker.render.excel_out import flag_names, own_names, write_workbook
    from checker.render.page import share_rule

    for found in flags.values():
        own_names(found, own)
    outcomes: list[Outcome] = []
    written = _noted(rows, final_rows(journal, rows, flags, profile), outcomes, json_dir, journal.path)
    names, basis = flag_names(own, profile.names()), share_rule(profile).basis
    write_atomic(out, lambda handle: write_workbook(handle, written, names, basis, common), journal.path)
    return outcomes


def final_rows(journal: Journal, rows: list[Kept], flags: dict[str, list],
               profile: Profile) -> Iterator[tuple[dict, ReportSummary]]:
    """(journal line, final row) of these rows in this order, read back one at a time: the row with its cohort
    flags (`flags`: file -> its cohort flags) and its verdict re-judged, without its fingerprint."""
    names = profile.names()
    for kept, line in zip(rows, journal.read(k.offset for k in rows)):
        summary = ReportSummary.from_dict(line["summary"] | {"fingerprint": None})
        yield line, summary.with_cohort_flags(flags.get(kept.file, []), profile.verdict, names)


def _noted(kept: list[Kept], rows: Iterator[tuple[dict, ReportSummary]], outcomes: list[Outcome],
           json_dir: Path | None, journal: Path) -> Iterator[ReportSummary]:
    for done, (line, row) in zip(kept, rows):
        outcomes.append(Outcome.of(row))
        if json_dir:
            _write_json(json_dir, done, line, row, journal)
        yield row


def _check_all(todo: list[Item], jobs: int | None, settings: tuple, finish) -> None:
    if not todo:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    chunks = _chunks(todo, max(1, min(CHUNK, len(todo) // (jobs * IN_FLIGHT_PER_JOB))))
    _setup_worker(*settings)  # forked workers inherit the loaded model and dictionary
    if jobs == 1:
        for chunk in chunks:
            for row in check_items(chunk):
                finish(*row)
    else:
        _run_parallel(chunks, jobs, settings, finish)


# worker side

def _setup_worker(profile: Profile, with_json: bool, limits: Limits, baseline: bool, year: int | None) -> None:
    from checker.classify.baseline import BASELINE
    from checker.classify.store import load_model
    from checker.pipeline import Checker

    settings = (profile, with_json, limits, baseline, year)
    if _worker.get("settings") != settings:
        gc.unfreeze()  # a Checker made before may be collected
        checker = Checker(profile, classifier=BASELINE if baseline else load_model(), limits=limits, year=year)
        _worker.update(settings=settings, checker=checker, json=with_json, limits=limits)
        gc.freeze()  # the Checker lives on: the collector skips it, and forked workers do not copy its pages


def _init_pool_worker(*settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _setup_worker(*settings)


def check_items(items: list[Item]) -> list[tuple[ReportSummary, dict | None]]:
    """Files -> (summary, JSON without flags or None), in order; never raises for a bad file. The readable
    ones are classified together (Checker.check_documents), much faster per report than one at a time. The
    garbage collector is paused meanwhile: the chunk's objects hold almost no cycles, but their many
    allocations set off collections that rescan them; its next collection, once resumed, takes the chunk's
    objects together."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _checked_items(items)
    finally:
        if enabled:
            gc.enable()


def _checked_items(items: list[Item]) -> list[tuple[ReportSummary, dict | None]]:
    read = [_read(item) for item in items]
    documents = [d for d in read if isinstance(d, Document)]
    try:
        docs = list(_worker["checker"].check_documents(documents))
    except Exception:  # one odd document broke the shared step: check them one by one so only it fails
        docs = [_checked_alone(d) for d in documents]
    docs = iter(docs)
    return [_row(item, next(docs)) if isinstance(r, Document) else r for item, r in zip(items, read)]


def _read(item: Item):
    """The Document, or the row of a file that cannot be read."""
    if item.error:
        return ReportSummary.unreadable(item.name, item.error, item.kind), None
    limits = _worker["limits"]
    try:
        with deadline(limits.seconds):
            return read_document(item.path, limits)
    except InputError as exc:
        reason = exc.reason
    except FileTimeout:
        reason = f"读取超时（超过 {limits.seconds:g} 秒），文件可能过于复杂或已损坏"
    except Exception as exc:  # a defect on one odd file must not stop the batch
        reason = _defect(exc)
    return ReportSummary.unreadable(item.name, reason, item.kind), None


def _checked_alone(document: Document):
    try:
        with deadline(_worker["limits"].seconds):
            return _worker["checker"].check_document(document)
    except (Exception, FileTimeout) as exc:
        return exc


def _row(item: Item, doc) -> tuple[ReportSummary, dict | None]:
    try:
        if isinstance(doc, Exception):
            raise doc
        summary = ReportSummary.of(doc, item.name, item.kind)
        summary.fingerprint.sketch = sketch_text([s[3] for s in summary.fingerprint.sentences])
        report = _without_flags(report_json(doc, summary)) if _worker["json"] and item.kind == "current" else None
    except Exception as exc:
        return ReportSummary.unreadable(item.name, _defect(exc), item.kind), None
    return summary, report


def _without_flags(report: dict) -> dict:
    return {k: v for k, v in report.items() if k not in ("flags", "verdict", "fix_first")}


def _defect(exc: Exception) -> str:
    if isinstance(exc, FileTimeout):
        return "处理超时，文件可能过于复杂"
    return f"检查时出错（{type(exc).__name__}：{str(exc)[:200]}）"


# parent side

def _chunks(items: list[Item], size: int) -> list[list[Item]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _run_parallel(chunks: list[list[Item]], jobs: int, settings: tuple, finish) -> None:
    """Check chunks of files in worker processes, calling finish(row) in the parent as rows arrive."""
    queue, suspects = deque(chunks), deque()
    while queue or suspects:
        in_flight: dict = {}
        with ProcessPoolExecutor(jobs, initializer=_init_pool_worker, initargs=settings) as pool:
            try:
                while suspects:  # files held by a worker that died: one at a time, to find the culprit
                    for row in pool.submit(check_items, [suspects[0]]).result():
                        finish(*row)
                    suspects.popleft()
                while queue or in_flight:
                    while queue and len(in_flight) < jobs * IN_FLIGHT_PER_JOB:
                        chunk = queue.popleft()
                        in_flight[pool.submit(check_items, chunk)] = chunk
                    finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in sorted(finished, key=lambda f: in_flight[f][0].name):
                        rows = future.result()
                        del in_flight[future]
                        for row in rows:
                            finish(*row)
            except BrokenProcessPool:
                if suspects and not in_flight:
                    item = suspects.popleft()
                    finish(ReportSummary.unreadable(item.name, WORKER_CRASH, item.kind), None)
                suspects.extend(sorted((i for chunk in in_flight.values() for i in chunk), key=lambda i: i.name))
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


def json_file(json_dir: Path, name: str) -> Path:
    """Where --json puts a report's JSON: its name as a relative path plus .json, long parts shortened."""
    parts = [p for p in PurePath(name).parts if p not in ("..", ".") and p != PurePath(name).anchor]
    parts[-1] += ".json"
    return json_dir.joinpath(*(_short(p) for p in parts))


def _short(part: str) -> str:
    if len(part.encode("utf-8")) <= MAX_NAME_BYTES:
        return part
    digest = hashlib.sha1(part.encode("utf-8")).hexdigest()[:10]
    keep = part.encode("utf-8")[: MAX_NAME_BYTES - 16].decode("utf-8", errors="ignore")
    return f"{keep}~{digest}" + (".json" if part.endswith(".json") else "")


def _write_json(json_dir: Path, kept: Kept, line: dict, final: ReportSummary, journal: Path) -> None:
    """A current report's JSON, written once with its final flags, from its journal line: the line holds the
    flag-free part and the report's own flags with their evidence."""
    if kept.checked:
        report = line["json"] | {"flags": [flag_json(f) for f in final.flags], "verdict": final.verdict_text,
                                 "fix_first": final.fix_first}
    else:
        report = error_json(kept.file, kept.error)
    path = json_file(json_dir, kept.file)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(path.parent, exc, journal) from exc
    write_atomic(path, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"), journal)


def _clean_stale_temp() -> None:
    """Remove working folders left by batch runs that were killed (their process no longer exists)."""
    import shutil

    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        pid = folder.name[len(TEMP_PREFIX):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class _Progress:
    """A progress bar on stderr, redrawn by the caller (no refresh thread while worker processes are forked)."""

    def __init__(self, total: int, enabled: bool):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True), disable=not enabled, auto_refresh=False)
        self.console = self.progress.console
        self.total, self.drawn = total, 0.0

    def __enter__(self):
        self.progress.start()
        self.task = self.progress.add_task("batch", total=self.total)
        return self

    def __exit__(self, *exc):
        self.progress.refresh()
        self.progress.stop()

    def advance(self) -> None:
        self.progress.advance(self.task)
        if time.monotonic() - self.drawn > REDRAW_SECONDS:
            self.progress.refresh()
            self.drawn = time.monotonic()


def interrupted_line(out: Path) -> str:
    return f"已中断：已完成的结果保存在 {journal_path(out)}，加 --resume 重新运行即可继续。"
