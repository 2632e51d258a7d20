"""Training-time augmentation: copies of a labelled report in the surface forms real reports take.

Every transform keeps each character's label: half-width punctuation, stray spaces, lines broken mid-sentence,
headings stripped of their numbering, renumbered, glued to their text or dropped, the title and opening removed,
an excerpt, placeholders for names and figures, one-paragraph 一是……二是…… lists, page-number lines, plans
without their future words, problem sentences moved into the achievement part, told right after the work
they qualify, and past work told at the start of the plans, as real reports often do.
"""

from __future__ import annotations

import random
import re

from checker.read.numbering import heading_from_text, typed_marker
from checker.training.corpus import RawReport

Paragraph = list[tuple[str, str]]  # (label, text) spans
HALF_WIDTH = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "。": "."}
CJK = re.compile(r"[\u4e00-\u9fff]")
RESTYLES = [lambda n: f"〔{n}〕", lambda n: f"{'一二三四五六七八九十'.index(n) + 1}、" if n in "一二三四五六七八九十" else f"{n}、",
            lambda n: f"({n})", lambda n: f"第{n}部分 "]


def augmented(report: RawReport, rng: random.Random, copy: int) -> RawReport:
    """A noisy copy of the report (id `<id>~<copy>`; meta `source` names the original). Moving shortfalls and past
    work draws from a generator of its own, seeded by the copy's id, so that it leaves the other transforms' draws
    alone."""
    paragraphs = [list(p) for p in report.paragraphs]
    for chance, transform in TRANSFORMS:
        if rng.random() < chance:
            paragraphs = transform(paragraphs, rng) or paragraphs
    meta = report.meta | {"id": f"{report.id}~{copy}", "source": report.id}
    own = random.Random(meta["id"])
    if own.random() < SHORTFALL_CHANCE:
        paragraphs = shortfalls_in_achievements(paragraphs, own)
    if own.random() < PAST_WORK_CHANCE:
        paragraphs = past_work_in_plans(paragraphs, own)
    return RawReport(meta, [p for p in paragraphs if any(text.strip() for _, text in p)])


def _text(paragraph: Paragraph) -> str:
    return "".join(text for _, text in paragraph)


def _is_heading(paragraph: Paragraph) -> bool:
    return heading_from_text(_text(paragraph))[0] > 0


def _map_chars(paragraphs: list[Paragraph], change) -> list[Paragraph]:
    return [[(label, "".join(change(ch) for ch in text)) for label, text in p] for p in paragraphs]


