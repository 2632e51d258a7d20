"""The report as .docx with a Word comment on every paragraph a flag points at.

A .docx source is annotated as it is (its formatting kept); any other source is first rendered as a
plain .docx from the report's paragraphs. Flags that point at no paragraph are commented on the first.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from legacy_checker.corpus import write_docx
from legacy_checker.docx_reader import paragraph_text
from legacy_checker.render.text_out import SEVERITY_NAMES
from legacy_checker.structures import Flag, Result

COMMENT_AUTHOR = "述职报告检查"
COMMENT_INITIALS = "SZ"


def comment_texts(result: Result) -> dict[int, str]:
    """Paragraph index -> the text of its comment (every flag pointing there, with its suggestion)."""
    by_paragraph: dict[int, list[Flag]] = {}
    for flag in result.flags:
        for index in flag.paragraphs or [0]:
            by_paragraph.setdefault(index, []).append(flag)
    return {index: "\n".join(_flag_line(f) for f in flags) for index, flags in sorted(by_paragraph.items())}


def _flag_line(flag: Flag) -> str:
    line = f"[{SEVERITY_NAMES[flag.severity]}] {flag.message}"
    return f"{line}（建议：{flag.suggestion}）" if flag.suggestion else line


def annotated_docx(result: Result, source: bytes | None = None) -> bytes:
    """The .docx bytes: `source` (a .docx) or a plain rendering of the report, with comments added."""
    document = docx.Document(io.BytesIO(source if source is not None else _plain_docx(result)))
    elements = _match_paragraphs([p.text for p in result.labeled.segmented.paragraphs],
                                 list(document.element.body.iter(qn("w:p"))))
    for index, text in comment_texts(result).items():
        element = elements.get(index)
        if element is None:
            continue
        paragraph = Paragraph(element, document._body)
        runs = paragraph.runs or [paragraph.add_run("")]
        document.add_comment(runs, text=text, author=COMMENT_AUTHOR, initials=COMMENT_INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plain_docx(result: Result) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.docx"
        write_docx(result.labeled.segmented.document, path)
        return path.read_bytes()


def _match_paragraphs(texts: list[str], elements: list) -> dict[int, object]:
    """Report paragraph index -> its w:p, matched in order by text (the reader may prefix Word numbering)."""
    own = [paragraph_text(e) for e in elements]
    matched, cursor = {}, 0
    for index, text in enumerate(texts):
        for j in range(cursor, len(elements)):
            if own[j] and text.endswith(own[j]):
                matched[index], cursor = elements[j], j + 1
                break
    return matched


def register_cli(sub) -> None:
    parser = sub.add_parser("annotate", help="输出带批注的 .docx：在被标记的段落上加 Word 批注")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    parser.add_argument("--profile", default=None, help="内置配置名或 YAML 文件路径（默认 default）")
    parser.set_defaults(run=_run_cli)


def _run_cli(args) -> int:
    from legacy_checker.cli import EXIT_ERROR, EXIT_OK
    from legacy_checker.errors import InputError
    from legacy_checker.pipeline import Checker

    try:
        result = Checker(args.profile).check_path(args.file)
    except InputError as exc:
        print(exc.line(), file=sys.stderr)
        return EXIT_ERROR
    source = Path(args.file).read_bytes() if Path(args.file).suffix.lower() == ".docx" else None
    try:
        Path(args.output).write_bytes(annotated_docx(result, source))
    except OSError as exc:
        print(f"错误：{args.output}：无法写入（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_ERROR
    print(f"已生成 {args.output}（{len(comment_texts(result))} 条批注）")
    return EXIT_OK
