"""Speed and memory of `shuzhi batch`, its floor, copy detection and the CLI, as CPU time of each process tree.

    python benchmarks/bench_batch.py [-n 600] [--jobs N] [--cohorts 1000,10000] [--parents 10000,30000]

Generates n reports as .docx under benchmarks/out/cohort-N/ (kept for the next run) from corpus/raw, each
varied from its source (another secretary's name and organization, figures changed, body paragraphs shuffled
within their section, about one in ten dropped), then measures, each in a subprocess of its own:

- batch: `shuzhi batch` on them; CPU ms per report of the whole process tree (start-up, workers, workbook),
  reports/s, peak RSS of the parent process;
- floor: read + sentence split + jieba words + the shipped model on the same files (the model on batches of
  FLOOR_BATCH reports; its own CPU ms per report printed too); the same with jieba's parts of speech, which
  the checks need; and with those and the learned signal models (checker.measure.learned, one hashing for all
  three) on the sentences the model labels body, as the pipeline runs them (the accuracy work of #16 added two
  of them: issue #17 counts a model the checks need in the floor, both figures printed);
- copy detection: the cohort checks on synthetic summaries of 1k and 10k reports (a report's own sentences,
  boilerplate of Zipf-distributed popularity, stock problems, one report in twenty copying from another), CPU
  ms per report;
- parent memory: the batch parent's state (what it keeps of each row, the cohort checks, the workbook written
  from the journal) for 10k and 30k synthetic reports (real flags), its peak projected linearly to 100k; the
  peak during the cohort checks and what writing the workbook adds (sampled RSS);
- `shuzhi --help` and a one-file `shuzhi check` (CPU of a cold process).

The machine is shared: figures are CPU time, not wall time, and the script prints them without asserting.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国伟华明军平丽敏静强磊洋艳勇杰娟涛超秀英霞刚桂兰芳志红玉德海燕鹏辉春梅晓东"
PLACES = "青石柳河东湖南山西岭北关桃源杏林枫桥松溪梅园竹坪荷塘石门金沙银杏凤鸣龙泉"
FLOOR_BATCH = 64
FLOORS = (("", ()), (" + POS tags", ("--pos",)), (" + POS tags + signal models", ("--pos", "--signal-models")))
SAMPLE = "checker/samples/c013.docx"
SHUZHI = str(Path(sys.executable).with_name("shuzhi"))  # the console script of this environment
TARGETS = {"floor_ratio": 1.5, "cohort_growth": 1.5, "parent_mb_100k": 1024, "help_s": 0.3, "check_s": 1.5}


# the reports

def vary(report, rng: random.Random):
    """A Document from a raw report, changed so that no two generated reports are identical."""
    document = report.to_document()
    author = report.meta.get("author", "")
    new_author = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    core = re.sub(r"(?:党总支|党支部|党委|党组|党工委|工委)$", "", report.meta.get("org", ""))[-4:]
    new_core = "".join(rng.choice(PLACES) for _ in range(2)) + core[2:]
    for block in document.blocks:
        text = block.text.replace(author, new_author) if author else block.text
        text = text.replace(core, new_core) if len(core) >= 3 else text
        block.text = re.sub(r"\d+", lambda m: _changed_number(m.group(), rng), text)
    special = {document.title_block, document.author_block}
    blocks, section = [], []
    for index, block in enumerate(document.blocks):
        if block.heading_level or index in special:
            blocks += _shuffled(section, rng) + [(index, block)]
            section = []
        elif rng.random() > 0.1:
            section.append((index, block))
    blocks += _shuffled(section, rng)
    order = [index for index, _ in blocks]
    document.blocks = [block for _, block in blocks]
    document.title_block = order.index(document.title_block) if document.title_block is not None else None
    document.author_block = order.index(document.author_block) if document.author_block is not None else None
    return document


def _changed_number(digits: str, rng: random.Random) -> str:
    value = int(digits)
    if len(digits) == 4 and 1990 <= value <= 2030:  # years stay
        return digits
    return str(max(1, round(value * rng.uniform(0.7, 1.3))))


def _shuffled(section: list, rng: random.Random) -> list:
    section = list(section)
    rng.shuffle(section)
    return section


def generate(count: int, seed: int = 2026) -> Path:
    from checker.render.docx_out import plain_docx
    from checker.training.corpus import load_raw

    folder = OUT / f"cohort-{count}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    reports, rng = load_raw(), random.Random(seed)
    for number in range(count):
        (folder / f"r{number:05d}.docx").write_bytes(plain_docx(vary(reports[number % len(reports)], rng)))
    marker.write_text(str(count))
    return folder


# measured in subprocesses: CPU of the whole process tree

def run_measured(command: list[str], sample_pid: bool = False) -> dict:
    """Run a command; CPU seconds of its process tree (its waited-for children included), wall seconds, peak
    RSS and CPU seconds of the process itself (sampled, so a little short) and its stdout's last line."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
                               env=os.environ | {"PYTHONPATH": str(ROOT)})  # the tree this script is in
    peak = own = 0
    if sample_pid:
        watched = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                with watched.oneshot():
                    peak = max(peak, watched.memory_info().rss)
                    own = sum(watched.cpu_times()[:2])
            except psutil.NoSuchProcess:
                break
            time.sleep(0.05)
    output = process.communicate()[0].strip()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cpu": cpu, "wall": time.perf_counter() - start, "code": process.returncode, "peak_rss_mb": peak / 2**20,
            "own_cpu": own,
            "last": output.splitlines()[-1] if output else ""}


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def floor_run(folder: str, pos: bool, signal_models: bool) -> None:
    """Read, split, cut (and tag) every file and run the shipped model on batches of FLOOR_BATCH reports (and
    the learned signal models on the sentences it labels body)."""
    from checker.classify.features import with_context
    from checker.classify.store import load_model
    from checker.doc import BODY
    from checker.measure.learned import learned_flags
    from checker.read import read_document
    from checker.segment.normalize import normalized
    from checker.segment.sentences import split_sentences
    from checker.segment.tokens import cut, tag

    model, records, pieces, labelled, model_cpu = load_model(), [], [], 0, 0.0
    files = sorted(Path(folder).glob("*.docx"))
    for number, path in enumerate(files):
        document, rows, heading = read_document(path), [], ""
        for block in document.blocks:
            for piece in split_sentences(block.text):
                text = normalized(piece)
                words = cut(text)
                if pos:
                    tag(text)
                heading = text if block.heading_level else heading
                rows.append({"text": text, "tokens": " ".join(words), "heading": heading, "outer": "", "opener": "",
                             "role": "ROLE_heading" if block.heading_level else "ROLE_body", "chars": len(text)})
                pieces.append(piece)
        records += with_context(rows, str(number))
        if (number + 1) % FLOOR_BATCH == 0 or number + 1 == len(files):
            start = time.process_time()
            probabilities = model.predict_proba(records)  # the records as the pipeline passes them
            labelled += len(probabilities)
            if signal_models:
                labels = model.classes_[probabilities.argmax(axis=1)]
                learned_flags([p for p, label in zip(pieces, labels) if label in BODY])
            model_cpu += time.process_time() - start
            records, pieces = [], []
    print(json.dumps({"labelled": labelled, "model_ms": model_cpu * 1000 / len(files)}))


