"""Plain-text report for the terminal."""

from __future__ import annotations

from checker.structures import LABEL_NAMES, Result

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


def render_text(result: Result) -> str:
    f = result.figures
    lines = [
        f"文件：{result.file}",
        f"字数：{f.chars}（汉字、字母和数字；含标点 {f.chars_with_punct}）",
        "篇幅占比（正文）：" + "，".join(f"{LABEL_NAMES[k]} {v:.0%}" for k, v in f.body_shares.items()),
    ]
    review = sum(c < result.labeled.review_threshold for c in result.labeled.confidences)
    if review:
        lines.append(f"待人工复核的句子：{review} 句（分类把握不足）")
    if result.flags:
        lines.append("问题清单：")
        for flag in result.flags:
            where = f"（第 {'、'.join(str(p + 1) for p in flag.paragraphs[:8])} 段）" if flag.paragraphs else ""
            lines.append(f"  [{SEVERITY_NAMES[flag.severity]}] {flag.code}：{flag.message}{where}")
            if flag.suggestion:
                lines.append(f"      建议：{flag.suggestion}")
    else:
        lines.append("未发现问题。")
    lines.append(f"结论：{result.verdict}")
    if result.fix_first:
        lines.append("优先修改：" + "；".join(result.fix_first))
    return "\n".join(lines)
