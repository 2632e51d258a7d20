"""Stock phrases (套话, 空话) in a sentence, read from its words.

The `empty_words` lexicon on word boundaries (切实 is not found in 不切实际, nor 落实 in 村落|实景), then a few
productive formulas:

adverb + verb   an adverb of zeal or degree (`stock_adverbs`: 进一步, 不断, 切实, 深入, 明显, 日益) before an
                abstract verb (`stock_verbs`: 加强, 提升, 推进, 发挥, 凸显): 不断健全完善, 作风明显转变; also glued
                in one word (明显改善); not with a plain verb (进一步说明, 进一步核实, 持续降雨)
patterns        `stock_patterns`, regular expressions matched on word boundaries: 取得了显著成效, 迈上新台阶,
                新进展, …的良好氛围 / 工作格局 / 强大合力, 把…转化为…优势, 以更加饱满的热情, 意识不强,
                学习不够深入 (not 文化水平不高: `stock_patterns_not`), 作用发挥不够充分, 重部署、轻落实,
                在…的坚强领导下, 起到了…示范作用, 赢得了群众的信任, 等一等、看一看, 答好…答卷, 下好“先手棋”

figures         `stock_figures` (新台阶, 一盘棋, 开花结果, 深度) count only quoted, or in a sentence about the work
                (a `stock_domain` word or another stock phrase) that counts nothing (no numeral: 三台收割机)

weak formulas   only in a sentence with no figure and no one person told of (他, 她), and outside the clauses of
                its cases: an adverb of zeal before any verb (认真学习),
                `weak_stock_patterns` (还不够…, 有待…, 研究不深、谋划不够, 满足于…, 缺乏…精神, 抓班子、带队伍、
                促发展), an abstract verb before an abstract noun (`stock_nouns`: 激发内生动力, 筑牢战斗堡垒), a
                parallel of more and less (谋划工作多、抓落实少, 说得多、做得少: one side holding a verb, neither
                ending in a counted noun: not 雨水多、日照少, 订单多、工人少), parallels of short members in one
                frame (`stock_frames`, `stock_opposites`: 心齐了、气顺了; 从无到有、从小到大; 上级有部署、下面没动静; not
                a day told on time words, nor one that counts)

Phrases inside a title (《关于进一步加强…的若干措施》) are the title's, not the writer's. The phrases found do not
overlap: the longest wins where two would.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

NARRATED = frozenset({"他", "她", "他家", "她家"})
MORE_LESS = {"多": "少", "少": "多"}
PARALLEL_MARKS = frozenset("、，,；;")
COUNTED_ENDS = frozenset("人员户生者们量额")  # 工人多, 产量少: things counted, not a formula
COUNT_HEADS = frozenset("二两三四五六七八九十百千")
CLASSIFIERS = frozenset("个名位户次场项家间台辆棵亩座条张本册块件栋")
END_FRAMES = frozenset("的")  # a frame character only when it ends both members
MEMBER = (3, 6)  # characters of a member of a parallel (心齐了 … 群众更满意了)
HAN = re.compile("[\u4e00-\u9fff]+")  # a text of Chinese characters only (fullmatch)


def stock_phrases(words, hits, concrete: bool = False, cases: list[str] | tuple = ()) -> list[str]:
    """The stock phrases of a sentence; `concrete` (it has a figure) keeps the weak formulas out, and so does a
    case (`cases`, the examples found) in their clause: 进一步 + any verb is a formula in 进一步学习贯彻…, not in
    我们进一步核实了7户的收入情况."""
    forms, n = words.forms, len(words)
    concrete = concrete or not NARRATED.isdisjoint(forms)  # 他主动提出…: a story of one person
    weak: list[tuple[int, int]] = []
    spans = list(hits.every("empty_words")) + hits.widened("stock_patterns")
    verb_set, adverb_set = hits.set("stock_verbs"), hits.set("stock_adverbs")
    for a, b in hits.every("stock_adverbs"):
        k = b + 1 if b < n and forms[b] in ("地", "得") else b
        if k >= n:
            continue
        end = hits.starting("stock_verbs", k)
        if end == k and len(forms[k]) <= 4 and (forms[k][:2] in verb_set or forms[k][:3] in verb_set):
            end = k + 1  # 不断 健全完善: the verb begins the word
        if end > k:
            spans.append((a, end))
        elif not concrete and words.tags[k].startswith("v") and not hits.covering("plain_verbs", k):
            weak.append((a, k + 1))  # weak: 认真学习, 积极参与 in a sentence with nothing specific
    for i, form in enumerate(forms):  # 明显改善, 大力加强: adverb and verb in one word
        if 4 <= len(form) <= 5:
            for cut in (2, 3):
                if form[:cut] in adverb_set and form[cut:] in verb_set:
                    spans.append((i, i + 1))
                    break
    heads = hits.set("stock_abac_heads")
    for i in range(n - 1):  # 压紧压实, 做深做实, 入脑入心: A B A C over one or two words
        if forms[i] and forms[i][0] not in heads:
            continue
        piece = forms[i] + forms[i + 1] if len(forms[i]) < 4 else forms[i]
        if len(piece) == 4 and piece[0] == piece[2] and piece[0] in heads and piece[1] != piece[3] \
                and HAN.fullmatch(piece):
            spans.append((i, i + 2 if len(forms[i]) < 4 else i + 1))
    if not concrete:
        weak += hits.widened("weak_stock_patterns")
        nouns = hits.every("stock_nouns")
        for a, b in hits.every("stock_verbs"):  # weak: 激发内生动力, 夯实基层基础, 提升服务效能
            for c, d in nouns:
                if b <= c <= b + 3 and not any(words.is_punct(k) for k in range(b, c)):
                    weak.append((a, d))
                    break
        weak += _more_less(words)
        weak += _parallels(words, hits)
        told = _clauses_of(words, cases)
        spans += [(a, b) for a, b in weak if not told.intersection(words.clause[a:b])]
    spans = _figurative(words, hits, spans)
    kept, end = [], 0
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if a >= end and not any(words.title[a:b]):
            kept.append((a, b))
            end = b
    return [words.span_text(a, b) for a, b in kept]


def _clauses_of(words, phrases) -> set[int]:
    """The clauses holding the phrases (each looked up from the start of the sentence)."""
    found = set()
    for phrase in phrases:
        at = words.text.find(phrase)
        if at >= 0:
            first = bisect_right(words.starts, at) - 1
            last = bisect_right(words.starts, at + max(len(phrase) - 1, 0)) - 1
            found.update(words.clause[first:last + 1])
    return found


def _figurative(words, hits, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without those holding a figure of speech (`stock_figures`: 新台阶, 最后一公里, 一盘棋, 开花结果)
    told in its literal sense: not quoted, in a sentence about no work (no `stock_domain` word: 党, 工作, 群众…, and
    no other stock phrase) or one that counts things (a numeral: 三台收割机, 两亩三分, 下到十一点)."""
    figures = [(a, b) for a, b in hits.every("stock_figures") if not words.quote[a]]
    if not figures:
        return spans
    literal = [(a, b) for a, b in spans if any(c < b and a < d for c, d in figures)]
    if not literal:
        return spans
    plain = [span for span in spans if span not in literal]
    inside = {k for a, b in figures for k in range(a, b)}  # 千条线, 一根针: the figure's own numerals
    about_work = bool(plain) or any(word in words.text for word in hits.lexicon("stock_domain"))
    if about_work and not _counts(words, inside):
        return spans
    return plain


