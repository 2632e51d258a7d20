"""The report's text as HTML: sentences tinted by label (with the label's name), flag evidence marked.

Works on the JSON contract (checker.render.json_out.report_json). All report text is escaped. The page mounts
the HTML with REPORT_JS (a Streamlit component): clicking a sentence offers its four labels, and a link of
flag_targets_html scrolls to the flag's words and highlights them.
Colours: Okabe–Ito (safe for colour-blind readers); the label's name is always written as well.
"""

from __future__ import annotations

from html import escape

from checker.doc import LABEL_NAMES

LABEL_COLOURS = {"achievement": "#0072B2", "problem": "#E69F00", "plan": "#009E73", "other": "#999999"}
LABEL_TINTS = {"achievement": "#d4e9f7", "problem": "#fbe3b5", "plan": "#c7ebdf", "other": "#ececec"}
EVIDENCE_COLOUR = "#1a1a1a"  # an underline, never a fill: the fill is the label's
ARRIVED_COLOUR = "#F0E442"
MENU_TEXTS = {"prompt": "这句应归为：", "current": "（当前）", "cancel": "取消"}
STYLE = """<style>
.shuzhi { line-height: 2; font-size: 1rem; position: relative; }
.shuzhi .legend { margin-bottom: .8em; line-height: 2.2; }
.shuzhi .legend > span { margin-right: .6em; padding: .1em .5em; }
.shuzhi .para { margin: 0 0 .6em 0; padding: .1em .4em; scroll-margin-top: 6rem; border-radius: 4px; }
.shuzhi .role-title { text-align: center; font-weight: bold; font-size: 1.15em; }
.shuzhi .role-heading { font-weight: bold; }
.shuzhi .pno { color: #767676; font-size: .75em; margin-right: .4em; user-select: none; }
.shuzhi .tag { font-size: .7em; font-weight: normal; padding: 0 .35em; margin: 0 .25em 0 .1em; border-radius: 3px;
  border: 1px solid; background: #fff; user-select: none; vertical-align: .15em; }
.shuzhi .sent { border-radius: 3px; padding: 0 1px; cursor: pointer; }
.shuzhi .sent:hover, .shuzhi .sent:focus { outline: 2px solid #555; outline-offset: 1px; }
.shuzhi .sent.review { outline: 1px dashed #8a5a00; }
.shuzhi .sent.review::after { content: "？"; color: #8a5a00; font-size: .8em; }
.shuzhi mark.ev { background: transparent; color: inherit; text-decoration: underline solid EVIDENCE 2px;
  text-underline-offset: 4px; scroll-margin-top: 8rem; scroll-margin-bottom: 8rem; }
.shuzhi mark.ev.arrived { background: ARRIVED; text-decoration-thickness: 3px; animation: shuzhi-arrive .6s 3; }
.shuzhi .para.arrived { box-shadow: inset 4px 0 0 #000; background: #fdf9c8; }
@keyframes shuzhi-arrive { 50% { background: transparent; } }
.shuzhi-menu { position: absolute; z-index: 1000; background: #fff; border: 1px solid #777; border-radius: 6px;
  padding: .4em .5em; box-shadow: 0 4px 14px rgba(0,0,0,.25); line-height: 1.6; font-weight: normal;
  font-size: .95rem; text-align: left; }
.shuzhi-menu button { margin: .2em .25em; padding: .15em .7em; border: 1px solid #555; border-radius: 4px;
  cursor: pointer; font: inherit; color: #000; }
.shuzhi-menu button[disabled] { cursor: default; opacity: .65; }
.shuzhi-menu button.cancel { background: #fff; }
.shuzhi-targets { margin: 0; padding-left: 1.2em; line-height: 1.7; }
.shuzhi-targets a { white-space: nowrap; margin-right: .4em; }
""".replace("EVIDENCE", EVIDENCE_COLOUR).replace("ARRIVED", ARRIVED_COLOUR) + "".join(
    f".shuzhi .label-{label}, .shuzhi-menu .label-{label} {{ background: {LABEL_TINTS[label]}; }}\n"
    f".shuzhi .tag-{label} {{ border-color: {colour}; }}\n"
    for label, colour in LABEL_COLOURS.items()
) + "</style>"

