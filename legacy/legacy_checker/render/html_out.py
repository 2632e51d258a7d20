"""The report's text as HTML: every sentence coloured by its label, low-confidence ones marked.

Works on the JSON contract (checker.render.json_out.result_dict). All report text is escaped.
"""

from __future__ import annotations

from html import escape

from legacy_checker.structures import LABEL_NAMES

LABEL_COLOURS = {"achievement": "#c8ecc9", "problem": "#fbd3d0", "plan": "#cfe0fb", "other": "#ececec"}
STYLE = """<style>
.shuzhi { line-height: 1.9; font-size: 1rem; }
.shuzhi .legend { margin-bottom: .8em; }
.shuzhi .legend span { margin-right: .6em; padding: 0 .5em; }
.shuzhi .para { margin: 0 0 .6em 0; padding: .1em .4em; border-left: 3px solid transparent; scroll-margin-top: 4rem; }
.shuzhi .para.flagged { border-left-color: #d9534f; }
.shuzhi .role-title { text-align: center; font-weight: bold; font-size: 1.15em; }
.shuzhi .role-heading { font-weight: bold; }
.shuzhi .pno { color: #888; font-size: .75em; margin-right: .4em; user-select: none; }
.shuzhi .sent { border-radius: 3px; padding: 0 1px; }
.shuzhi .sent.review { outline: 1px dashed #b36b00; }
.shuzhi .sent.review::after { content: "？"; color: #b36b00; font-size: .8em; }
.shuzhi-targets { margin: 0; padding-left: 1.2em; line-height: 1.7; }
.shuzhi-targets a { white-space: nowrap; margin-right: .4em; }
""" + "".join(
    f".shuzhi .label-{label} {{ background: {colour}; }}\n"
    for label, colour in LABEL_COLOURS.items()
) + "</style>"


def paragraph_anchor(index: int) -> str:
    return f"para-{index}"


def legend_html() -> str:
    items = "".join(f'<span class="label-{label}">{name}</span>' for label, name in LABEL_NAMES.items())
    return f'<div class="legend">{items}<span class="sent review">分类把握不足，待复核</span></div>'


def _sentence_html(sentence: dict) -> str:
    classes = f"sent label-{sentence['label']}" + (" review" if sentence["review"] else "")
    tip = f"{LABEL_NAMES[sentence['label']]} · 把握 {sentence['confidence']:.0%}"
    return (f'<span class="{classes}" data-index="{sentence["index"]}" title="{escape(tip)}">'
            f'{escape(sentence["text"])}</span>')


def report_html(data: dict) -> str:
    """The whole report as one HTML fragment (with its own <style>), paragraphs anchored by index."""
    flagged = {p for flag in data["flags"] for p in flag["paragraphs"]}
    parts = [STYLE, '<div class="shuzhi">', legend_html()]
    for p in data["paragraphs"]:
        classes = f"para role-{p['role']}" + (" flagged" if p["index"] in flagged else "")
        sentences = "".join(_sentence_html(s) for s in p["sentences"])
        parts.append(f'<div id="{paragraph_anchor(p["index"])}" class="{classes}">'
                     f'<span class="pno">{p["index"] + 1}</span>{sentences}</div>')
    parts.append("</div>")
    return "\n".join(parts)


def flag_targets_html(data: dict, flag: dict, width: int = 60) -> str:
    """Links to the paragraphs a flag points at, each with the start of its text."""
    items = []
    for index in flag["paragraphs"]:
        text = data["paragraphs"][index]["text"]
        excerpt = text if len(text) <= width else text[:width] + "…"
        items.append(f'<li><a href="#{paragraph_anchor(index)}">第{index + 1}段</a>{escape(excerpt)}</li>')
    return f'<ul class="shuzhi-targets">{"".join(items)}</ul>' if items else ""
