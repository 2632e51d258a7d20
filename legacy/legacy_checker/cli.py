"""`shuzhi` command line: a thin shell over the library."""

from __future__ import annotations

import argparse
import json
import sys

from legacy_checker.errors import InputError, ModelError, ProfileError

EXIT_OK, EXIT_FLAGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one Chinese line and exit 2, like every other error
        sys.stderr.write(f"错误：命令参数有误：{message}（用 shuzhi -h 查看用法）\n")
        sys.exit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="shuzhi", description="述职报告质量检查（离线）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="检查一份或多份述职报告")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--profile", default=None, help="内置配置名或 YAML 文件路径（默认 default）")
    check.add_argument("--sentences", action="store_true", help="文本输出时逐段列出每句的分类（成绩/问题/打算/其他）")
    check.set_defaults(run=run_check)
    for register in _plugins():
        register(sub)
    return parser


def _plugins():
    """Sub-commands defined next to the code they drive."""
    from legacy_checker.batch import register_cli as batch
    from legacy_checker.corpus import register_cli as corpus
    from legacy_checker.render.docx_out import register_cli as annotate
    from legacy_checker.train import register_cli as train

    return [corpus, train, annotate, batch]


def run_check(args) -> int:
    from legacy_checker.pipeline import Checker
    from legacy_checker.render.json_out import error_dict, result_dict
    from legacy_checker.render.text_out import render_text

    checker = Checker(args.profile)
    outputs, code = [], EXIT_OK
    for path in args.files:
        try:
            result = checker.check_path(path)
        except InputError as exc:
            print(exc.line(), file=sys.stderr)
            outputs.append(error_dict(path, exc.reason))
            code = EXIT_ERROR
            continue
        if result.flags and code == EXIT_OK:
            code = EXIT_FLAGS
        outputs.append(result_dict(result) if args.format == "json" else render_text(result, args.sentences))
    if args.format == "json":
        payload = outputs[0] if len(args.files) == 1 else outputs
        if len(args.files) > 1 or "error" not in outputs[0]:
            print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        texts = [o for o in outputs if isinstance(o, str)]
        if texts:
            print("\n\n".join(texts))
    return code


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (ProfileError, ModelError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