# synthetic cohorts

def synthetic_summaries(count: int, seed: int = 7, template: list | None = None):
    """count summaries of checked reports with synthetic fingerprints (see the module docstring), one at a time;
    with `template` (summaries of real reports), each row carries a real report's flags, figures and title."""
    from collections import deque

    from checker.summary import ReportSummary
    from checker.training.corpus import load_raw

    rng = random.Random(seed)
    corpus = [t for r in load_raw() for p in r.paragraphs for _, t in p if len(t) >= 12]
    stock = [_mutated(rng.choice(corpus), rng, 0.5) for _ in range(2000)]
    problems = [_mutated(rng.choice(corpus), rng, 0.5) for _ in range(300)]
    weights = [1 / (rank + 1) for rank in range(len(stock))]
    recent: deque = deque(maxlen=2000)  # reports a copier copies from
    for number in range(count):
        sentences = [[0, 0, rng.choice(("achievement", "plan")), _mutated(rng.choice(corpus), rng, 0.4)]
                     for _ in range(rng.randint(25, 45))]
        sentences += [[0, 0, "achievement", s] for s in rng.choices(stock, weights, k=6)]
        sentences += [[0, 0, "problem", s] for s in rng.choices(problems, k=rng.randint(0, 3))]
        if recent and rng.random() < 0.05:
            source = rng.choice(recent)
            sentences += [list(s) for s in rng.sample(source, len(source) * 2 // 5)]
        rng.shuffle(sentences)
        for paragraph, sentence in enumerate(sentences):
            sentence[0], sentence[1] = paragraph // 3, len(sentence[3])
        recent.append(sentences)
        base = template[number % len(template)].to_dict() if template else {"file": ""}
        data = json.loads(json.dumps(base | {"file": f"s{number:06d}.docx"}, ensure_ascii=False))  # own objects
        row = ReportSummary.from_dict(data) if template else ReportSummary(file=data["file"])
        row.fingerprint = _fingerprint(f"单位{number}党支部", sentences)
        yield row


def _fingerprint(org: str, sentences: list):
    """As a batch worker makes it: with its sketch."""
    from checker.cohort.fingerprint import Fingerprint, sketch_text

    return Fingerprint(org, sentences, sketch_text([s[3] for s in sentences]))


def parent_side(rows, folder: Path):
    """What the batch parent does with the rows as they arrive and once all are in: journal each, keep its sketch
    and journal offset (batch.Kept) and its flags' names, then the cohort checks (texts looked up in the
    journal). The journal, the kept rows, their flags' names, the cohort flags, the common problems and the
    CPU seconds of the cohort checks."""
    from checker.cohort.batch import Kept, cohort_flags
    from checker.cohort.fingerprint import BandStore
    from checker.cohort.journal import Journal
    from checker.cohort.similarity import cohort_rules, shortest_kept
    from checker.profile import load_profile
    from checker.render.excel_out import own_names

    profile = load_profile()
    shortest = shortest_kept(cohort_rules(profile.cohort, previous=False))
    journal = Journal(folder / "bench.partial.jsonl", profile.name).open(append=False)
    kept, own = [], {}
    with tempfile.TemporaryDirectory(dir=folder) as workdir, BandStore(Path(workdir)) as bands:
        for row in rows:
            kept.append(Kept.of(row, journal.write(row, None), shortest, bands))
            own_names(row.flags, own)
        journal.close()
        start = time.process_time()
        flags, common = cohort_flags(kept, [], profile, journal, bands)
    return journal, kept, own, flags, common, time.process_time() - start


def _mutated(text: str, rng: random.Random, share: float) -> str:
    from checker.cohort.fingerprint import normalize

    return normalize("".join(chr(rng.randint(0x4E00, 0x9FA5)) if rng.random() < share else c for c in text))


def cohort_run(count: int) -> None:
    """CPU seconds of the cohort checks on `count` synthetic reports (after building and journalling them)."""
    journal, _, _, flags, _, seconds = parent_side(synthetic_summaries(count), OUT)
    journal.remove()
    print(json.dumps({"seconds": seconds, "flagged": sum(bool(found) for found in flags.values())}))


def parent_run(count: int, folder: str) -> None:
    """Peak RSS of the batch parent's state for `count` reports: summaries (real flags, synthetic fingerprints),
    cohort checks and the workbook, written as the batch writes it (rows read back from the journal)."""
    import psutil

    from checker.cohort.batch import write_results
    from checker.pipeline import Checker
    from checker.summary import ReportSummary

    checker = Checker()
    template = [ReportSummary.of(checker.check_path(p)) for p in sorted(Path(folder).glob("*.docx"))[:40]]
    profile = checker.profile
    del checker
    base = psutil.Process().memory_info().rss
    journal, kept, own, flags, common, _ = parent_side(synthetic_summaries(count, template=template), OUT)
    state = psutil.Process().memory_info().rss
    cohort_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out = OUT / "bench-parent.xlsx"
    workbook_peak = _sampled_peak(lambda: write_results(out, journal, kept, flags, common, profile, own))
    journal.remove()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    mb = lambda rss: (rss - base) / 2**20  # noqa: E731
    print(json.dumps({"base_mb": base / 2**20, "state_mb": mb(state), "cohort_peak_mb": mb(cohort_peak),
                      "peak_mb": mb(peak), "workbook_mb": (workbook_peak - state) / 2**20,
                      "xlsx_mb": out.stat().st_size / 2**20}))


def _sampled_peak(function) -> int:
    """Run function; the highest RSS of this process sampled meanwhile, every 10 ms."""
    import threading

    import psutil

    process, peak, done = psutil.Process(), [0], threading.Event()

    def sample():
        while not done.wait(0.01):
            peak[0] = max(peak[0], process.memory_info().rss)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        function()
    finally:
        done.set()
        sampler.join()
    return max(peak[0], process.memory_info().rss)


def single_run(folder: str, count: int) -> None:
    """Median ms of one report checked alone, once the model is loaded."""
    import statistics

    from checker.pipeline import Checker

    checker = Checker()
    files = sorted(Path(folder).glob("*.docx"))[:count]
    for path in files[:5]:
        checker.check_path(path)  # warm up: tokenizer dictionary, caches
    times = []
    for path in files:
        start = time.process_time()
        checker.check_path(path)
        times.append((time.process_time() - start) * 1000)
    print(json.dumps({"median_ms": statistics.median(times)}))


# the report

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=600, help="reports to generate and batch-check")
    parser.add_argument("--jobs", type=int, default=None, help="passed to shuzhi batch (default: all cores)")
    parser.add_argument("--cohorts", default="1000,10000", help="synthetic cohort sizes for copy detection")
    parser.add_argument("--parents", default="10000,30000", help="synthetic cohort sizes for parent memory")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: batch,floor,cohort,parent,cli")
    parser.add_argument("--floor", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--pos", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--signal-models", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cohort", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--parent", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--single", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor_run(args.floor, args.pos, args.signal_models)
    if args.cohort:
        return cohort_run(args.cohort)
    if args.parent:
        return parent_run(args.parent, str(generate(args.n)))
    if args.single:
        return single_run(args.single, 50)
    skip = set(args.skip.split(","))
    folder, script = generate(args.n), str(Path(__file__).resolve())
    if "batch" not in skip:
        out = OUT / f"{folder.name}.xlsx"
        command = ["-m", "checker.cli", "batch", str(folder), "--out", str(out)] + (["--jobs", str(args.jobs)] if args.jobs else [])
        batch = run_measured(python(*command), sample_pid=True)
        per_report = batch["cpu"] * 1000 / args.n
        print(f"batch: {args.n} reports, CPU {per_report:.1f} ms/report, {args.n / batch['wall']:.1f} reports/s "
              f"({batch['wall']:.1f} s wall), exit {batch['code']}")
        print(f"  of which the parent process {batch['own_cpu'] * 1000 / args.n:.1f} ms/report "
              f"(start-up, model load, journal, cohort checks, workbook), its peak RSS {batch['peak_rss_mb']:.0f} MB")
        print(f"  batch said: {batch['last']}")
    if "floor" not in skip:
        for name, flags in FLOORS:
            floor = run_measured(python(script, "--floor", str(folder), *flags))
            floor_ms = floor["cpu"] * 1000 / args.n
            ratio = f", batch/floor {per_report / floor_ms:.2f} (target <= {TARGETS['floor_ratio']})" \
                if "batch" not in skip else ""
            print(f"floor{name}: CPU {floor_ms:.1f} ms/report{ratio}; of which the models (features, predict_proba…) "
                  f"{json.loads(floor['last'])['model_ms']:.1f} ms/report")
        print(f"  one report alone, model loaded: median "
              f"{json.loads(run_measured(python(script, '--single', str(folder)))['last'])['median_ms']:.1f} ms CPU")
    if "cohort" not in skip:
        figures = []
        for count in map(int, args.cohorts.split(",")):
            found = json.loads(run_measured(python(script, "--cohort", str(count)))["last"])
            figures.append(found["seconds"] * 1000 / count)
            print(f"copy detection, {count} synthetic reports: {figures[-1]:.2f} ms CPU/report "
                  f"({found['seconds']:.1f} s, {found['flagged']} flagged)")
        if len(figures) > 1:
            print(f"  growth per report: {figures[-1] / figures[0]:.2f}x (target <= {TARGETS['cohort_growth']})")
    if "parent" not in skip:
        sizes, peaks = list(map(int, args.parents.split(","))), []
        for count in sizes:
            found = json.loads(run_measured(python(script, "--parent", str(count), "-n", str(args.n)))["last"])
            peaks.append(found["peak_mb"])
            print(f"parent, {count} synthetic reports: peak {found['peak_mb']:.0f} MB above start-up "
                  f"({found['base_mb']:.0f} MB): kept rows + cohort flags {found['state_mb']:.0f} MB (peak "
                  f"{found['cohort_peak_mb']:.0f} MB during the cohort checks), writing the workbook "
                  f"{found['workbook_mb']:.0f} MB more ({found['xlsx_mb']:.1f} MB file)")
        if len(sizes) > 1:
            slope = (peaks[-1] - peaks[0]) / (sizes[-1] - sizes[0])
            projected = peaks[-1] + slope * (100_000 - sizes[-1])
            print(f"  projected at 100000 reports: {projected:.0f} MB above start-up "
                  f"(target < {TARGETS['parent_mb_100k']} MB in all)")
    if "cli" not in skip:
        help_cpu = min(run_measured([SHUZHI, "--help"])["cpu"] for _ in range(3))
        check_cpu = min(run_measured([SHUZHI, "check", SAMPLE])["cpu"] for _ in range(2))
        print(f"shuzhi --help: {help_cpu:.2f} s CPU (target < {TARGETS['help_s']}); "
              f"shuzhi check {SAMPLE}: {check_cpu:.2f} s CPU (target < {TARGETS['check_s']})")


if __name__ == "__main__":
    main()
