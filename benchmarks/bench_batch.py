"""Benchmark `shuzhi batch` end to end and one report once the model is loaded.

    python benchmarks/bench_batch.py [-n 1000] [--jobs N] [--single 50]

Generates N reports as .docx under benchmarks/out/cohort-N/ (kept for the next run) from corpus/raw, each varied
from its source: another secretary's name and organization, figures changed, body paragraphs shuffled within
their section, about one in ten dropped. Then runs `shuzhi batch` on them in a subprocess and prints reports per
second and peak memory of the process tree (sum of PSS of the batch process and its workers, sampled with psutil,
and the largest single process from getrusage), and the median time of one report (in this process, after
loading the model). Targets (2-core machine): >= 50 reports/s, < 1 GB, < 300 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from checker.corpus import load_raw, write_docx
from checker.model_store import MODEL_FILE, model_dir
from checker.pipeline import Checker

OUT = Path(__file__).resolve().parent / "out"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建国伟华明军平丽敏静强磊洋艳勇杰娟涛超秀英霞刚桂兰芳志红玉德海燕鹏辉春梅晓东"
PLACES = "青石柳河东湖南山西岭北关桃源杏林枫桥松溪梅园竹坪荷塘石门金沙银杏凤鸣龙泉"
TARGETS = {"reports_per_second": 50, "peak_mb": 1024, "single_ms": 300}


def vary(report, rng: random.Random):
    """A Document from a raw report, changed so that no two generated reports are identical."""
    document = report.to_document()
    author = report.meta.get("author", "")
    new_author = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    org = report.meta.get("org", "")
    core = re.sub(r"(?:党总支|党支部|党委|党组|党工委|工委)$", "", org)[-4:]
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
    folder = OUT / f"cohort-{count}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    reports, rng = load_raw(), random.Random(seed)
    for number in range(count):
        write_docx(vary(reports[number % len(reports)], rng), folder / f"r{number:05d}.docx")
    marker.write_text(str(count))
    return folder


def time_batch(folder: Path, jobs: int | None) -> dict:
    """Run `shuzhi batch` in a subprocess; wall time and peak memory of its process tree."""
    import psutil

    out = OUT / f"{folder.name}.xlsx"
    command = [sys.executable, "-m", "checker.cli", "batch", str(folder), "--out", str(out)]
    if jobs:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    parent, peak_pss = psutil.Process(process.pid), 0
    while process.poll() is None:
        peak_pss = max(peak_pss, _tree_pss(parent))
        time.sleep(0.2)  # reading PSS (smaps) costs CPU: sample sparingly
    seconds = time.perf_counter() - start
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "code": process.returncode, "summary": process.stdout.read().strip(),
            "peak_tree_mb": peak_pss / 2**20, "largest_process_mb": largest}


def _tree_pss(parent) -> int:
    import psutil

    total = 0
    for process in [parent, *parent.children(recursive=True)]:
        try:
            total += process.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def time_single(folder: Path, count: int) -> dict:
    checker = Checker()
    files = sorted(folder.glob("*.docx"))[:count]
    for path in files[:5]:
        checker.check_path(path)  # warm up: tokenizer dictionary, caches
    times = []
    for path in files:
        start = time.perf_counter()
        checker.check_path(path)
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "p95_ms": sorted(times)[int(len(times) * 0.95) - 1],
            "classifier": type(checker.classifier).__name__,
            "model_file": str(model_dir() / MODEL_FILE) if (model_dir() / MODEL_FILE).exists() else "none (baseline)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="reports to generate and check")
    parser.add_argument("--jobs", type=int, default=None, help="passed to shuzhi batch (default: all cores)")
    parser.add_argument("--single", type=int, default=50, help="reports timed one by one")
    args = parser.parse_args()
    folder = generate(args.n)
    batch = time_batch(folder, args.jobs)
    single = time_single(folder, args.single)
    rate = args.n / batch["seconds"]
    print(f"classifier: {single['classifier']} (model file: {single['model_file']})")
    print(f"batch: {args.n} reports in {batch['seconds']:.1f} s = {rate:.1f} reports/s "
          f"(target >= {TARGETS['reports_per_second']}), exit {batch['code']}")
    print(f"peak memory: process tree {batch['peak_tree_mb']:.0f} MB PSS, largest single process "
          f"{batch['largest_process_mb']:.0f} MB RSS (target < {TARGETS['peak_mb']} MB)")
    print(f"single report: median {single['median_ms']:.0f} ms, p95 {single['p95_ms']:.0f} ms over "
          f"{args.single} reports (target < {TARGETS['single_ms']} ms)")
    print(f"batch said: {batch['summary']}")


if __name__ == "__main__":
    main()