# The page's component (checker.review.app): data = {"html": report_html(...), "labels": [[label, name]...],
# **MENU_TEXTS}; triggers "relabel" with {"sentence": index, "label": label}.
REPORT_JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let root = parentElement.querySelector(".shuzhi-root");
  if (!root) {
    root = document.createElement("div");
    root.className = "shuzhi-root";
    parentElement.appendChild(root);
  }
  root.innerHTML = data.html;
  const report = root.querySelector(".shuzhi");
  const close = () => root.querySelectorAll(".shuzhi-menu").forEach((m) => m.remove());
  const button = (text, className, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    b.onclick = onClick;
    return b;
  };
  const open = (sentence) => {
    close();
    const menu = document.createElement("div");
    menu.className = "shuzhi-menu";
    menu.setAttribute("role", "menu");
    menu.append(data.prompt);
    for (const [label, name] of data.labels) {
      const current = label === sentence.dataset.label;
      const b = button(name + (current ? data.current : ""), "label-" + label, () => {
        close();
        setTriggerValue("relabel", { sentence: Number(sentence.dataset.index), label: label });
      });
      b.dataset.label = label;
      b.disabled = current;
      menu.appendChild(b);
    }
    menu.appendChild(button(data.cancel, "cancel", close));
    const box = report.getBoundingClientRect(), at = sentence.getBoundingClientRect();
    menu.style.top = (at.bottom - box.top + 4) + "px";
    menu.style.left = Math.max(0, Math.min(at.left - box.left, box.width - 360)) + "px";
    report.appendChild(menu);
    menu.querySelector("button:not([disabled])").focus();
  };
  report.onclick = (event) => {
    if (event.target.closest(".shuzhi-menu")) return;
    const sentence = event.target.closest(".sent[data-index]");
    if (sentence) open(sentence); else close();
  };
  report.onkeydown = (event) => {
    if (event.key === "Escape") close();
    else if ((event.key === "Enter" || event.key === " ") && event.target.matches(".sent[data-index]")) {
      event.preventDefault();
      open(event.target);
    }
  };
  if (!window.shuzhiJump) {
    window.shuzhiJump = (event) => {
      const link = event.target.closest("a.shuzhi-jump");
      const target = link && document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      document.querySelectorAll(".shuzhi .arrived").forEach((e) => e.classList.remove("arrived"));
      const marks = [...document.querySelectorAll(`.shuzhi mark.ev[data-flags~="${link.dataset.flag}"]`)];
      for (const e of marks.length ? marks : [target]) {
        void e.offsetWidth;
        e.classList.add("arrived");
      }
      target.scrollIntoView({ block: "center" });
    };
    document.addEventListener("click", window.shuzhiJump);
  }
}
"""


def paragraph_anchor(index: int) -> str:
    return f"para-{index}"


def evidence_anchor(sentence: int, start: int) -> str:
    return f"ev-{sentence}-{start}"


def legend_html() -> str:
    items = "".join(f'<span class="label-{label}">{name}</span>' for label, name in LABEL_NAMES.items())
    return (f'<div class="legend">{items}<span class="sent review">分类把握不足，待复核</span>'
            f'<span><mark class="ev">下划线</mark>：问题所指的词句</span>'
            f'<span>点击句子可更正分类</span></div>')


def evidence_spans(data: dict) -> dict[int, list[tuple[int, int, int]]]:
    """Sentence index -> (start, end, flag index) of every evidence span that fits its sentence's text."""
    texts = {s["index"]: s["text"] for p in data["paragraphs"] for s in p["sentences"]}
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for k, flag in enumerate(data["flags"]):
        for e in flag.get("evidence", []):
            text = texts.get(e["sentence"], "")
            if 0 <= e["start"] < e["end"] <= len(text):
                spans.setdefault(e["sentence"], []).append((e["start"], e["end"], k))
    return spans


def flag_name(flag: dict) -> str:
    return flag.get("name") or flag["code"]