def _counts(words, skipped: set[int]) -> bool:
    """A numeral of a count in the sentence outside the words `skipped`: tag m with a digit or beginning with
    二 … 十, 两, 百, 千 (not 一些, 一定, 全方位), or such a numeral and a classifier opening a word (两条路)."""
    for k, (form, tag) in enumerate(zip(words.forms, words.tags)):
        if k in skipped:
            continue
        if tag == "m" and (form[0] in COUNT_HEADS or any(ch.isdigit() for ch in form)):
            return True
        if len(form) > 1 and form[0] in COUNT_HEADS and form[1] in CLASSIFIERS:
            return True
    return False


def _members(words) -> list[tuple[int, int, str]]:
    """The pieces of the sentence between 、，；: (first word, end word, Chinese text), None for a piece with
    anything else in it (a figure, a Latin letter) or that ends the sentence with another mark."""
    out, first = [], 0
    for k in range(len(words) + 1):
        if k == len(words) or words.is_punct(k):
            text = words.span_text(first, k)
            ok = k > first and HAN.fullmatch(text) is not None
            out.append((first, k, text if ok else ""))
            if k < len(words) and words.forms[k] not in PARALLEL_MARKS:
                out.append((k, k, ""))  # 。！？ or a quote mark: no parallel across it
            first = k + 1
    return out


