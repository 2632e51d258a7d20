"""`shuzhi batch`: check a whole cohort into one Excel workbook.

Files come from folders (recursively) and .zip archives (checker.batch_inputs). Worker processes (--jobs,
default all cores) each build one Checker and reuse it; --jobs 1 checks in this process. Files go to workers in
chunks of up to CHUNK, classified together. Every file gives a row: an unreadable one a row with status 错误
and the reason. If a worker process dies, the files it held are re-checked one at a time, so only the file
that kills a worker ends as an error row.

Journal: each finished chunk's rows are appended (and flushed) to `<out>.partial.jsonl` as it arrives: the summary keys
of the JSON contract plus the similarity fingerprint (checker.similarity.fingerprint). Ctrl-C or a crash leaves
it; --resume keeps its rows and checks only the rest. SIMILAR_TO / REPEATED_PROBLEMS are computed from the
fingerprints once every row is in, so a resumed run gives the same workbook as an uninterrupted one. The
journal is removed once the workbook is written.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from legacy_checker.batch_inputs import Item, collect
from legacy_checker.checks.volume import share_rule
from legacy_checker.errors import InputError
from legacy_checker.profile import VERDICTS, load_profile, names_of
from legacy_checker.read import read_document
from legacy_checker.render.json_out import error_dict, result_dict
from legacy_checker.similarity import Cohort, cohort_rules, fingerprint, with_cohort_flags
from legacy_checker.structures import Document
from legacy_checker.tokens import tokenize_many

EXIT_OK, EXIT_UNREADABLE = 0, 2
JOURNAL_SUFFIX = ".partial.jsonl"
JOURNAL_HEADER = "shuzhi-batch-journal"
ROW_DROPS = ("paragraphs", "sections")  # the journal keeps what the workbook and the cohort checks need
WORKER_CRASH = "检查该文件时处理进程意外退出（文件可能触发了解析库的缺陷），请单独检查或另存后重试"
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker
CHUNK = 8  # files per task: the classifier runs once per chunk
REDRAW_SECONDS = 0.1

_worker: dict = {}


@dataclass
class BatchRun:
    """What a finished batch produced."""

    out: Path
    rows: list[dict]
    unreadable: list[dict] = field(default_factory=list)  # error rows, including last year's files

    @property
    def exit_code(self) -> int:
        return EXIT_UNREADABLE if self.unreadable else EXIT_OK

    def summary_line(self) -> str:
        checked = [r for r in self.rows if "error" not in r]
        verdicts = {v: sum(r["verdict"] == v for r in checked) for v in VERDICTS}
        similar = sum(any(f["code"] == "SIMILAR_TO" for f in r["flags"]) for r in checked)
        repeated = sum(any(f["code"] == "REPEATED_PROBLEMS" for f in r["flags"]) for r in checked)
        errors = len(self.rows) - len(checked)
        return (f"共 {len(self.rows)} 份：通过 {verdicts['通过']}，建议修改 {verdicts['建议修改']}，"
                f"退回修改 {verdicts['退回修改']}，无法读取 {errors}；雷同 {similar} 份，照搬上年问题 {repeated} 份。"
                f"结果已写入 {self.out}")


def journal_path(out: Path) -> Path:
    return out.with_name(out.name + JOURNAL_SUFFIX)


def run_batch(paths: list[str], out: str | Path, profile: str | None = None, jobs: int | None = None,
              json_dir: str | Path | None = None, previous: list[str] = (), resume: bool = False,
              progress: bool = True) -> BatchRun:
    """Check every file under paths into the workbook `out` (see the module docstring)."""
    from legacy_checker.render.excel_out import workbook_bytes

    out = Path(out)
    loaded = load_profile(profile)
    rules = cohort_rules(loaded, previous=bool(previous))
    journal = journal_path(out)
    json_dir = Path(json_dir) if json_dir else None
    with tempfile.TemporaryDirectory(prefix="shuzhi-batch-") as workdir:
        exclude = (out, journal, out.with_name(out.name + ".tmp")) + ((json_dir,) if json_dir else ())
        items = collect(list(paths), Path(workdir) / "current", exclude=exclude)
        items += collect(list(previous), Path(workdir) / "previous", kind="previous", exclude=exclude)
        if not any(i.kind == "current" for i in items):
            raise InputError("、".join(paths), "没有找到可检查的文件")
        done = _resumed_rows(journal, items, profile, json_dir) if resume else {}
        cohort = Cohort(rules)
        for row in done.values():
            _add(cohort, row)
        todo = [i for i in items if (i.kind, i.name) not in done]
        out.parent.mkdir(parents=True, exist_ok=True)
        with _open_journal(journal, profile, append=bool(done)) as log, _Progress(len(todo), progress) as bar:
            def finish(row: dict) -> None:
                log.write(json.dumps(row, ensure_ascii=False) + "\n")
                log.flush()
                done[(row["kind"], row["file"])] = row
                _add(cohort, row)
                if "error" in row:
                    bar.console.print(InputError(row["file"], row["error"]).line(), highlight=False, soft_wrap=True)
                bar.advance()

            _check_all(todo, jobs, (profile, str(json_dir) if json_dir else None), finish)
    found = cohort.flags()
    rows = [with_cohort_flags(done[("current", i.name)], found.get(i.name, []), loaded)
            for i in items if i.kind == "current"]
    if json_dir:
        _update_json(json_dir, rows)
    _write_atomic(out, workbook_bytes(rows, names_of({**loaded.rules, **rules}), share_rule(loaded).basis))
    journal.unlink(missing_ok=True)
    return BatchRun(out, rows, [r for r in done.values() if "error" in r])


def _check_all(todo: list[Item], jobs: int | None, settings: tuple, finish) -> None:
    if not todo:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    chunks = _chunks(todo, max(1, min(CHUNK, len(todo) // (jobs * IN_FLIGHT_PER_JOB))))
    _setup_worker(*settings)  # forked workers inherit the loaded model and dictionary
    if jobs == 1:
        for chunk in chunks:
            for row in check_items(chunk):
                finish(row)
    else:
        _run_parallel(chunks, jobs, settings, finish)


def _add(cohort: Cohort, row: dict) -> None:
    if "error" not in row:
        cohort.add(row["file"], row["similarity"], previous=row["kind"] == "previous")


# worker side

def _setup_worker(profile: str | None, json_dir: str | None) -> None:
    from legacy_checker.pipeline import Checker

    if _worker.get("settings") != (profile, json_dir):
        _worker.update(settings=(profile, json_dir), checker=Checker(profile), json_dir=json_dir)
        tokenize_many(["加载分词词典"])  # jieba loads its dictionary on first use


def _init_pool_worker(profile: str | None, json_dir: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _setup_worker(profile, json_dir)


def check_items(items: list[Item]) -> list[dict]:
    """Files -> their journal rows, in order; never raises for a bad file. The readable ones are classified
    together (Checker.check_documents), which is much faster per report than one at a time."""
    read = [_read(item) for item in items]
    documents = [d for d in read if isinstance(d, Document)]
    try:
        results = _worker["checker"].check_documents(documents)
    except Exception:  # one odd document broke the shared step: check them one by one so only it fails
        results = [_checked_alone(d) for d in documents]
    results = iter(results)
    return [_row(item, next(results)) if isinstance(r, Document) else r for item, r in zip(items, read)]


def _read(item: Item) -> Document | dict:
    """The Document, or the error row of a file that cannot be read."""
    if item.error:
        return _error_row(item, item.error)
    try:
        return read_document(item.path)
    except InputError as exc:
        return _error_row(item, exc.reason)
    except Exception as exc:  # a defect on one odd file must not stop the batch
        return _error_row(item, _defect(exc))


def _checked_alone(document: Document):
    try:
        return _worker["checker"].check_document(document)
    except Exception as exc:
        return exc


def _row(item: Item, result) -> dict:
    try:
        if isinstance(result, Exception):
            raise result
        result.file = item.name
        data = result_dict(result)
        row = {k: v for k, v in data.items() if k not in ROW_DROPS}
        row.update(kind=item.kind, similarity=fingerprint(data))
    except Exception as exc:
        return _error_row(item, _defect(exc))
    _keep_json(item, data)
    return row


def _defect(exc: Exception) -> str:
    return f"检查时出错（{type(exc).__name__}：{str(exc)[:200]}）"


def _error_row(item: Item, reason: str) -> dict:
    data = error_dict(item.name, reason)
    _keep_json(item, data)
    return {**data, "kind": item.kind}


def _keep_json(item: Item, data: dict) -> None:
    """With --json, write a current report's JSON (or its error) into the JSON folder."""
    if _worker.get("json_dir") and item.kind == "current":
        _write_json(Path(_worker["json_dir"]), item.name, data)


