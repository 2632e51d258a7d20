"""`shuzhi` command line: a thin shell over the library; every subcommand is registered here.

Building the parser imports nothing heavy; each command imports what it uses when it runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from pathlib import Path

from checker import __version__, cli_text
from checker.errors import InputError, ModelError, OutputError, ProfileError
from checker.settings import FAIL_ON, NEVER

EXIT_OK, EXIT_FLAGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one Chinese line and exit 2, like every other error
        sys.stderr.write(f"错误：命令参数有误：{message}（用 shuzhi -h 查看用法）\n")
        sys.exit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    cli_text.install()
    parser = _Parser(prog="shuzhi", description="述职报告质量检查（离线）。设置可写在当前或上级文件夹的 shuzhi.yaml 中。")
    parser.add_argument("--version", action="version", version=f"shuzhi {__version__}", help="显示版本号并退出")
    parser.add_argument("--debug", action="store_true", help="出错时显示完整的技术细节")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, title="命令", metavar="命令")

    check = sub.add_parser("check", help="检查一份或多份述职报告（- 表示从标准输入读取文字）")
    check.add_argument("files", nargs="+", metavar="文件")
    check.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    _profile_option(check)
    check.add_argument("--sentences", action="store_true", help="文本输出时逐段列出每句的分类（成绩/问题/打算/其他）")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="有此级别或更严重的问题时退出码为 1（默认 warning：只有提示时退出码为 0；never：发现问题也为 0）")
    check.add_argument("--quiet", action="store_true", help="每个文件只输出一行结论（供脚本使用）")
    _year_option(check)
    check.set_defaults(run=run_check)

    batch = sub.add_parser("batch", help="批量检查一批述职报告（文件夹或 .zip），结果写入 Excel")
    batch.add_argument("paths", nargs="+", metavar="路径", help="文件夹（含子文件夹）、.zip 压缩包或文件")
    batch.add_argument("--out", default="results.xlsx", help="Excel 结果文件（默认 results.xlsx）")
    _profile_option(batch)
    batch.add_argument("--jobs", type=int, default=None, help="并行进程数（默认全部 CPU 核；1 为不另开进程）")
    batch.add_argument("--json", dest="json_dir", default=None, metavar="DIR", help="同时把每份报告的 JSON 写入此文件夹")
    batch.add_argument("--previous", action="append", default=[], metavar="DIR",
                       help="上年度的述职报告（文件夹或 .zip，可重复），用于发现照搬上年问题")
    batch.add_argument("--resume", action="store_true", help="接着上次中断的批量检查继续（跳过已完成的文件）")
    _limit_options(batch)
    _year_option(batch)
    batch.set_defaults(run=run_batch)

    annotate = sub.add_parser("annotate", help="输出带批注的 .docx：结论批注，并在每个问题所指的词句上加 Word 批注")
    annotate.add_argument("file", metavar="文件")
    annotate.add_argument("-o", "--output", default=None, metavar="输出.docx",
                          help="输出文件（默认与原文件同目录的“原文件名_批注.docx”；不能是原文件本身）")
    _profile_option(annotate)
    _year_option(annotate)
    annotate.set_defaults(run=run_annotate)

    train = sub.add_parser("train", help="用 corpus/ 重新训练分类模型并在留出集上评估")
    train.add_argument("--corpus", type=Path, default=None, help="语料目录（默认 corpus/）")
    train.add_argument("--out", type=Path, default=None, help="模型输出目录（默认安装包内的模型）")
    train.add_argument("--extra", type=Path, nargs="*", default=[],
                       help="追加的训练数据（语料 JSONL 格式，例如审阅页面导出的人工更正），只用于训练")
    train.add_argument("--search", action="store_true", help="用分组交叉验证重新选择模型参数（较慢）")
    train.add_argument("--jobs", type=int, default=1, help="交叉验证的并行进程数")
    train.set_defaults(run=run_train)

    rules = sub.add_parser("rules", help="列出各项检查的代码、名称和级别")
    _profile_option(rules)
    rules.set_defaults(run=run_rules)

    serve = sub.add_parser("serve", help="启动审阅页面（默认只允许本机访问）")
    serve.add_argument("--port", type=int, default=8501, help="端口（默认 8501）")
    serve.add_argument("--lan", action="store_true",
                       help="允许局域网内其他电脑访问（需要设置审阅密码：环境变量 SHUZHI_PASSWORD，或启动时输入）")
    serve.add_argument("--address", default="0.0.0.0", help="--lan 时监听的地址（默认所有网卡）")
    _limit_options(serve)
    serve.set_defaults(run=run_serve)

    corpus = sub.add_parser("corpus", help="语料：由 corpus/raw 生成句子级标注 JSONL 或示例 .docx")
    corpus.add_argument("action", choices=("build", "samples"))
    corpus.add_argument("--ids", nargs="*", default=None, help="samples：要输出的报告编号")
    corpus.set_defaults(run=run_corpus)
    return parser


def _profile_option(parser) -> None:
    parser.add_argument("--profile", default=None, help="内置配置名或 YAML 文件路径（默认 default）")
    parser.add_argument("--baseline", action="store_true",
                        help="不加载分类模型，按标题关键词粗略分类（模型缺失或损坏时应急用，结果仅供参考）")
    parser.add_argument("--select", type=_codes, default=None, metavar="代码,…", help="只运行这些检查")
    parser.add_argument("--ignore", type=_codes, default=None, metavar="代码,…", help="本次不运行这些检查")


def _year_option(parser) -> None:
    parser.add_argument("--year", type=_year, default=None, metavar="年度",
                        help="报告所述的年度（如 2024；默认从标题、开头或落款日期读出），用于检查过时提法")


def _year(value: str) -> int:
    if not value.isdigit() or not 1990 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"年度应为四位数字（如 2024），而不是 {value}")
    return int(value)


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.replace("，", ",").split(",") if code.strip()]


def _settings(args) -> dict:
    """shuzhi.yaml (or [tool.shuzhi]) found from the current folder up, overridden by the command line."""
    from checker import settings

    _, found = settings.find()
    return {"profile": args.profile or found.get("profile"),
            "select": args.select if args.select is not None else found.get("select", []),
            "ignore": args.ignore if args.ignore is not None else found.get("ignore", []),
            "fail_on": getattr(args, "fail_on", None) or found.get("fail_on", "warning"),
            "year": getattr(args, "year", None) or found.get("year")}


def _profile(args):
    from checker.profile import load_profile

    chosen = _settings(args)
    return load_profile(chosen["profile"]).restricted(chosen["select"], chosen["ignore"])


def _limit_options(parser) -> None:
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="每个文件的处理时限（默认 60 秒）")
    parser.add_argument("--max-chars", type=int, default=None, metavar="N", help="每个文件最多的字数（默认 100000）")


def _limits(args):
    from checker.limits import Limits

    return Limits(seconds=getattr(args, "timeout", None) or Limits.seconds,
                  max_chars=getattr(args, "max_chars", None) or Limits.max_chars)


def _checker(args):
    from checker.classify.baseline import BASELINE
    from checker.pipeline import Checker

    return Checker(_profile(args), classifier=BASELINE if args.baseline else None, limits=_limits(args),
                   year=_settings(args)["year"])


def run_check(args) -> int:
    from checker.render.json_out import error_json, report_json
    from checker.render.text_out import quiet_line, render_text

    checker, fail_on = _checker(args), _settings(args)["fail_on"]
    outputs, code = [], EXIT_OK
    docs = checker.check_paths([path for path in args.files if path != STDIN])  # many files: classified together
    for path in args.files:
        try:
            doc = _check_stdin(checker) if path == STDIN else next(docs)
            if isinstance(doc, InputError):
                raise doc
        except InputError as exc:
            print(exc.line(), file=sys.stderr)
            outputs.append(error_json(path, exc.reason))
            code = EXIT_ERROR
            continue
        if code == EXIT_OK and _fails(doc._.flags, fail_on):
            code = EXIT_FLAGS
        if args.format == "json":
            outputs.append(report_json(doc))
        else:
            outputs.append(quiet_line(doc) if args.quiet else render_text(doc, sentences=args.sentences))
    if args.format == "json":
        print(json.dumps(outputs[0] if len(args.files) == 1 else outputs, ensure_ascii=False, indent=2))
    else:
        texts = [o for o in outputs if isinstance(o, str)]
        if texts:
            print(("\n" if args.quiet else "\n\n").join(texts))
    return code


def _check_stdin(checker):
    from checker.read import read_bytes

    data = sys.stdin.buffer.read()
    document = read_bytes("标准输入.txt", data, checker.limits)
    document.path = STDIN
    return checker.check_document(document)


def _fails(flags, level: str) -> bool:
    from checker.checks.engine import SEVERITY_ORDER, Severity

    return level != NEVER and any(SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[Severity(level)] for f in flags)


def run_batch(args) -> int:
    from checker.cohort.batch import interrupted_line, run_batch as batch

    if args.jobs is not None and args.jobs < 1:
        print("错误：--jobs 至少为 1", file=sys.stderr)
        return EXIT_ERROR
    if Path(args.out).is_dir():
        print(f"错误：{args.out}：--out 应当是 Excel 文件（.xlsx）的路径，而不是文件夹", file=sys.stderr)
        return EXIT_ERROR
    missing = [p for p in [*args.paths, *args.previous] if not Path(p).exists()]
    if missing:
        print(f"错误：{'、'.join(missing)}：路径不存在（用 shuzhi batch -h 查看用法）", file=sys.stderr)
        return EXIT_ERROR
    try:
        run = batch(args.paths, args.out, _profile(args), args.jobs, args.json_dir, args.previous, args.resume,
                    progress=True, limits=_limits(args), baseline=args.baseline, year=_settings(args)["year"])
    except InputError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(interrupted_line(Path(args.out)), file=sys.stderr)
        return 130
    print(run.summary_line())
    return run.exit_code


def run_annotate(args) -> int:
    from checker.render.docx_out import annotated_docx, annotated_name, comment_notes
    from checker.summary import ReportSummary

    source_path = Path(args.file)
    output = Path(args.output) if args.output else source_path.with_name(annotated_name(source_path.name))
    if output.exists() and source_path.exists() and output.samefile(source_path):
        print(f"错误：{output}：输出文件不能是原文件本身（原文件不会被覆盖），请另选 -o", file=sys.stderr)
        return EXIT_ERROR
    try:
        doc = _checker(args).check_path(args.file)
    except InputError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_ERROR
    summary = ReportSummary.of(doc)
    source = source_path.read_bytes() if source_path.suffix.lower() == ".docx" else None
    try:
        output.write_bytes(annotated_docx(doc, summary, source))
    except OSError as exc:
        print(f"错误：{output}：无法写入（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_ERROR
    print(f"已生成 {output}（{len(comment_notes(doc, summary))} 条批注）")
    return EXIT_OK


def run_train(args) -> int:
    from checker.training.corpus import corpus_dir
    from checker.training.train import metrics_table, train

    missing = [str(p) for p in args.extra if not p.is_file()]
    if missing:
        print(f"错误：{'、'.join(missing)}：文件不存在", file=sys.stderr)
        return EXIT_ERROR
    metrics = train(args.corpus or corpus_dir(), args.out, args.extra, search=args.search, jobs=args.jobs)
    print(metrics_table(metrics))
    print(f"训练 {metrics['train']['reports']} 份、测试 {metrics['model']['reports']} 份报告，用时 {metrics['train_seconds']} 秒")
    return EXIT_OK


def run_rules(args) -> int:
    from checker.checks.engine import SEVERITY_NAMES

    profile = _profile(args)
    for code, config in {**profile.rules, **profile.cohort}.items():
        print(f"{code:<24}{config.name or code}（{SEVERITY_NAMES[config.severity]}）")
    return EXIT_OK


def run_serve(args) -> int:
    import getpass
    import os
    import subprocess

    from checker.review.serve import LOCAL, command, serve_environment

    password = None
    if args.lan:
        password = os.environ.get("SHUZHI_PASSWORD") or getpass.getpass("请设置审阅密码（局域网访问时需要输入）：")
        if len(password) < 6:
            print("错误：审阅密码至少 6 位", file=sys.stderr)
            return EXIT_ERROR
    address = args.address if args.lan else LOCAL
    shown = "本机" if not args.lan else "局域网"
    print(f"审阅页面（{shown}）：http://{LOCAL if address in ('0.0.0.0', '::') else address}:{args.port}（按 Ctrl+C 停止）")
    env = serve_environment(password) | {"SHUZHI_TIMEOUT": str(_limits(args).seconds),
                                         "SHUZHI_MAX_CHARS": str(_limits(args).max_chars)}
    try:
        return subprocess.call(command(address, args.port), env=env)
    except KeyboardInterrupt:
        return EXIT_OK


def run_corpus(args) -> int:
    from checker.training.corpus import build, write_samples

    if args.action == "build":
        print(f"已生成 {build()}")
    else:
        for path in write_samples(args.ids):
            print(f"已生成 {path}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)  # finally blocks run: temporary folders are removed
    _log_to_stderr(args.debug)
    try:
        return args.run(args)
    except (ProfileError, ModelError, OutputError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # a defect: one Chinese line; the traceback only with --debug
        if args.debug:
            raise
        print(f"错误：程序内部出错（{type(exc).__name__}：{str(exc)[:200]}），加 --debug 查看详细信息", file=sys.stderr)
        return EXIT_ERROR


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def _log_to_stderr(debug: bool) -> None:
    """The details of a defect (with its traceback) reach the user only with --debug."""
    log = logging.getLogger("shuzhi")
    log.handlers = [logging.StreamHandler(sys.stderr)]
    log.setLevel(logging.DEBUG if debug else logging.WARNING)
    log.propagate = False


def _quiet_stdout() -> None:
    """After a closed pipe (`shuzhi check … | head`), stop Python from complaining when it flushes stdout."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