def half_width(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    rate = rng.uniform(0.4, 1.0)
    return _map_chars(paragraphs, lambda ch: HALF_WIDTH[ch] if ch in HALF_WIDTH and rng.random() < rate else ch)


def stray_spaces(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    rate = rng.uniform(0.02, 0.08)
    return _map_chars(paragraphs, lambda ch: ch + " " if CJK.match(ch) and rng.random() < rate else ch)


def broken_lines(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    width, out = rng.randint(26, 42), []
    for p in paragraphs:
        line, used = [], 0
        for label, text in p:
            while used + len(text) > width:
                cut = width - used
                line.append((label, text[:cut]))
                out.append(line)
                line, used, text = [], 0, text[cut:]
            if text:
                line.append((label, text))
                used += len(text)
        if line:
            out.append(line)
    return out


def _strip_marker(paragraph: Paragraph) -> Paragraph:
    marker = typed_marker(_text(paragraph))[0]
    label, first = paragraph[0]
    return [(label, first[len(marker):] if first.startswith(marker) else first)] + paragraph[1:]


def slogan_headings(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    return [_strip_marker(p) if _is_heading(p) else p for p in paragraphs]


def renumbered(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    style = rng.choice(RESTYLES)
    out = []
    for p in paragraphs:
        marker = typed_marker(_text(p))[0]
        core = marker.strip("、.．（）()第部分 ")
        if _is_heading(p) and core and len(core) <= 2 and marker.endswith(("、", ".", "．")):
            label, first = _strip_marker(p)[0]
            p = [(label, style(core) + first)] + _strip_marker(p)[1:]
        out.append(p)
    return out


def no_headings(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    return [p for p in paragraphs if not _is_heading(p)]


def glued_headings(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    out, i = [], 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if _is_heading(p) and i + 1 < len(paragraphs) and not _is_heading(paragraphs[i + 1]) and rng.random() < 0.7:
            label, text = _strip_marker(p)[0]
            out.append([(label, text.rstrip("：:。") + "：")] + paragraphs[i + 1])
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def no_opening(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    start = 0
    while start < len(paragraphs) - 1 and all(label == "other" for label, _ in paragraphs[start]):
        start += 1
    return paragraphs[start:]


def excerpt(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    n = len(paragraphs)
    if n < 6:
        return paragraphs
    length = rng.randint(max(3, int(n * 0.4)), n - 1)
    start = rng.randint(0, n - length)
    return paragraphs[start:start + length]


def placeholders(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    mark = rng.choice(["XX", "××", "***", "某某"])
    return [[(label, re.sub(r"\d+", lambda m: mark if rng.random() < 0.3 else m.group(), text)) for label, text in p]
            for p in paragraphs]


def run_in_lists(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    out: list[Paragraph] = []
    for p in paragraphs:
        labels = {label for label, _ in p}
        if (out and not _is_heading(p) and not _is_heading(out[-1]) and len(labels) == 1
                and {label for label, _ in out[-1]} == labels and labels != {"other"}):
            out[-1] = out[-1] + p
        else:
            out.append(p)
    return out


FUTURE = re.compile(r"(?:下一步|明年|今后|来年|新的一年里?|下阶段)[，,]?|(?:我们|我|支部|党委)?(?:将|要)(?=继续|进一步|坚持|加强|抓|把|以|在|对|紧紧|认真|切实|全面|持续|着力|重点)"
                    r"|(?:力争|计划|打算|准备)(?=[一-鿿])")


def plain_plans(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    """Plans told without future words, as real reports often do (建立……制度 under a plans heading)."""
    return [[(label, FUTURE.sub("", text) if label == "plan" else text) for label, text in p] for p in paragraphs]


def page_numbers(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    out, page = [], 1
    for number, p in enumerate(paragraphs):
        out.append(p)
        if number and number % rng.randint(6, 12) == 0:
            page += 1
            out.append([("other", rng.choice([f"- {page} -", f"第{page}页", str(page)]))])
    return out


ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+[，,、])")
SHORTFALL_CHANCE = 0.3
PAST_WORK_CHANCE = 0.3


def _moved_spans(paragraphs: list[Paragraph], rng: random.Random, label: str, into: str, front: bool) -> list[Paragraph]:
    """One to three `label` spans (12–120 characters, their 一是 / （一） dropped) moved into paragraphs that hold
    only `into`, each to a different one: to its start (front) or its end."""
    body = [i for i, p in enumerate(paragraphs) if not _is_heading(p)]
    sources = [(i, k) for i in body for k, (kind, text) in enumerate(paragraphs[i])
               if kind == label and 12 <= len(text.strip()) <= 120]
    targets = [i for i in body if {kind for kind, _ in paragraphs[i]} == {into}]
    count = min(rng.randint(1, 3), len(sources), len(targets))
    if not count:
        return paragraphs
    moved = rng.sample(sources, count)
    out = [list(p) for p in paragraphs]
    for (i, k), target in zip(moved, rng.sample(targets, count)):
        span = (label, ENUMERATOR.sub("", paragraphs[i][k][1].strip()))
        out[target] = [span] + out[target] if front else out[target] + [span]
    taken = set(moved)
    return [[span for k, span in enumerate(p) if (i, k) not in taken] for i, p in enumerate(out)]


def shortfalls_in_achievements(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    """Problems told right after the work they qualify, inside the achievement part."""
    return _moved_spans(paragraphs, rng, "problem", "achievement", front=False)


def past_work_in_plans(paragraphs: list[Paragraph], rng: random.Random) -> list[Paragraph]:
    """Work already done told at the start of a plans paragraph (今年已……，明年……): 成绩 under a plans heading."""
    return _moved_spans(paragraphs, rng, "achievement", "plan", front=True)


TRANSFORMS = [  # (chance, transform), applied in this order
    (0.25, no_opening), (0.15, excerpt), (0.3, slogan_headings), (0.2, renumbered), (0.15, glued_headings),
    (0.15, no_headings), (0.15, run_in_lists), (0.3, half_width), (0.15, stray_spaces), (0.2, broken_lines),
    (0.1, placeholders), (0.1, page_numbers), (0.3, plain_plans),
]