def json_file(json_dir: Path, name: str) -> Path:
    """Where --json puts a report's JSON: its name as a relative path, plus .json."""
    parts = [p for p in PurePath(name).parts if p not in ("..", ".") and p != PurePath(name).anchor]
    return json_dir.joinpath(*parts).with_name(parts[-1] + ".json")


def _write_json(json_dir: Path, name: str, data: dict) -> None:
    path = json_file(json_dir, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


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
                        finish(row)
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
                            finish(row)
            except BrokenProcessPool:
                if suspects and not in_flight:
                    finish(_error_row(suspects.popleft(), WORKER_CRASH))
                suspects.extend(sorted((i for chunk in in_flight.values() for i in chunk), key=lambda i: i.name))
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


def _resumed_rows(journal: Path, items: list[Item], profile: str | None, json_dir: Path | None) -> dict:
    """Rows of the journal that belong to this run (a line cut short by a crash is ignored)."""
    if not journal.exists():
        return {}
    lines = journal.read_text(encoding="utf-8").splitlines()
    header = _parse(lines[0]) if lines else None
    if not header or header.get("journal") != JOURNAL_HEADER:
        raise InputError(str(journal), "不是 shuzhi batch 的中间记录文件，无法继续，请删除后重新运行")
    if header.get("profile") != profile:
        raise InputError(str(journal), f"上次使用的配置是 {header.get('profile') or 'default'}，"
                                       f"与本次不同，无法继续；请使用相同的 --profile 或去掉 --resume")
    wanted = {(i.kind, i.name) for i in items}
    rows = {}
    for line in lines[1:]:
        row = _parse(line)
        key = (row.get("kind"), row.get("file")) if row else None
        if key in wanted and not (json_dir and key[0] == "current" and not json_file(json_dir, key[1]).exists()):
            rows[key] = row
    return rows


def _parse(line: str) -> dict | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _open_journal(journal: Path, profile: str | None, append: bool):
    if append:
        handle = journal.open("a", encoding="utf-8")
        handle.write("\n")  # ends a line a crash may have cut short; blank lines are skipped
        return handle
    handle = journal.open("w", encoding="utf-8")
    handle.write(json.dumps({"journal": JOURNAL_HEADER, "profile": profile}) + "\n")
    handle.flush()
    return handle


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


def _update_json(json_dir: Path, rows: list[dict]) -> None:
    """Put the cohort flags (and the verdict they change) into the JSON files of the reports concerned."""
    for row in rows:
        path = json_file(json_dir, row["file"])
        if "error" in row or not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["flags"] != row["flags"]:
            data.update(flags=row["flags"], verdict=row["verdict"], fix_first=row["fix_first"])
            _write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def register_cli(sub) -> None:
    parser = sub.add_parser("batch", help="批量检查一批述职报告（文件夹或 .zip），结果写入 Excel")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="文件夹（含子文件夹）、.zip 压缩包或文件")
    parser.add_argument("--out", default="results.xlsx", help="Excel 结果文件（默认 results.xlsx）")
    parser.add_argument("--profile", default=None, help="内置配置名或 YAML 文件路径（默认 default）")
    parser.add_argument("--jobs", type=int, default=None, help="并行进程数（默认全部 CPU 核；1 为不另开进程）")
    parser.add_argument("--json", dest="json_dir", default=None, metavar="DIR", help="同时把每份报告的 JSON 写入此文件夹")
    parser.add_argument("--previous", action="append", default=[], metavar="DIR",
                        help="上年度的述职报告（文件夹或 .zip，可重复），用于发现照搬上年问题")
    parser.add_argument("--resume", action="store_true", help="接着上次中断的批量检查继续（跳过已完成的文件）")
    parser.set_defaults(run=_run_cli)


def _run_cli(args) -> int:
    if args.jobs is not None and args.jobs < 1:
        print("错误：--jobs 至少为 1", file=sys.stderr)
        return EXIT_UNREADABLE
    if Path(args.out).is_dir():
        print(f"错误：{args.out}：--out 应当是 Excel 文件（.xlsx）的路径，而不是文件夹", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        run = run_batch(args.paths, args.out, args.profile, args.jobs, args.json_dir, args.previous, args.resume,
                        progress=True)
    except InputError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        print(f"已中断：已完成的结果保存在 {journal_path(Path(args.out))}，加 --resume 重新运行即可继续。", file=sys.stderr)
        return 130
    print(run.summary_line())
    return run.exit_code
