"""The secretary in a sentence: first person, personal acts, and whose shortcoming the sentence states.

All three read the sentence's words (checker.measure.words) and the lexicons matched on them once (Hits).

first person   我 as a word (or the first character of a word jieba glued to it: 我要, 我怕), not a collective
               form (我们, 我村, 我/所 党支部: `first_person_not`, the unit not being a verb), not inside a quote (a
               slogan “我为群众办实事” or someone's words), not 你我; 本人 unless it follows a noun (党员本人) or
               经 (经本人申请); 作为 + a role of the secretary (`self_roles`: 作为村党支部书记，…); 自己 / 自身 with
               nothing but adverbials before it in its clause (自己抓党建的办法不多, not 党员要把自己摆进去, nor in a
               sentence opening with others: 有的支委…，自己不动脑子); the
               other phrases of `first_person` (书记本人, 我这个书记). A report formula (`report_formulas`:
               以上是我的述职，请批评指正) names nobody. With no first person named, a sentence opener
               (`self_openers`: 亲自, 带头, 主持 — 先后多次主持召开…) implies the secretary.
acts           the verbs of the clauses the secretary is the subject of (from the anchor on, through the clauses
               without a subject of their own), or an agent of (在我的主持下, 由我牵头, 组织部安排我参加…), that
               tell something done: followed by 了/过, by a quantity, done routinely (每周…), a strong act word
               (`personal_acts`: 主持, 走访…) or after an adverb of a concrete act (`act_adverbs`: 当场, 连夜).
               带头 + a verb is judged by that verb; the verbs after a causative's object (`causative_verbs`:
               我要求每名党员…学习) are the object's. Not after a plan or an obligation (`plan_markers`: 将, 打算,
               必须), not attitudes or cognition (`non_acts`: 坚持, 重视, 做到, 感到, 认识到), not negated or judged
               wanting (没有召开, 督促不够), not passive (我被评为), not attributive (群众提的意见), not told of years
               ago (十年前).
blame          the words stating a shortcoming (`shortcoming_markers`, a negation, `shortcoming_patterns`; not
               `shortcoming_not`, not what was solved: `resolution_words`, not inside an excuse), each owned by
               the first actor of its clause, or of an earlier clause: the secretary (first person as subject or
               possessor, not as the object of 向/对/给…: `person_objects`), others (`others_subjects`, or a noun
               ending in `others_suffixes`: 外出务工人员; not inside a prepositional phrase: `actor_prepositions`,
               nor reporting: 群众反映我…, `reporting_verbs`; 社区 工作者 and 村里 的 年轻人 are owned by their
               head) or the own unit (`unit_subjects`: 我村, 支部, 机关党委 — nobody's fault). A
               `self_examination` phrase (包括我在内, 根子在我本人) or a shortcoming owned by the secretary makes it
               "self"; else one owned by others, a view held against them (有的党员认为…: `others_view_markers`)
               or an excuse (`excuses`, `excuse_patterns`: 由于…, 受疫情影响) makes it "others", and so does a
               few singled out as the subject (`faulted_few`: 个别党员把党费当成“会费”) unless praised
               (`praise_words`); superiors (镇党委, 县委) are others, the people of the own unit too (社区 在职
               党员, 村里 的 种植 大户); what others report or judge of the secretary is "self" (有党员批评我开会多,
               对我的工作不满意), and so is the secretary's own pretext (`pretexts`: 我常以事务忙为由…). A cause
               told of no shortcoming (`causal_excuses`: 由于措施得力…) is no excuse. A hardship met in a later
               clause (…，我们就上门…, 党员志愿者就…, care: `care_verbs`) or turned by a contrast (…，但大家热情
               很高), a shortage overcome (…明显改观: `resolution_outcomes`) or denied (一点也不落后) blame nobody;
               else "none" (a sentence with no subject, 二是学习不够深入, blames nobody in particular).
               Others are also named by the form of a name (老杨, 小陈, 刘某; 老 + 杨 cut apart), a role tagged b
               (主任), an organisation tag (nt), a body jieba cut apart (财政 所, 社会 组织) or a kind of people in
               quotes (“口袋党员”); another unit's branch (学校那边的党支部) is theirs. Their own words (说：“…”,
               一叫开会就说…) are theirs to answer for, and so is what they did with something (把社区发的物资拿回了
               家: 把 + a verb done, not a delivery or a result reached). An A-not-A question (满不满意), a
               concession (再难也…) or a later 反而 states or keeps none; a failing the secretary owns or accepts
               (是我拍的板, 意见…，我完全接受) is "self".
               What was done late (到9月才印发, 催了才报) or a meagre count (一年只办一次) states a shortcoming;
               a branch counted or numbered (有3个支部, 第二支部) is one under the unit: others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

ADVERBIAL_TAGS = frozenset({"d", "c", "t", "f", "ad", "mq"})
NOT_SUBJECT_R = frozenset({"自己", "这", "那", "这个", "那个", "每个", "其中", "有时", "这里", "那里", "这样", "那样",
                           "有人", "大家", "所有", "本人", "其", "此", "一些", "这些", "那些"})
THIRD_PERSON = frozenset({"你", "他", "她"})
SELF_FORMS = frozenset({"本人", "自己", "自身", "个人", "作为"})  # the words first_person reads besides 我…
NOT_OWN = frozenset({"利益", "主义", "所得税", "所得", "信息", "档案", "账户", "隐私", "名义", "得失", "英雄主义"})
NEGATIONS = frozenset({"没有", "没", "未", "未能", "没能", "不", "从不", "从未", "很少", "不能", "不会", "无法",
                       "难以", "不曾", "并未", "从没"})
COMPLETION = frozenset({"了", "过"})
CONTRAST = frozenset({"但", "但是", "却", "可是", "然而", "可"})
NUMERALS = "一二两三四五六七八九十百千几"
NOT_QUANTITY = frozenset({"一起", "一度", "一直", "一些", "一定", "一道", "一切", "一样", "一般", "一旦", "一向", "一味",
                          "一方面", "一体", "一致", "一心", "一律", "一贯", "一种", "一如既往", "一以贯之"})
SOFT_ADVERBS = frozenset({"及时", "按时", "主动", "认真", "真正", "当面", "按期", "全部", "完全", "很好", "好"})
LESS_THAN = frozenset({"不足", "不到", "不满", "不够"})
UNREACHED = frozenset({"起来", "上来", "下去", "到", "了", "动", "成", "完"})
AMONG = frozenset({"中", "里", "当中", "之中"})
MEMBER_LINKS = frozenset({"的", "中", "里", "内", "当中", "之中", "在职", "退休", "流动", "外出", "新任", "年轻", "有",
                          "中有", "里有", "其他", "其余", "别的"})
SPEAKING = frozenset({"说", "讲", "称", "推说", "表示"})
QUOTE_OPEN = frozenset({"“", "\"", "「", "‘"})
HABITUAL = frozenset({"就", "总", "总是", "老是", "都", "又", "还", "便"})
DELIVERED = "到给在成通好齐完净清高强亮全实"  # the last character of a verb of delivery or of a result reached
PEOPLE = ("党员", "员", "人", "者", "户", "干部", "书记", "族")
TURNS = CONTRAST | {"反而", "反倒"}  # a later clause turning the hardship (…，参与率反而提高了)
OTHER_UNIT = frozenset({"那边", "那边的", "其他", "别的", "兄弟", "对方", "外单位", "其余", "隔壁", "邻近", "周边"})  # 学校那边的党支部
BODY_CHARS = frozenset("所站局办院队室")  # 财政 所, 派出 所 cut apart: one body
LEADING = frozenset({"带头", "率先"})
RESULTS = frozenset({"干净", "完", "完毕", "好", "清楚", "通", "齐"})
FRAME_ENDS = frozenset({"时", "时有", "时候", "的时候", "过程中", "期间"})
ONLY = frozenset({"只", "光", "只顾", "总", "嘴上", "口头上"})
REFUSALS = frozenset({"不管", "不问", "不理"})
ONLY_COUNT = frozenset({"只", "仅"})  # not 只有 (全村只有3名党员: a count), not 就 (就来了一百多人)
CONTEXT_MARKERS = REFUSALS | ONLY_COUNT | {"才"}  # words whose neighbours tell whether they state a shortcoming
MAIN_VERB_BEFORE = frozenset({"都", "也", "还", "又", "再", "先", "曾", "就", "亲自", "专门", "多次", "经常", "常",
                              "常常", "每次", "一起"})


@dataclass
class Person:
    """The first-person phrases of a sentence and where the secretary is in it: (word, role), the role one of
    subject, possessor (我的…), object (向我…), agent (在我的主持下, 由我…), pivot (安排我参加…) or implied (作为书记，
    …; a sentence-initial 亲自). A report formula names nobody."""

    phrases: list[str] = field(default_factory=list)
    anchors: list[tuple[int, str]] = field(default_factory=list)
    formula: bool = False


@dataclass
class Owner:
    """Whose shortcoming the sentence states ("self", "others", "none") and the phrases that say so."""

    kind: str = "none"
    others: list[str] = field(default_factory=list)
    self_exam: list[str] = field(default_factory=list)


def _only_adverbials_before(words, i: int, hits=None) -> bool:
    """Nothing but adverbials, time words, conjunctions and punctuation before word i in its clause (with `hits`,
    also the adverbs of a concrete act: 先后多次)."""
    for k in range(words.clause_start(i), i):
        if not (words.is_punct(k) or words.tags[k] in ADVERBIAL_TAGS or hits and hits.covering("act_adverbs", k)):
            return False
    return True


def _role_of_me(words, i: int, hits) -> str:
    """subject / possessor / object / agent / pivot for a 我 at word i."""
    forms = words.forms
    previous = forms[i - 1] if i > 0 else ""
    following = forms[i + 1] if i + 1 < len(forms) else ""
    if forms[i] == "我" and following == "的":
        if previous == "在" and "下" in forms[i + 2:i + 5]:
            return "agent"  # 在我的主持下
        return "object" if previous and hits.covering("person_objects", i - 1) else "possessor"
    if previous == "由":
        return "agent"  # 由我牵头
    if previous and hits.covering("reporting_verbs", i - 1) and following and not words.is_punct(i + 1):
        return "subject"  # 有党员批评我开会多: the secretary is the subject of what is reported
    if previous in COMPLETION or (previous and hits.covering("person_objects", i - 1)):
        return "object"
    if previous and hits.covering("pivot_verbs", i - 1):
        return "pivot"  # 组织部安排我参加…
    return "subject"


def first_person(words, hits) -> Person:
    person = Person()
    if hits.has("report_formulas"):
        person.formula = True
        return person
    forms, n = words.forms, len(words)
    taken: set[int] = set()
    for a, b in hits.spans("first_person"):
        phrase = words.span_text(a, b)
        if phrase in ("我", "本人") or any(words.quote[k] for k in range(a, b)):
            continue  # 我 and 本人 by themselves: below
        person.phrases.append(phrase)
        person.anchors.append((a, "subject"))
        taken.update(range(a, b))
    roles = hits.lexicon("self_roles")
    openers: list[tuple[int, str]] = []
    opened_by_others = any(a == 0 for a, _ in hits.every("others_subjects"))  # 有的支委…，自己不动脑子: theirs
    opening = hits.cover("self_openers")
    for i in _self_words(words, opening):
        form = forms[i]
        if i in taken or words.quote[i]:
            continue
        if form.startswith("我"):
            if _collective(words, hits, i) or (i > 0 and forms[i - 1] in THIRD_PERSON):
                continue
            person.phrases.append("我")
            person.anchors.append((i, _role_of_me(words, i, hits)))
        elif form == "本人":
            previous = forms[i - 1] if i > 0 else ""
            tag = words.tags[i - 1] if i > 0 else ""
            if previous == "经" or ((tag[:1] == "n" or tag == "j") and not previous.endswith("书记")):
                continue  # 党员本人, 经本人申请
            person.phrases.append("本人")
            person.anchors.append((i, "subject"))
        elif form in ("自己", "自身", "个人") and _only_adverbials_before(words, i) and not opened_by_others:
            following = forms[i + 1] if i + 1 < n else ""
            if (form == "自身" and following == "建设") or (form == "个人" and following in NOT_OWN):
                continue  # 支部自身建设, 个人利益: nobody in particular
            person.phrases.append(form)
            person.anchors.append((i, "subject"))
        elif form == "作为" and _only_adverbials_before(words, i):
            end = i + 1
            while end < n and words.clause[end] == words.clause[i] and not forms[end] in "，；：,;:":
                end += 1
            last = end - 1
            while last > i and words.is_punct(last):
                last -= 1
            if last > i and any(forms[last].endswith(role) for role in roles):
                person.phrases.append(words.span_text(i, last + 1).replace("“", "").replace("”", ""))
                person.anchors.append((min(end + 1, n - 1), "implied"))
        elif i in opening and _only_adverbials_before(words, i, hits) and not any(
                hits.covering("plan_markers", k) for k in range(words.clause_start(i), i)):
            openers.append((i, "implied"))  # 亲自上门…, 先后多次主持召开… (not 必须带头…)
    if not person.phrases:  # the omitted subject: 我 elsewhere in the sentence is the one the acts are read from
        person.anchors += openers
    person.anchors.sort()
    return person


def _self_words(words, opening: frozenset[int]) -> list[int]:
    """The words first_person reads, in order: those starting with 我, the SELF_FORMS and the `opening` words (only
    these when the sentence holds neither of the others)."""
    forms = words.forms
    if "我" not in words.text and SELF_FORMS.isdisjoint(forms):
        return sorted(opening)
    return [i for i, form in enumerate(forms) if form.startswith("我") or form in SELF_FORMS or i in opening]


def _collective(words, hits, i: int) -> bool:
    """我们, 我村, 我/所 党支部 (the unit not read as a verb: 我/处理 stays first person)."""
    for a, b in hits.every("first_person_not"):
        if a == i:
            if b - a == 1:
                return True
            unit = words.tags[b - 1]
            if not unit.startswith(("v", "d", "p", "a")):
                return True
    return False


# ---------------------------------------------------------------- acts


def _new_subject(words, hits, k: int) -> bool:
    """The clause starting at word k opens with a subject of its own (a noun or pronoun before its verb)."""
    n, clause = len(words), words.clause[k]
    for j in range(k, n):
        if words.clause[j] != clause:
            return False
        form, tag = words.forms[j], words.tags[j]
        if form == "由":
            return True
        if words.is_punct(j) or tag in ("d", "c", "t", "f", "ad", "m", "mq", "u", "uj", "q") or hits.covering(
                "chain_words", j):
            continue
        if tag.startswith("v") or tag == "p" or hits.covering("personal_acts", j):
            return False
        return bool(tag) and (tag[0] == "n" or tag in ("j", "r")) and form not in NOT_SUBJECT_R \
            and not form.startswith("我")
    return False


def _chain(words, hits, start: int) -> range:
    """Words from `start` to the end of the clauses that continue its subject (stops at 但 / 却)."""
    n = len(words)
    end = start
    clause = words.clause[start] if start < n else -1
    while end < n:
        if words.clause[end] != clause:
            if _new_subject(words, hits, end):
                break
            clause = words.clause[end]
        if end > start and words.forms[end] in CONTRAST:
            break
        end += 1
    return range(start, end)


def _is_verbish(words, hits, k: int) -> bool:
    tag, form = words.tags[k], words.forms[k]
    if words.is_punct(k) or words.title[k] or words.quote[k]:
        return False
    if tag.startswith("v") or hits.covering("personal_acts", k):
        return True
    following = words.forms[k + 1] if k + 1 < len(words) else ""
    if following in COMPLETION:
        return form == "上" or tag not in ("m", "q", "r", "d", "c", "uj", "ul", "t", "f") and (
            tag != "p" or len(form) > 1)  # 上(f) 了一课
    return (
        len(form) > 1 and form[-1] in COMPLETION and tag == "ul")


def _quantity_after(words, k: int, clause_end: int) -> bool:
    """A quantity (37户, 一次, 三遍, XX次) after word k in its clause."""
    for j in range(k + 1, clause_end):
        tag, form = words.tags[j], words.forms[j]
        if tag in ("m", "mq") and not form.startswith("第") and any(ch.isdigit() or ch in NUMERALS for ch in form):
            if form not in NOT_QUANTITY:
                return True
        if tag == "eng" and not form.upper().strip("X") and j + 1 < clause_end:
            return True
        if form in ("×", "*") and j + 1 < clause_end and words.forms[j + 1] not in ("×", "*"):
            return True
    return False


def _clause_end(words, k: int) -> int:
    end, n = k, len(words)
    while end < n and words.clause[end] == words.clause[k]:
        end += 1
    return end


def personal_acts(words, hits, person: Person) -> list[str]:
    """The act words the secretary governs (see the module's docstring)."""
    if person.formula or not person.anchors or hits.has("out_of_scope_patterns"):
        return []
    forms, n = words.forms, len(words)
    routine = hits.has("routine_patterns")
    plans, plan_times, formulas = hits.cover("plan_markers"), hits.cover("plan_times"), hits.cover("formula_verbs")
    causatives, non_acts, attitudes = hits.cover("causative_verbs"), hits.cover("non_acts"), \
        hits.cover("attitude_adverbs")
    strong_acts = hits.cover("personal_acts")
    found: list[str] = []
    seen: set[int] = set()
    for anchor, role in person.anchors:
        if role in ("object", "possessor"):
            continue
        if any(j < anchor for j in plan_times):
            continue  # 明年我将…
        if role == "agent" and forms[anchor + 1] == "的":  # 在我的主持下
            if anchor + 2 < n and anchor + 2 not in seen:
                seen.add(anchor + 2)
                found.append(forms[anchor + 2])
            continue
        start = anchor if role == "implied" or len(forms[anchor]) > 1 else anchor + 1
        if start < n and forms[start] == "被":
            continue  # 我被评为…
        blocked, pivot_clause = False, -1
        chain = _chain(words, hits, start)
        for k in chain:
            form = forms[k]
            if (k in plans and not _main_verb_with_object(words, k)) or k in plan_times or k in formulas:
                blocked = True  # 将, 打算: a plan; 做到了亲自抓、负总责: what was achieved, not an act
            if words.clause[k] == pivot_clause:
                continue  # 我要求每名党员…学习一次, 我亲自组织党员学习: the verbs after the object are its acts
            if k in causatives and k + 1 < n and words.tags[k + 1][:1] in ("n", "r", "m", "q"):
                pivot_clause = words.clause[k]
            if blocked or k in seen or not _is_verbish(words, hits, k) or k in non_acts:
                continue
            if form in LEADING and k + 1 < n and _is_verbish(words, hits, k + 1):
                continue  # 我带头遵守…: the verb after 带头 tells whether something was done
            if k == anchor and role != "implied" and form.startswith("我") and len(form) == 1:
                continue
            following = forms[k + 1] if k + 1 < n else ""
            if following == "的" or (k > 0 and forms[k - 1] in ("的", "被")) or (k > 1 and forms[k - 2] == "被"):
                continue  # 群众提的意见, 被困
            if _negated(words, k) or _judged_wanting(words, hits, k):
                continue
            done = following in COMPLETION or (k + 2 < n and forms[k + 2] in COMPLETION
                                               and not words.is_punct(k + 1) and words.tags[k + 1] != "uj") or (
                len(form) > 1 and form[-1] in COMPLETION and words.tags[k] == "ul") or (
                following in RESULTS and "把" in forms[words.clause_start(k):k])  # 把垃圾清理干净
            strong = k in strong_acts
            if not done and len(form) == 1 and not _main_verb(words, k, anchor):
                continue  # 压实到: 到 is the complement, not an act
            adverb = _adverb_before(words, hits, k, max(chain.start, words.clause_start(k)))
            attitude = any(j in attitudes for j in range(max(chain.start, k - 2), k))
            if done or _quantity_after(words, k, _clause_end(words, k)) or adverb or (
                    not attitude and (strong or routine)):
                seen.add(k)
                found.append(form)
    return found


def _adverb_before(words, hits, k: int, start: int) -> bool:
    """An adverb of a concrete act on word k or before it, no other verb between (挨家挨户把政策讲给群众听; not
    亲自组织党员学习 for 学习)."""
    for j in range(k, start - 1, -1):
        if hits.covering("act_adverbs", j):
            return True
        if j < k and _is_verbish(words, hits, j):
            return False
    return False


def _main_verb_with_object(words, k: int) -> bool:
    """A two-character plan word used as the main verb, before its noun object (争取 项目资金): no plan."""
    return len(words.forms[k]) > 1 and words.tags[k].startswith("v") and k + 1 < len(words) \
        and words.tags[k + 1][:1] == "n" and words.clause[k + 1] == words.clause[k]


def _main_verb(words, k: int, anchor: int) -> bool:
    """A one-character verb (到, 讲) only as the main verb: right after the subject, an adverb or the object of 把,
    not as the complement of another verb (压实到)."""
    if k == 0 or k - 1 == anchor:
        return True
    previous, tag = words.forms[k - 1], words.tags[k - 1]
    return previous in MAIN_VERB_BEFORE or tag in ("d", "t", "ad") or words.is_punct(k - 1) or (
        tag[:1] == "n" and k > 1 and words.forms[k - 2] == "把")  # 把 政策 讲给群众听


def _negated(words, k: int) -> bool:
    for j in (k - 1, k - 2, k - 3):
        if j < 0 or words.clause[j] != words.clause[k]:
            return False
        form = words.forms[j]
        if form in NEGATIONS:
            return True
        if words.tags[j] not in ("d", "ad", "c") and form not in SOFT_ADVERBS:
            return False
    return False


def _judged_wanting(words, hits, k: int) -> bool:
    """督促不够, 调研少: the verb is followed by a judgement of its shortage."""
    for j in range(k + 1, min(k + 4, len(words))):
        if words.clause[j] != words.clause[k]:
            return False
        if hits.covering("wanting_markers", j):
            return True
    return False


# ---------------------------------------------------------------- blame


def _markers(words, hits) -> list[int]:
    """Words stating a shortcoming: `shortcoming_markers` (also as the start of a compound word: 抵触情绪), a
    negation (不, 没有, 未能; 不高, 不闻不问), `shortcoming_patterns` (重业务、轻党建); not `shortcoming_not`
    (不断, 不少于) nor a shortage solved (解决了出行难)."""
    out = {a for a, _ in hits.every("shortcoming_markers")}
    out.update(a for a, _ in hits.every("shortcoming_patterns"))
    judging = _word_judge(hits.matcher)
    for k, (form, tag) in enumerate(zip(words.forms, words.tags)):
        if k not in out and (judging(form, tag) or (
                form in CONTEXT_MARKERS or form[-1] == "不") and _judging_in_context(words, k)):
            out.add(k)
    denied = {k for k in out if words.forms[k] in NEGATIONS and k + 1 in out and k + 1 < len(words)
              and words.clause[k + 1] == words.clause[k]
              and not ("不" in words.forms[k + 1] or "没" in words.forms[k + 1])}  # 不 深不透: stated, not denied
    out -= denied | {k + 1 for k in denied}  # 一点也不落后, 没有违规: a shortcoming denied
    if not out:
        return []
    resolved = _resolution_seen(words, hits)
    past = _past_now(words, hits)
    outcomes = [a for a, _ in hits.every("resolution_outcomes")]
    return sorted(k for k in out if (not hits.covering("shortcoming_not", k) or _left_undone(words, k))
                  and not resolved[k]
                  and not _named_problem(words, k) and k not in past and not _less_than(words, k)
                  and not _attributive(words, hits, k) and not _asked(words, k) and not _conceded(words, k)
                  and not any(a > k and words.clause[a] == words.clause[k] for a in outcomes))  # …明显改观


@lru_cache(maxsize=16)
def _word_judge(matcher):
    """_judging_word with the `shortcoming_markers` of a word matcher (one per profile), remembered per (form, tag)."""
    known, singles = matcher.sets.get("shortcoming_markers", frozenset()), matcher.singles.get(
        "shortcoming_markers", frozenset())

    @lru_cache(maxsize=8192)
    def judging(form: str, tag: str) -> bool:
        return _judging_word(form, tag, known, singles)
    return judging


def _judging_word(form: str, tag: str, known: frozenset[str], singles: frozenset[str]) -> bool:
    """A word stating a shortcoming by itself, given the `shortcoming_markers` phrases (`known`) and their
    one-character ones (`singles`)."""
    length, kind = len(form), tag[:1]
    return (
        form in NEGATIONS or (form[0] in "不没" and length <= 4 and kind in ("d", "a", "v", "i", "l"))
        or length == 3 and form[1] == "不" and kind in ("v", "a", "l", "i")  # 听不进, 管不住: cannot reach its result
        or length == 4 and form[1] == "不" and form[2] not in "可容胜及暇" and kind in ("v", "a", "l", "i")
        # 说不清楚, 跟不上趟 (not 密不可分, 义不容辞)
        or length == 4 and form[2] == "不" and kind in ("v", "a", "l", "i", "n")
        # 考虑不周, 议而不决, 执行不力 (not 坚定不移, 锲而不舍: shortcoming_not)
        or length == 4 and form[2:] in known and kind in ("l", "i", "n")
        or length == 3 and form[-1] in singles and kind in ("n", "a", "l")  # 管理混乱, 思想保守, 记性差: in one word
        or length > 2 and kind in ("n", "l", "i", "a", "v") and (form[:2] in known or form[:3] in known)
        or 2 <= length <= 4 and form[-2] == "得" and kind in ("a", "v", "d", "t") and (
            form[-1] in singles or form[-2:] in known)  # 问得少, 抓得松, 发现得晚: a verb judged by its complement
        or length == 2 and form[1] == "错" and kind == "v"  # 选错, 用错: a verb that missed
        or length == 2 and form[0] == "拒" and tag == "v")  # 拒交, 拒签: a refusal


def _judging_in_context(words, k: int) -> bool:
    """Word k states a shortcoming by what surrounds it: a refusal left undone (这个事我不管), a verb with 不 cut from
    its result (建不 起来), something done late (到9月才印发, 催了才报) or a meagre count (一年只办一次)."""
    form = words.forms[k]
    return form in REFUSALS and _left_undone(words, k) \
        or len(form) == 2 and form[1] == "不" and bool(words.forms[k + 1:k + 2]) and words.forms[k + 1] in UNREACHED \
        or form == "才" and _late(words, k) or form in ONLY_COUNT and _meagre(words, k)


def _late(words, k: int) -> bool:
    """才 at word k after a time, a count or an event in its clause (到9月才印发, 催了才报, 审计时才发现, 三年才开成
    一次), a verb after it: what was done late."""
    if words.forms[k] != "才" or k + 1 >= len(words) or not words.tags[k + 1].startswith(("v", "l", "nz")):
        return False
    before = range(words.clause_start(k), k)
    return any(words.tags[j] in ("t", "m", "mq") or words.forms[j] in ("了", "时", "后", "以后", "之后") or
               words.forms[j].endswith(("后", "时")) and words.tags[j] == "f" for j in before)


def _meagre(words, k: int) -> bool:
    """只 / 仅 at word k, then a verb and a count in its clause (一年只办一次, 只拉走一万斤): a meagre number told as
    the failing."""
    if words.forms[k] not in ONLY_COUNT or k + 2 >= len(words) or not words.tags[k + 1].startswith("v"):
        return False
    return any(words.tags[j] in ("m", "mq") and words.forms[j] not in NOT_QUANTITY
               and any(ch in NUMERALS or ch.isdigit() for ch in words.forms[j])
               for j in range(k + 2, min(k + 5, _clause_end(words, k))))


def _asked(words, k: int) -> bool:
    """An A-not-A question (好不好, 满 不 满意, 有没有): a criterion asked about, no shortcoming stated."""
    form = words.forms[k]
    if len(form) == 3 and form[1] in "不没" and form[0] == form[2]:
        return True
    if form in ("不", "没") and 0 < k < len(words) - 1:
        before, after = words.forms[k - 1], words.forms[k + 1]
        return bool(before) and not words.is_punct(k - 1) and after.startswith(before)
    return False


def _conceded(words, k: int) -> bool:
    """再 + a hardship + 也 (再难也得当好): a concession, no shortcoming stated."""
    return k > 0 and words.forms[k - 1] == "再" and "也" in words.forms[k + 1:k + 3]


def _left_undone(words, k: int) -> bool:
    """不管 / 不问 ending its clause or before 事 (这个事我不管，…; 啥也不管; 分工后不管事): a refusal, not the
    conjunction 不管…都."""
    if words.forms[k] not in REFUSALS:
        return False
    return k + 1 >= len(words) or words.is_punct(k + 1) or words.forms[k + 1] in ("了", "的", "事", "用")


def _less_than(words, k: int) -> bool:
    """不足300人, 不到一半: "less than" before a number, no shortcoming."""
    following = words.tags[k + 1] if k + 1 < len(words) else ""
    return words.forms[k] in LESS_THAN and following in ("m", "mq")


def _attributive(words, hits, k: int) -> bool:
    """外出务工 党员 18名: a condition naming a kind of people being counted, no shortcoming stated."""
    end = hits.starting("shortcoming_markers", k)
    end = end if end > k else k + 1
    return end + 1 < len(words) and words.forms[end].endswith(hits.lexicon("others_suffixes")) \
        and words.tags[end][:1] == "n" and words.tags[end + 1] in ("m", "mq")


def _past_now(words, hits) -> set[int]:
    """Words of the clauses told of the past (`past_markers`: 过去, 以前) when a later clause tells the present
    (`now_markers`: 现在, 如今): a shortcoming overcome (过去党员参加活动积极性不高，现在…), not stated."""
    pasts = [a for a, _ in hits.every("past_markers")]
    if not pasts:
        return set()
    nows = [a for a, _ in hits.every("now_markers")]
    out: set[int] = set()
    for a in pasts:
        clause = words.clause[a]
        if any(words.clause[b] > clause for b in nows):
            out.update(k for k in range(a, len(words)) if words.clause[k] == clause)
    return out


def _named_problem(words, k: int) -> bool:
    """The marker is inside a quote naming a problem item (指出的“党员带头不够”问题), not stating one."""
    if not words.quote[k]:
        return False
    for first, close, kind, _ in words.quotes:
        if kind == "quote" and first <= k < close:
            after = words.forms[close + 1:close + 3]
            return bool(after) and (after[0] == "问题" or after[:2] == ["的", "问题"])
    return False


def _resolution_seen(words, hits) -> list[bool]:
    """For each word: a resolution word came before it in its clause (解决了群众出行难, 针对积极性不高的问题):
    a shortage there is what was solved or is addressed, not stated."""
    resolution = hits.cover("resolution_words")
    if not resolution:
        return [False] * len(words)
    seen, clause, out = False, -1, []
    for k in range(len(words)):
        if words.clause[k] != clause:
            clause, seen = words.clause[k], False
        if seen and words.forms[k] in FRAME_ENDS:
            seen = False  # 我在处理信访问题时有急躁情绪: a time frame, what follows is stated
        out.append(seen)
        if k in resolution and not _modifier(words, k) and not _after_dui(words, k):
            seen = True
    return out


def _after_dui(words, k: int) -> bool:
    """Word k is inside 对…: what someone is judged on (村民对人居环境整治不配合), not what was addressed."""
    start = words.clause_start(k)
    return any(words.forms[j] in ("对", "对于") for j in range(max(start, k - 4), k))


def _modifier(words, k: int) -> bool:
    """Word k only qualifies a noun (抓整改的韧劲不足, 整改工作的力度不够) or is itself judged (处理得不好, 处理得慢,
    排查不细, 整改不到位, 整改落实不够彻底): it addresses nothing."""
    after = words.forms[k + 1:k + 3]
    return after[:1] in (["的"], ["得"]) or bool(after) and after[0][:1] in "不没得" and len(after[0]) <= 3 or (
        len(after) == 2 and (after[1] == "的" and words.tags[k + 1][:1] == "n"
                             or after[1][:1] in "不没" and words.tags[k + 1][:1] in ("v", "a")))  # 整改 落实 不够


def _actors(words, hits, person: Person) -> dict[int, tuple[str, str]]:
    """The first actor of each clause, by its first word: ("self" | "others" | "unit", phrase). An actor inside a
    prepositional phrase (对…党员, 与上级…相比) or one that only reports (群众反映…) is not the clause's."""
    candidates: list[tuple[int, int, str]] = []
    for i, role in person.anchors:
        if role in ("subject", "possessor", "agent", "implied", "pivot") and i < len(words):
            candidates.append((i, i + 1, "self"))
    candidates += [(a, b, "others") for a, b in hits.every("others_subjects")]
    candidates += [(a, b, "unit") for a, b in hits.every("unit_subjects")]
    suffixes, units = hits.lexicon("others_suffixes"), hits.lexicon("unit_subjects")
    if suffixes:  # any noun naming people or a body (外出务工人员, 志愿者, 帮扶单位): someone else; but a
        known = {a for a, _, _ in candidates}  # compound ending in an own unit's word (机关党委) is the unit
        for i, (form, tag) in enumerate(zip(words.forms, words.tags)):
            if i not in known and len(form) > 1 and (tag[:1] == "n" or tag in ("j", "l") or _split_noun(words, i)) \
                    and not hits.covering("others_suffixes_not", i) and not form.startswith("我"):
                if form.endswith(units):
                    candidates.append((i, i + 1, "unit"))
                elif form.endswith(suffixes):
                    candidates.append((i, i + 1, "others"))
    candidates += [(a, b, "others") for a, b in _names(words, hits)]
    candidates.sort(key=lambda s: (s[0], s[2] != "self", -(s[1] - s[0])))
    actors: dict[int, tuple[str, str]] = {}
    owned: set[int] = set()  # clauses whose actor is known
    covered_until = -1
    starting = {a: (a, b, kind) for a, b, kind in reversed(candidates)}
    for a, b, kind in candidates:
        clause = words.clause[a]
        if clause in owned or a < covered_until:
            continue
        first = a
        while kind != "self":  # 社区 + 工作者, 有的 + 单位, 村里 的 年轻人: the head decides
            nxt = b if b in starting else b + 1 if words.forms[b:b + 1] == ["的"] and b + 1 in starting else -1
            if nxt < 0 or starting[nxt][2] == "self":
                break
            _, b, head = starting[nxt]
            kind = "others" if "others" in (kind, head) else head
        a = first
        if kind == "unit":  # 社区 在职 党员, 班子 中 个别 成员: the people of the unit
            person_at = _member_after(words, b, starting)
            if person_at is not None:
                a, b, kind = starting[person_at]
            elif any(words.forms[j] in OTHER_UNIT for j in range(max(words.clause_start(a), a - 2), a)) \
                    or words.forms[b:b + 1] and words.forms[b] in ("那边", "那里", "那头"):
                kind = "others"  # 学校那边的党支部, 其他支部, 隔壁社区: not the own unit
        covered_until = b
        among = b + 1 < len(words) and words.forms[b + 1] in AMONG  # 党员队伍中存在…: the members
        if kind != "self" and (words.quote[a] and not _named_kind(words, b) or _governed(words, hits, a)
                               or _illustration(words, a)
                               or (hits.covering("actor_modified_heads", b) and not among)):
            continue
        if kind != "self" and _reporting(words, hits, b):  # 群众反映我…, 镇党委指出我…
            continue
        head = b + 1 if words.forms[b:b + 1] == ["的"] else b
        if kind == "unit" and (a > 0 and words.tags[a - 1] == "v" and words.clause[a - 1] == clause
                               or head < len(words) and words.tags[head] in ("n", "vn") and head not in starting):
            continue  # 转入 社区: the object of a verb; 支部 活动: a modifier; not the clause's actor
        if kind == "others" and b in starting and starting[b][2] == "self":
            continue  # 支部书记 本人: the secretary named by role
        actors[a] = (kind, words.span_text(a, b) if kind != "self" else words.forms[a])
        owned.add(clause)
    return actors


def _split_noun(words, i: int) -> bool:
    """A verb-tagged word ending a noun jieba cut apart or mis-tagged (社会 组织/v 把…, 两新 组织/v 的 老板, 站点 的
    站长/v 把…): a noun."""
    following = words.tags[i + 1] if i + 1 < len(words) else "x"
    return words.tags[i] == "v" and i > 0 and (words.tags[i - 1][:1] in ("n", "a", "j") or words.forms[i - 1] == "的") \
        and words.clause[i - 1] == words.clause[i] and (following in ("uj", "p", "d", "x")
                                                          or i + 1 < len(words) and words.is_punct(i + 1))


def _names(words, hits) -> list[tuple[int, int]]:
    """Person names by their form (老杨, 小陈, 刘某, 王建国; 老 + 杨 cut apart), and role words tagged as
    attributes (主任/b) heading a clause: someone else, whatever the role before them (村文书小陈…)."""
    surnames, n, out = hits.singles("surnames"), len(words), []
    units = hits.lexicon("unit_subjects")
    suffixes = hits.lexicon("others_suffixes")
    not_names = hits.cover("person_not")
    for i, (form, tag) in enumerate(zip(words.forms, words.tags)):
        if words.quote[i] or i in not_names or form.startswith("我"):
            continue
        if tag.startswith("nr") and 2 <= len(form) <= 3 and (
                form[0] in surnames and (len(form) == 3 or form[1] == "某")
                or form[0] in "老小" and form[1] in surnames and len(form) == 2):
            out.append((i, i + 1))
        elif form in ("老", "小") and i + 1 < n and words.forms[i + 1] in surnames \
                and words.tags[i + 1].startswith("nr"):
            out.append((i, i + 2))
        elif form in surnames and tag.startswith("nr") and i > 0 and words.forms[i - 1][-1] in "老小" \
                and len(words.forms[i - 1]) > 1:
            out.append((i, i + 1))  # 楼栋长 老王 cut as 楼栋 长老 王
        elif form in BODY_CHARS and i > 0 and words.tags[i - 1][:1] == "n" and words.clause[i - 1] == words.clause[i] \
                and not words.forms[i - 1].startswith("我"):
            out.append((i - 1, i + 1))  # 财政 所/c: a body cut apart
        elif tag == "nt" and not form.endswith(units) and not form.startswith("我"):
            out.append((i, i + 1))  # an organisation by its tag (联合体)
        elif tag == "b" and len(form) > 1 and form.endswith(suffixes):
            out.append((i, i + 1))  # 妇女 主任/b
    return out


def _named_kind(words, b: int) -> bool:
    """The quote closes right after the actor, people, ending before word b (一些“口袋党员”…): a kind of people
    named, not a slogan's words nor a title (“全国文明单位”)."""
    return b < len(words) and words.forms[b] in ("”", "\"", "」", "’") and words.forms[b - 1].endswith(PEOPLE)


def _member_after(words, b: int, starting: dict) -> int | None:
    """The start of an others candidate right after a unit actor ending before word b, past 的 / 中, a number and
    a modifier (社区 在职 党员, 村 两委 班子 中 个别 成员, 村里 的 几个 老党员), if any."""
    linked = False
    for k in range(b, min(b + 4, len(words))):
        if k in starting and starting[k][2] == "others":
            return k
        if words.forms[k] == "的":
            linked = True  # 村里 的 种植 大户: after 的, a modifier of any kind
        elif words.quote[k] or words.forms[k] in "“”\"":
            continue  # 社区 “两委” 干部
        elif not (words.forms[k] in MEMBER_LINKS or words.tags[k] in ("a", "b", "f", "m", "zg", "j")
                  or linked and words.tags[k][:1] in ("v", "n") and not words.is_punct(k)):
            return None
    return None


def _illustration(words, a: int) -> bool:
    """Word a is in a clause giving examples (比如…, 例如…): what it names illustrates, it blames nobody."""
    start = words.clause_start(a)
    return words.forms[start] in ("比如", "例如", "譬如", "如")


def _governed(words, hits, a: int) -> bool:
    """Word a is inside a prepositional phrase (a preposition before it in the clause, no verb between)."""
    start = words.clause_start(a)
    for k in range(a - 1, start - 1, -1):
        tag = words.tags[k]
        if hits.covering("actor_prepositions", k) and tag != "p" and (
                words.forms[k + 1] == "的" or k > start and (words.tags[k - 1][:1] in ("n", "a", "j")
                                                             or words.forms[k - 1] == "的")):
            continue  # 两新 组织 的 老板, 社会 组织 负责人, 积极分子 的 培养 联系人: a modifier, it governs nothing
        if hits.covering("actor_prepositions", k) or tag == "p":
            return True
        if tag.startswith("v") and not hits.covering("actor_prepositions", k):
            following = words.tags[k + 1] if k + 1 < len(words) else ""
            if not (following[:1] == "n" or following in ("j", "vn")):
                return False  # a verb of the clause; 对失联党员: 失联 only qualifies the noun
    return False


def _reporting(words, hits, b: int) -> bool:
    """The actor ending before word b only reports (群众反映…, 党员向我提出…)."""
    for j in range(b, min(b + 5, len(words))):
        if hits.covering("reporting_verbs", j):
            if _own_words(words, j):
                return False  # 副书记说：“这个事我不管” : their own excuse or refusal, in their words
            return words.forms[j - 1] not in ONLY  # 群众只讲个人利益: what they care for, not what they report
        if words.is_punct(j) or (words.tags[j] == "p" and words.forms[j] != "在"
                                 and not words.forms[j + 1:j + 2] == ["我"]):
            return False  # 群众对党员评议工作参与热情不高: 对 opens the object, 评议 is not what they do
    return False


def _own_words(words, j: int) -> bool:
    """A verb of speaking at word j (说, 讲, 称) giving the speaker's own words: a quote follows (…说：“工期这么紧，
    哪有时间学习”) or the saying is habitual (一叫开会就说身体不好, 每次都说): what they say of themselves."""
    if words.forms[j] not in SPEAKING:
        return False
    after = words.forms[j + 1:j + 3]
    return bool(after) and (after[0] in QUOTE_OPEN or after[0] in "：:" and after[1:] and after[1] in QUOTE_OPEN) \
        or j > 0 and words.forms[j - 1] in HABITUAL


def blame(words, hits, person: Person) -> Owner:
    owner = Owner()
    if person.formula:
        return owner
    self_phrases = hits.find("self_examination") + hits.find("self_examination_patterns")
    excuse_spans = hits.every("excuses") + hits.every("excuse_patterns")
    stated = _markers(words, hits)
    circumstances = _circumstances(words, hits, stated)
    if excuse_spans or circumstances:
        resolved = _resolution_seen(words, hits)  # 解决了历史遗留问题: what was solved is no excuse
        excuse_spans = [(a, b) for a, b in excuse_spans if not resolved[a]] + circumstances
    excused = {k for a, b in excuse_spans for k in range(a, b)}
    markers = {k for k in stated if k not in excused}  # 我也没有办法: an excuse, not a failing
    if not markers:  # 由于措施得力…, 受台风影响，我们…: a cause told of no shortcoming (a pretext is one)
        excuse_spans = [(a, b) for a, b in excuse_spans if not hits.covering("causal_excuses", a)
                        or any(hits.covering("pretexts", k) for k in range(a, b))]
    few = hits.has("faulted_few") and not hits.has("praise_words")
    views = hits.has("others_view_markers") or few
    others: list[str] = []
    own: list[str] = []
    disposal = not markers and not hits.has("praise_words") and "把" in words.forms
    if markers or views or excuse_spans or disposal:
        actors = _actors(words, hits, person)
        others += [phrase for k, (kind, phrase) in actors.items()
                   if few and kind == "others" and hits.starting("faulted_few", k) > k]  # 个别党员…: singled out
        current: tuple[str, str] | None = None
        for k in range(len(words)):
            if k in actors:
                current = actors[k]
            if current is None:
                continue
            kind, phrase = current
            if k in markers:
                if kind == "self" and not _planned(words, hits, k):
                    own.append(phrase)
                elif kind == "others":
                    others.append(phrase)
            elif views and kind == "others" and hits.covering("others_view_markers", k):
                others.append(phrase)  # 有的党员认为…: a view held against them
            elif disposal and kind == "others" and words.forms[k] == "把" and _disposed(words, hits, k):
                others.append(phrase)  # 楼栋长把物资拿回了家: what others did with what was not theirs
        own += [words.span_text(a, b) for a, b in excuse_spans if _owner_at(actors, a) == "self"
                and any(hits.covering("pretexts", k) for k in range(a, b))]  # 我常以事务忙为由…: my pretext
        if own:
            excuse_spans = []
        if (others or excuse_spans) and _answered(words, hits, actors, markers, excuse_spans):
            others, excuse_spans = [], []  # 有的党员行动不便，我们就上门…: the hardship was met
    agent = [words.forms[i] for i, role in person.anchors if role == "agent"]
    if self_phrases or own or (agent and markers):
        owner.kind, owner.self_exam = "self", list(dict.fromkeys(self_phrases + own + agent))
    elif others or excuse_spans:
        excuses = [words.span_text(a, b) for a, b in excuse_spans]
        owner.kind, owner.others = "others", list(dict.fromkeys(others + excuses))
    return owner


def _disposed(words, hits, k: int) -> bool:
    """把 at word k, then a verb done in its clause (把社区发的物资拿回了家, 把我们的补助扣了一半; not a delivery:
    把政策送到了每家每户, 把活动室借给了支部, nor a result reached or made: 把路修通了, 把经费提高了). Read where
    the pipeline reads blame, on problem sentences, what others did with something is what went wrong; a good deed
    told with 把 and no praise word (志愿者把旧衣服洗了一遍) is read so too."""
    end = _clause_end(words, k)
    return any(words.tags[j].startswith("v") and words.forms[j][-1] not in DELIVERED
               and not hits.covering("stock_verbs", j) and words.forms[j + 1] in ("了", "走")
               for j in range(k + 2, end - 1))


def _owner_at(actors: dict, k: int) -> str:
    """The kind of the actor owning word k (the last actor at or before it), "" if none."""
    before = [a for a in actors if a <= k]
    return actors[max(before)][0] if before else ""


def _answered(words, hits, actors: dict, markers: set[int], excuses: list[tuple[int, int]]) -> bool:
    """Every shortcoming and excuse told before a later clause that meets it: the unit or the secretary acting
    (有的党员行动不便，我们就上门为他们过组织生活), others stepping in (…，党员志愿者就上门讲解), care given
    (`care_verbs`: 个别党员生病住院，支部委员轮流前去看望) or a contrast (党员年龄偏大，但大家参加活动的热情很高)."""
    told = [words.clause[k] for k in markers] + [words.clause[a] for a, _ in excuses]
    last = max(told, default=-1)
    return any(words.clause[k] > last and _acting(words, hits, k, phrase) and (
        kind in ("unit", "self") or kind == "others" and _then(words, k))
               for k, (kind, phrase) in actors.items()) or any(
        words.clause[a] > last for a, _ in hits.every("care_verbs")) or any(
        words.forms[k] in TURNS and words.clause[k] > last for k in range(len(words))) or any(
        last >= 0 and words.clause[k] > last and kind == "others" and any(
            hits.covering("praise_words", j) for j in range(k, _clause_end(words, k)))
        for k, (kind, phrase) in actors.items())  # …任务重，全校党员主动请缨: others rising to it


def _then(words, k: int) -> bool:
    """就 / 便 right after the actor at word k (…，党员志愿者就上门讲解): others stepping in to meet it."""
    return any(words.forms[j] in ("就", "便") for j in range(k + 1, min(k + 3, len(words))))


def _acting(words, hits, k: int, phrase: str = "") -> bool:
    """The actor `phrase` at word k opens its clause and a verb follows it, past adverbs, time words, a
    prepositional phrase and the manner after 就 (支部 安排…, 我们 就 上门…, 支部 每年 都 组织…, 支部 为 他们 申请…,
    志愿者 就 手把手 教…; not 支部 活动…)."""
    if not _only_adverbials_before(words, k):
        return False
    j = words.at.get(words.starts[k] + len(phrase), k + 1) if phrase else k + 1
    n, clause, governed = len(words), words.clause[k], 0
    while j < n and words.clause[j] == clause and not words.is_punct(j) and (
            words.tags[j] in ("d", "ad", "t", "r") or words.tags[j] == "p" and not governed
            or governed and j - governed < 3 and words.tags[j][:1] in ("n", "r")
            or words.forms[j - 1] in ("就", "便") and words.tags[j][:1] in ("n", "i", "l")) \
            and not hits.covering("personal_acts", j) and words.forms[j + 1:j + 2] != ["了"]:
        governed = j if words.tags[j] == "p" else governed
        j += 1
    return j < n and (words.tags[j].startswith("v") and words.tags[j] != "vn"
                      or hits.covering("personal_acts", j) or words.forms[j + 1:j + 2] == ["了"])


def _circumstances(words, hits, markers: list[int]) -> list[tuple[int, int]]:
    """Hard circumstances (`circumstances`, `circumstance_patterns` on word boundaries: 居住分散, 经费保障不足,
    任务重) given as the cause of a shortcoming the sentence states outside them; none when it states none
    (我村地处山区，全村8个村民小组分散在三道沟里) or when they are what was addressed (针对场地小的问题…)."""
    spans = list(hits.every("circumstances"))
    at = words.at
    spans += [(at[m.start()], at[m.end()]) for m in hits.matches("circumstance_patterns")
              if m.start() in at and m.end() in at]
    if not spans:
        return []
    inside = {k for a, b in spans for k in range(a, b)}
    if not any(k not in inside for k in markers):
        return []
    resolved = _resolution_seen(words, hits)
    return [(a, b) for a, b in spans if not resolved[a]]


def _planned(words, hits, k: int) -> bool:
    """A plan word before word k in its clause (我将…); not a noun (工作计划), nor the verb the shortcoming
    judges (准备得不够, 准备不足)."""
    return any(hits.covering("plan_markers", j) and words.tags[j] not in ("n", "vn")
               and j + 1 < k and words.forms[j + 1] not in ("得", "的")  # 准备得不够: the act judged
               for j in range(words.clause_start(k), k))