def _marked(sentence: int, text: str, spans: list[tuple[int, int, int]], names: list[str]) -> str:
    """The sentence's text with each evidence span in a <mark>; overlapping spans split into pieces."""
    starts = {s for s, _, _ in spans}
    cuts = sorted({0, len(text), *starts, *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        flags = sorted({k for s, e, k in spans if s <= a and b <= e})
        piece = escape(text[a:b])
        if not flags:
            out.append(piece)
            continue
        anchor = f' id="{evidence_anchor(sentence, a)}"' if a in starts else ""
        tip = escape("；".join(dict.fromkeys(names[k] for k in flags)))
        out.append(f'<mark class="ev"{anchor} data-flags="{" ".join(map(str, flags))}" title="{tip}">{piece}</mark>')
    return "".join(out)


def _sentence_html(s: dict, spans: list, names: list[str], corrected: bool) -> str:
    classes = f"sent label-{s['label']}" + (" review" if s["review"] else "") + (" corrected" if corrected else "")
    how = "已人工更正" if corrected else f"把握 {s['confidence']:.0%}"
    tip = f"{LABEL_NAMES[s['label']]} · {how} · 点击更正分类"
    return (f'<span class="{classes}" data-index="{s["index"]}" data-label="{s["label"]}" tabindex="0" '
            f'title="{escape(tip)}">{_marked(s["index"], s["text"], spans, names)}</span>')


def _tag_html(label: str, corrected: bool) -> str:
    return f'<span class="tag tag-{label}">{LABEL_NAMES[label]}{"（已更正）" if corrected else ""}</span>'


def report_html(data: dict, corrected: frozenset[int] | set[int] = frozenset()) -> str:
    """The whole report as one HTML fragment (with its own <style>), paragraphs anchored by index. A label's
    name opens every run of sentences with that label (and every corrected sentence)."""
    spans, names = evidence_spans(data), [flag_name(f) for f in data["flags"]]
    parts = [STYLE, '<div class="shuzhi">', legend_html()]
    for p in data["paragraphs"]:
        inner, previous = [], None
        for s in p["sentences"]:
            fixed = s["index"] in corrected
            if p["role"] not in ("title", "author") and (s["label"] != previous or fixed):
                inner.append(_tag_html(s["label"], fixed))
            previous = s["label"]
            inner.append(_sentence_html(s, spans.get(s["index"], []), names, fixed))
        parts.append(f'<div id="{paragraph_anchor(p["index"])}" class="para role-{p["role"]}">'
                     f'<span class="pno">{p["index"] + 1}</span>{"".join(inner)}</div>')
    parts.append("</div>")
    return "\n".join(parts)


def _excerpt(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width] + "…"


def flag_targets_html(data: dict, flag: dict, index: int, width: int = 40, most: int = 12) -> str:
    """Links to the words a flag points at (or, without evidence, to its paragraphs); the first jumps there."""
    paragraph_of = {s["index"]: p["index"] for p in data["paragraphs"] for s in p["sentences"]}
    spans = sorted((sentence, start, end) for sentence, found in evidence_spans(data).items()
                   for start, end, k in found if k == index)
    texts = {s["index"]: s["text"] for p in data["paragraphs"] for s in p["sentences"]}
    replacements = {(e["sentence"], e["start"]): e["replacement"] for e in flag.get("evidence", []) if e.get("replacement")}
    if spans:
        targets = [(evidence_anchor(s, a), f"第{paragraph_of[s] + 1}段", f"「{_excerpt(texts[s][a:b], width)}」"
                    + (f"→「{replacements[s, a]}」" if (s, a) in replacements else "")) for s, a, b in spans]
    else:
        targets = [(paragraph_anchor(i), f"第{i + 1}段", _excerpt(data["paragraphs"][i]["text"], width))
                   for i in flag["paragraphs"]]
    items = [f'<li><a class="shuzhi-jump" href="#{anchor}" data-flag="{index}">{where}</a>{escape(text)}</li>'
             for anchor, where, text in targets[:most]]
    if len(targets) > most:
        items.append(f"<li>等共 {len(targets)} 处</li>")
    return f'<ul class="shuzhi-targets">{"".join(items)}</ul>' if items else ""