def _frame(x: str, y: str, frames: frozenset, antonyms: dict) -> bool:
    """Two members of one frame: the same function character (`stock_frames`: 了, 更, 还, 不, 得, 于, 就…; 的 only
    last: 路子是对的、方向是明的, not 重的在下面) at the same place from the start or the end, a pair of opposites
    (`stock_opposites`: 上/下, 大/小, 紧/松) first or last, or both opening on a doubled character (件件…、事事…)."""
    if x == y:
        return False
    if len(x) > 1 and len(y) > 1 and x[0] == x[1] and y[0] == y[1]:
        return True
    if antonyms.get(x[0]) == y[0] or antonyms.get(x[-1]) == y[-1]:
        return True
    for i in range(min(len(x), len(y))):
        for a, b in ((x[i], y[i]), (x[-1 - i], y[-1 - i])):
            if a == b and a in frames and (a not in END_FRAMES or a == x[-1] == y[-1]):
                return True
    return False


def _opens_on_time(words, pieces, end: int) -> bool:
    """The piece ending at word `end` opens on a time word (tag t: 下午, 晚上)."""
    first = next(a for a, b, _ in pieces if b == end)
    return words.tags[first].startswith("t")


@lru_cache(maxsize=16)
def _antonyms(pairs: tuple[str, ...]) -> dict[str, str]:
    """Each character of a pair of opposites (上下, 大小) -> the other."""
    antonyms = {}
    for pair in pairs:
        if len(pair) == 2:
            antonyms[pair[0]], antonyms[pair[1]] = pair[1], pair[0]
    return antonyms


def _parallels(words, hits) -> list[tuple[int, int]]:
    """Parallels of short members in one frame (心齐了、气顺了、劲足了; 路子还不宽、底子还不厚; 从无到有、从小到大;
    站不出来、顶不上去; 上级有部署、下面没动静), members of MEMBER characters; the first may follow its subject
    (全村党员心齐了) and the last be followed by more (能致富的目标): only as many characters as the other
    member are compared."""
    frames = frozenset(hits.set("stock_frames"))
    antonyms = _antonyms(hits.lexicon("stock_opposites"))
    if _counts(words, set()):
        return []  # 翻了两道梁、过了一条河: a story that counts
    pieces, out = _members(words), []
    low, high = MEMBER
    for (a, _, x), (_, d, y) in zip(pieces, pieces[1:]):
        if not x or not y or words.tags[a].startswith("t") or (d > 0 and _opens_on_time(words, pieces, d)):
            continue  # 上午开支委会，下午去地里: a day told, not a formula
        if len(x) > len(y) + 1:
            x = x[-len(y):]
        if len(y) > len(x) + 1:
            y = y[:len(x)]
        if low <= len(x) <= high and low <= len(y) <= high and _frame(x, y, frames, antonyms):
            out.append((a, d))
    return out


def _side(words, k: int) -> tuple[int, bool, bool]:
    """The side of a parallel ending in word k's 多 / 少: (its first word, it holds a verb, it ends in a counted
    noun), read on the word (or two; or up to three before a 的) before 多 / 少 in the clause (or the word itself
    when jieba glued 多 / 少 to it: 捐得少)."""
    forms, tags = words.forms, words.tags
    last = k if len(forms[k]) > 1 else k - 1
    quoted = last > 0 and forms[last] in "”\""
    last -= quoted  # “身入”多: the quoted side
    first = last
    reach = last - 4 if last > 0 and forms[last - 1] == "的" else last - 1  # 坐在办公室的时间多: past 的
    while first > reach and first > 0 and not words.is_punct(first - 1):
        first -= 1
    if last < 0 or words.is_punct(last):
        return k, False, False
    verb = quoted or any(tags[j].startswith("v") or forms[j] == "得" for j in range(first, last + 1)) \
        or (last == k and "得" in forms[k])
    stem = forms[last] if last < k else forms[k][:-1]
    return first, verb, bool(stem) and stem[-1] in COUNTED_ENDS


def _more_less(words) -> list[tuple[int, int]]:
    """谋划工作多、抓落实少 (see the module's docstring): word spans of parallels of 多 and 少."""
    forms, n, out = words.forms, len(words), []
    for k in range(1, n - 2):
        end = forms[k][-1:]
        if end not in MORE_LESS or len(forms[k]) > 3 or not (k + 1 < n and forms[k + 1] in PARALLEL_MARKS):
            continue
        for m in range(k + 2, min(k + 9, n)):
            if words.is_punct(m) and not words.quote[m] and forms[m] not in "“”\"":
                break
            if forms[m][-1:] == MORE_LESS[end] and len(forms[m]) <= 3 and (
                    m + 1 >= n or words.is_punct(m + 1) or forms[m + 1] == "的"):
                first, verb_x, counted_x = _side(words, k)
                _, verb_y, counted_y = _side(words, m)
                if (verb_x or verb_y) and not (counted_x or counted_y):
                    out.append((first, m + 1))
                break
    return out
