"""Concrete cases (事例) in a sentence, read from its words: named people, places and units, dated events,
titled documents and activities. Each case found is returned as the phrase that names it.

people      a person-tagged word (nr) of three characters starting with a common surname (`surnames`: 王德明,
            with its title: 蒋志华同志); of two, next to a title or a role (刘教授, 党员王磊: `person_titles`,
            `person_roles`); a surname followed by a given name, a title or 某某 (刘 秀英, 周 大爷, 李 某某);
            老 / 小 + a surname (老刘, 小王, 老孟 in 老孟带); two-character names in a list (程立、吴芳); a placeholder after a role
            (党员×××, not 党员XX人次); a surname jieba mistagged after a role (党员 何(r) 秀英); 张 奶奶家; not the
            names in `person_not` (习近平: no case of the report); a name after 叫 (叫 文秀, 叫 田 丰收的), 阿 + a
            given name (阿芳), a compound surname (欧阳 志强), a kinship title after an ordinal (周 二嫂), a name after a
            job word (退伍兵 向勇, 保洁员), a placeholder before 家 (村民***家)
places      a name of one to three words before a place or unit word (`place_suffixes`: 青石 村, 锦华 苑 小区,
            宏达 公司), or one word ending in a place character (`place_suffix_chars`: 柳溪村, 河口镇, 杨家湾; a
            proper noun also in `proper_suffix_chars`: 锦绣路; a road even with a category word: 文化路; a road,
            street, bridge, canal, pond or square tagged a plain noun: 解放街, 人民广场, 青年 桥, not 水泥路,
            步行街, 连心桥: `road_stems_not`), one
            proper-noun word ending in a unit word (新华书店, 中国银行), a place in a place (安吉 余村), a place
            name after a verb (到 延安, 赴 浙江, 派驻 喀什); the name not a category (`place_name_not`:
            示范村, 老旧小区, 相关公司) nor a verb or function word, so 围绕 镇党委, 投身 乡村 and 组织 支部 name
            nothing; not one of jieba's false places (`ns_not`: 上门, 镇里); a proper name, up to two trade words
            and an `organisation_words` word (红星 机械厂, 金穗 种植 专业 合作社); surname + 家 before a village
            character (`village_chars`: 杨家 岗); a county or city institution starting on a word boundary
            (`institution_patterns`: 县水务局, 市二院, 县委党校, 镇卫生院); a numbered unit (第三 党支部:
            `numbered_units`); a placeholder name (XX社区, ××银行)
dates       `example_patterns` starting on a word boundary (3月12日, 今年五月, 国庆前夕, “七一”, 3·15, 《…》, 例如…,
            3号楼, 3栋202室, 三号井, 302会议室, 初二（3）班, 二组, 二支部的, X月X日, 有一次, 当天晚上, 35岁的,
            一名患…, 张姓村民, 姓龙的, 第二届…节, 上线后的第二天; one person singled out only with an incident:
            去年有一名党员因…, 一户村民因…, not 有个组长工作不得力; a described place of an event: 村口的…了), not
            recurring (每年春节, 每月20日, 每个党小组有一名…, nor in a sentence of `habitual_words`: 春节前后…都要),
            not a cut-off (截至10月底); a demonstrative pointing at one thing (那座砖窑, 那个冬天, 收官那年, 上线那一周:
            `specific_demonstratives`); a pattern cut in a word tried again at the word starts inside it
incidents   一起 / 这起 / 那起 as a classifier and an `event_nouns` word in its clause (查出一起挪用低保金的案子,
            那起信访案; not 大家一起调解纠纷); a described event before 一事 (改停车位一事; not 一事一议)
activities  a short quoted name (“红色周末”读书会, “初心讲堂”, “东岭夜话”) followed by or ending in an activity
            word (`activity_heads`) or a unit word (“乡村记忆馆”), or holding a proper noun, or standing alone
            after a verb of setting up (`creating_verbs`: 推出了“红色周末”，); not a numbered slogan (“三会一课”,
            “两学一做”, “一线工作法”; “四点半课堂” is a name), not one with 我 or +, not who does what (“书记讲
            党课”), not a system or an attitude (`system_heads`: “等靠要”思想); after 题为 (`naming_words`) any
            quoted title; a quoted firm or machine (`_named_unit`: “甬美”服装厂, “顺丰速运”华东区党委, 承包方“味佳源”:
            `firm_words`, “先锋号”盾构机) or building (“初心亭”); not a method (“枫桥经验”: a `system_heads` word
            inside) nor a campaign told by its verbs (“送法下乡”活动)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from checker.segment.tokens import in_dictionary, tag

NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "n", "j", "eng", "a", "an", "ng", "b", "s", "nl", "l",
                       "zg", "x", "m"})
DIRECTIONS = set("东西南北中上下前后")
NOT_NICKNAMES = frozenset({"小时", "小康", "老黄", "老马", "小白", "老牛", "小金", "老白", "小高", "小于", "老于", "小卫",
                           "老成", "小成", "老向", "小向", "老时", "小时候", "老安", "小安", "老常", "小常", "小马"})
NOT_NAME_ENDS = frozenset("村镇乡县区苑湾书章栏感字证卡费表率性式制法税款站室")  # 安全感, 林权证: no names
PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
UNIT_TAGS = ("nt", "nz")  # a named unit in one word (新华书店)
PLACE_WORD_TAGS = frozenset({*UNIT_TAGS, "ns"})  # the tags of a named unit or a place travelled to
ROADS = frozenset("路街巷")
ROAD_ENDS = ("路", "街", "巷", "桥", "渠", "塘", "坝", "广场", "大道", "大街")
ROAD_LAST = frozenset(end[-1] for end in ROAD_ENDS)
COMMON_PLACE_ENDS = frozenset("口场店集营区园路街巷桥")  # 井口, 路口, 商场: no names when jieba tags them ns
TRAVEL = frozenset({"到", "赴", "去", "前往", "来自", "奔赴", "远赴", "回到", "走进", "来到", "在", "与", "从"})
PERSON_TAGS = ("nr", "nrfg", "nrt")
PERSON_TAG_SET = frozenset(PERSON_TAGS)
NUMBERED_SLOGAN = set("一二三四五六七八九十两双0123456789")
PLACEHOLDER = set("X×*＊xXＸ")
RECURRING = ("每", "逐", "每年", "每逢", "每个", "每到")
OPENING_QUOTES = "“\"‘「『"
GLUED_PREPOSITIONS = frozenset("为到在给对和与向从把")
NAME_PIECE_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nz", "n", "a", "ng", "zg", "j", "t", "m", "ag"})
NAMING = frozenset({"叫", "名叫", "叫做", "名字叫", "叫作"})  # 有个大学生叫 文秀
BUILDING_ENDS = frozenset("亭阁廊楼馆堂屋园坊吧")  # “初心亭”, “开心农园”: a quoted name of a building or a garden
LOCATIVE = frozenset({"在", "到", "从", "往"})  # 在 楼道 里: a locative frame, no place name
CUT_OFF = ("截至", "截止", "截止到", "截至到")  # 截至10月底: the date of a count, not of an event
ONE_INCIDENT = ("一起", "这起", "那起")  # a classifier of incidents (查出一起…的案子)
INCIDENT_LEADS = re.compile("[一这那]")  # the first characters of ONE_INCIDENT and 一事
INCIDENT_WORDS = (*ONE_INCIDENT, "一事")  # a sentence without any of them tells no incident
ROLE_ENDS = tuple("员长兵手")  # 保洁员, 退伍兵, 技术能手: a word naming someone's job, before a name
KIN_ORDINALS = "大二三四五六七八九老"  # 周 二嫂, 王 三叔: an ordinal before a kinship title


def _numbered_slogan(inner: str) -> bool:
    """“三会一课”, “两学一做”, “四个意识”, “双报到”: two numerals, or a short name opening with one (not
    “四点半课堂”, “红色星期五”)."""
    numerals = sum(ch in NUMBERED_SLOGAN or ch in "百千万" for ch in inner)
    if numerals >= 2 or numerals and any(mark in inner for mark in "、，,"):
        return True  # “三会一课”, “万人进千村”, “无事故、无三违”
    return inner[0] in NUMBERED_SLOGAN and (len(inner) <= 4 or inner[1] in "个线岗级星项型化")  # “一线工作法”


@lru_cache(maxsize=4096)
def _dictionary_tag(piece: str) -> str:
    """jieba's tag of `piece` if its dictionary holds it as one word ("" if not: 周建, 何永)."""
    if not in_dictionary(piece):
        return ""
    tagged = tag(piece)
    return tagged[0][1] if len(tagged) == 1 else ""  # a prefix of longer words only (方国) is no word


@lru_cache(maxsize=16)
def _role_regex(roles: tuple[str, ...], surnames: frozenset[str]) -> tuple[re.Pattern, re.Pattern] | None:
    """The regex of a role before a name (overlapping matches), and what each of its matches holds: a role's
    last character, the surname and two characters (one class each: a quick test for the sentences without)."""
    if not roles or not surnames:
        return None
    alternation = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    role = f"(?:{alternation}|[\u4e00-\u9fff]{{1,2}}[员长])"  # 党员, or any word ending in 员 / 长 (联户长)
    name = f"[{''.join(sorted(surnames))}][\u4e00-\u9fff]{{2}}"
    last = "".join(re.escape(ch) for ch in sorted({r[-1] for r in roles} | {"员", "长"}))
    return re.compile(f"(?=({role}{name}))"), re.compile(f"[{last}]{name}")


def _placeholder(form: str) -> bool:
    return len(form) >= 2 and all(ch in PLACEHOLDER for ch in form)


def examples(words, hits) -> list[str]:
    found: list[tuple[int, str]] = []
    found += _patterns(words, hits)
    found += _people(words, hits)
    found += _role_names(words, hits)
    found += _places(words, hits)
    found += _activities(words, hits)
    found.sort(key=lambda f: f[0])
    return list(dict.fromkeys(phrase for _, phrase in found))


def _patterns(words, hits) -> list[tuple[int, str]]:
    """`example_patterns` and `institution_patterns` starting on a word boundary (and ending on one: 县水务局,
    not 县水务局机关 cut in a word); numbered units; demonstratives."""
    out = _incidents(words, hits)
    at = words.at
    text = words.text
    habitual = hits.has("habitual_words")  # 春节前后，我们都要走访…
    for name in ("example_patterns", "institution_patterns"):
        for match in _word_start_matches(words, hits, name):
            start = match.start()
            if start not in at:  # a word start; 县农业农村局在…: jieba may glue the next word to the end
                if not (start - 1 in at and text[start - 1] in GLUED_PREPOSITIONS and len(
                        words.forms[at[start - 1]]) > 1):
                    continue  # 为七组: jieba glued the preposition to the name
                start -= 1
            if text[max(0, start - 4):start].rstrip(OPENING_QUOTES).removesuffix("的").endswith(RECURRING) \
                    or "每" in words.span_text(words.clause_start(at[start]), at[start]) or habitual:
                continue  # 每年春节, 每月20日, 每年的“七一”, 每个党小组有一名…: a routine, not a case
            if text[max(0, start - 5):start].removeprefix("今年").endswith(CUT_OFF) \
                    or text[max(0, start - 7):start].endswith(tuple(c + "今年" for c in CUT_OFF)):
                continue  # 截至今年10月底: the date of a count
            out.append((at[start], match.group(0)))
    for a, b in hits.every("numbered_units"):
        if a > 0 and words.forms[a - 1].startswith("第") and words.tags[a - 1] == "m" and len(words.forms[a - 1]) > 1:
            out.append((a - 1, words.span_text(a - 1, b)))
    for a, b in hits.every("specific_demonstratives"):
        if b < len(words) and not words.is_punct(b):
            out.append((a, words.span_text(a, min(b + 2, len(words)))))
        elif a > 0 and not words.is_punct(a - 1):
            out.append((a - 1, words.span_text(a - 1, b)))  # 收官那年: the time of one event
    return out


def _word_start_matches(words, hits, name: str) -> list:
    """The matches of a pattern lexicon; for one not starting a word (社区与…单位区检察院: the 区 of 社区), the
    pattern tried again at each word start inside it (区检察院)."""
    out, at, regex = [], words.at, hits.matcher.patterns.get(name)
    for match in hits.matches(name):
        out.append(match)
        if match.start() in at or regex is None:
            continue
        for start in words.starts:
            if match.start() < start < match.end() and (again := regex.match(words.text, start)):
                out.append(again)
                break
    return out


def _incidents(words, hits) -> list[tuple[int, str]]:
    """One incident: 一起 / 这起 / 那起 as a classifier (after a verb, or 这 / 那) and an `event_nouns` word
    later in its clause (查出一起挪用低保金的案子, 那起职工宿舍分配信访案; not 大家一起调解纠纷); a described
    event before 一事 (绿化带改停车位一事; not 一事一议, 一事一策)."""
    out, forms, n = [], words.forms, len(words)
    if not any(lead in words.text for lead in INCIDENT_WORDS):
        return out
    events = hits.lexicon("event_nouns")
    leads = {m.start() for m in INCIDENT_LEADS.finditer(words.text)}  # where 一起, 这起, 那起 or 一事 may start
    for i, start in enumerate(words.starts[:-1] if leads else ()):
        if start not in leads:
            continue
        lead = words.text[start:start + 2]
        if lead in ONE_INCIDENT and events:
            if lead == "一起":
                verb = i - 2 if i > 1 and forms[i - 1] in ("了", "过") else i - 1
                if forms[i] != "一起" or verb < 0 or not words.tags[verb].startswith("v") or forms[verb] in ("在",):
                    continue  # 大家一起…: together, not one incident
            for k in range(i, n):
                if words.is_punct(k):
                    break
                if k > i and forms[k].endswith(events) or k == i and len(forms[k]) > 2 and forms[k].endswith(events):
                    out.append((i, words.span_text(i, k + 1)))
                    break
        elif forms[i] == "一事" and (i + 1 >= n or not forms[i + 1].startswith("一")) and i >= 2 \
                and not words.is_punct(i - 1) and not words.is_punct(i - 2):
            out.append((max(words.clause_start(i), i - 4), words.span_text(max(words.clause_start(i), i - 4), i + 1)))
    return out


def _surname(hits, form: str) -> bool:
    return bool(form) and (form[0] in hits.singles("surnames") or form[:2] in hits.set("surnames"))


def _people(words, hits) -> list[tuple[int, str]]:
    out = []
    forms, tags, n = words.forms, words.tags, len(words)
    titles, roles = hits.set("person_titles"), hits.lexicon("person_roles")
    surnames = hits.singles("surnames")
    for i in _person_candidates(words, surnames):
        form, tag = forms[i], tags[i]
        if words.quote[i] or hits.covering("person_not", i):
            continue
        following = forms[i + 1] if i + 1 < n else ""
        previous = forms[i - 1] if i > 0 else ""
        if previous in NAMING and 2 <= len(form) <= 3 and (tag in PERSON_TAGS or _surname(hits, form) and tag in (
                "n", "nz")) and (i + 1 >= n or words.is_punct(i + 1) or forms[i + 1] in ("的", "同志")):
            out.append((i, form))  # 叫 文秀, 名叫 田丰收: a name given after 叫
        elif previous in NAMING and len(form) == 1 and _surname(hits, form) and 1 <= len(following) <= 2 \
                and not words.is_punct(i + 1) and (i + 2 >= n or words.is_punct(i + 2) or forms[i + 2] == "的"):
            out.append((i, form + following))  # 叫 田 丰收(v) 的: the name cut in two
        elif len(form) == 1 and _surname(hits, form) and following in ("某", "某某", "XX", "××"):
            out.append((i, form + following))  # 李 某某: a named person, anonymised
        elif len(form) == 1 and _surname(hits, form) and len(following) > 2 and following.endswith("家") \
                and following[:-1] in titles:
            out.append((i, form + following[:-1]))  # 张 奶奶家: the title glued to 家
        elif len(form) in (2, 3) and form[1:] in ("某", "某某") and _surname(hits, form):
            out.append((i, form))
        elif tag in ("nr", "nrfg", "nrt") and _surname(hits, form):
            if len(form) == 3 and form[-1] not in NOT_NAME_ENDS:
                out.append((i, form + (following if following in titles else "")))
            elif len(form) == 2 and (following in titles or ((previous.endswith(roles) or _job_word(words, i - 1) and form[-1] not in NOT_NAME_ENDS)
                                                              and (i + 1 >= n or tags[i + 1] not in ("n", "vn", "nz")))
                                     if roles else False):
                out.append((i, form + (following if following in titles else "")))
            elif len(form) == 2 and _listed_name(words, hits, i):
                out.append((i, form))  # 程立、吴芳两名同志
            elif len(form) == 1 and (_kin_title(following, titles) or (i + 1 < n and tags[i + 1] in ("nr", "nrfg")
                                                                        and len(following) <= 2)):
                out.append((i, form + following))
        elif len(form) == 1 and _surname(hits, form) and _kin_title(following, titles) and (
                tag not in ("v", "p", "d", "c") or previous.endswith(roles) and roles):
            out.append((i, form + following))  # 刘 教授, 周 大爷, 村民 谢(v) 老汉, 周 二嫂
        elif len(form) == 2 and tag in ("nr", "nrfg") and form[-1] in surnames \
                and following in titles and following not in ("同志", "书记"):
            out.append((i, form[-1] + following))  # 帮李 大娘: jieba glued the verb to the surname
        elif form in ("老", "小") and len(following) in (1, 2) and following[:1] in surnames \
                and not words.is_punct(i + 1) and form + following[:1] not in NOT_NICKNAMES:
            out.append((i, form + following[:1]))  # 老 刘在任时, 小 王谈: jieba glued the next word to the name
        elif len(form) == 2 and form[0] in "老小" and form[1] in surnames and tag in ("nr", "n", "nrfg", "t", "nz", "d") \
                and form not in NOT_NICKNAMES:
            out.append((i, form))  # 老张, 老李, 小许(d)
        elif len(form) == 2 and form[0] == "阿" and tag in PERSON_TAGS and form not in titles:
            out.append((i, form))  # 保洁员阿芳: a name called with 阿
        elif len(form) == 2 and form in hits.set("surnames") and i + 1 < n and tags[i + 1] in PERSON_TAGS \
                and 1 <= len(following) <= 2 and not words.is_punct(i + 1):
            out.append((i, form + following))  # 欧阳 志强: a compound surname and the given name
        elif len(form) == 3 and form[0] in "老小" and form[1] in surnames and tag in PERSON_TAGS \
                and form[:2] not in NOT_NICKNAMES:
            out.append((i, form[:2]))  # 老孟带(nr): jieba glued the next character to the nickname
        elif _placeholder(form) and (following in titles or previous.endswith(roles) and roles
                                     and not _counted(words, hits, i + 1)):
            out.append((i, form + (following if following in titles else "")))  # ××同志, 党员×× (not 党员XX人次)
        elif len(form) == 1 and following == form and previous.endswith(roles) and roles:
            end = i
            while end < n and forms[end] == form:
                end += 1
            if not _counted(words, hits, end):
                out.append((i, words.span_text(i, end)))  # 党员 × × ×: jieba cut the placeholder
        if (not out or out[-1][0] != i) and (found := _named_after_role(words, hits, i, roles, titles)):
            out.append((i, found))
    return out


def _person_candidates(words, surnames: frozenset[str]) -> list[int]:
    """The words that may name a person, in order: a person tag, or a form opening with a surname, a placeholder,
    老 or 小, or ending in a surname (about one word in twelve)."""
    openings = _name_openings(surnames)
    by_form = [i for i, form in enumerate(words.forms) if form[0] in openings or form[-1] in surnames]
    by_tag = [i for i, tag in enumerate(words.tags) if tag in PERSON_TAG_SET]
    return sorted(set(by_form).union(by_tag)) if by_tag else by_form


@lru_cache(maxsize=16)
def _name_openings(surnames: frozenset[str]) -> frozenset[str]:
    """What a word naming a person may open with: a surname, a placeholder, 老 or 小 (老刘, 小王)."""
    return surnames | PLACEHOLDER | {"老", "小"}


def _role_names(words, hits) -> list[tuple[int, str]]:
    """A three-character name after a role, read on characters where jieba cut it wrong (党员 周建 民办…:
    周建民; 网格 员何 永强: 何永强): the role starting a word, the surname starting a word or ending one, the name
    ending a word unless its first two characters are one person-tagged word; neither the surname and the next
    character (高度, 张贴, 安全) nor the given name (群众, 权证) one of jieba's common words."""
    regexes = _role_regex(hits.lexicon("person_roles"), hits.singles("surnames"))
    if regexes is None or not regexes[1].search(words.text):
        return []
    regex, out, text, at, starts = regexes[0], [], words.text, words.at, words.starts
    for match in regex.finditer(text):
        p = match.end(1) - 3
        if match.start() not in at:
            continue
        i = bisect_right(starts, p) - 1  # the word holding the surname
        if words.quote[i] or hits.covering("person_not", i):
            continue
        head = words.forms[i] if p in at else ""
        if p in at:
            if len(head) > 3 and not (len(head) == 4 and words.tags[i] in PERSON_TAGS and not _dictionary_tag(head)) \
                    or len(head) == 3 or len(head) < 3 and p + 3 not in at and words.tags[i] not in PERSON_TAGS:
                continue  # 常来常往, 高度重视: one word (邓秀兰逢 is a name glued to 逢); 党员 向 群众…
            if len(head) == 1 and words.tags[i] not in PERSON_TAGS and p + 1 in at \
                    and words.tags[at[p + 1]] not in PERSON_TAGS:
                continue  # 党员 于 今年: a preposition before a word not taken for a name
        elif starts[i + 1] != p + 1 or p + 3 not in at:
            continue  # 群众路线: the role and the next characters in one word
        name = text[p:p + 3]
        given = "" if len(head) == 1 and words.tags[i] in PERSON_TAGS else _dictionary_tag(name[1:])  # 吴(nr) 建军
        first = _dictionary_tag(name[:2])
        if first and not (first in PERSON_TAGS and head == name[:2] and len(words.forms[i + 1]) == 1
                          and words.tags[i + 1] in NAME_PIECE_TAGS) \
                or given and given not in PERSON_TAGS + ("ns", "nz") or _dictionary_tag(name):
            continue  # 张贴 宣传, 高度; not 黎明 辉, 罗文 斌 (a name's last character cut off)
        out.append((i, name))
    return out


def _counted(words, hits, k: int) -> bool:
    """Word k is a unit or a classifier: the placeholder before it stands for a figure (XX人次; not 家: 村民***家,
    one household)."""
    return k < len(words) and words.forms[k] != "家" and (
        words.tags[k] in ("q", "m", "mq") or words.forms[k] in hits.set("units"))


def _kin_title(form: str, titles) -> bool:
    """A title (教授, 大爷), or a kinship title after an ordinal (二嫂, 三叔)."""
    return form in titles or len(form) == 2 and form[0] in KIN_ORDINALS and form[1] in titles


def _job_word(words, k: int) -> bool:
    """Word k names someone's job (保洁员, 退伍兵, 技术能手): a noun of two or more characters ending in one."""
    return k >= 0 and len(words.forms[k]) >= 2 and words.tags[k] == "n" and words.forms[k].endswith(ROLE_ENDS)


def _listed_name(words, hits, i: int) -> bool:
    """A two-character name next to another in a list (程立、吴芳, 王磊和李娜)."""
    for k in (i - 2, i + 2):
        if 0 <= k < len(words) and words.forms[(i + k) // 2] in ("、", "和", "与") and words.tags[k] in PERSON_TAGS \
                and len(words.forms[k]) in (2, 3) and _surname(hits, words.forms[k]):
            return True
    return False


def _named_after_role(words, hits, i: int, roles: tuple, titles) -> str:
    """A name jieba cut or tagged wrong: 村民 刘桂香家 (the name glued to 家), 教师 孙 桂兰 同志, 会计 冯 长海,
    老支书 刘长 贵: a surname word after a role (`person_roles`) or before a title, of two or three characters
    with the next word when the surname stands alone."""
    forms, tags, n = words.forms, words.tags, len(words)
    form, tag = forms[i], tags[i]
    if not _surname(hits, form):
        return ""
    previous = forms[i - 1] if i > 0 else ""
    after_role = bool(previous) and bool(roles) and previous.endswith(roles) and not words.is_punct(i - 1)
    if tag[:1] in ("p", "v", "d", "c", "u", "r", "q", "m", "f") and tag != "nr":
        if len(form) == 1 and after_role and i + 1 < n and len(forms[i + 1]) == 2 and (
                tags[i + 1] in PERSON_TAGS or tags[i + 1] == "nz" or tag == "r" and tags[i + 1] == "n"):
            return form + forms[i + 1]  # 党员 何(r) 秀英(nr), 党员 谢(v) 宝山(nr), 党员 何(r) 建平(n): mistagged
        return ""
    if len(form) == 4 and form.endswith("家") and tag in ("nr", "nrfg", "nrt"):
        return form[:3]  # 刘桂香家: the name and 家 in one word
    if len(form) == 1 and i + 1 < n:
        name = forms[i + 1]
        if 1 <= len(name) <= 2 and (tags[i + 1] in NAME_PIECE_TAGS or len(name) == 2 and tags[i + 1] == "d"
                                    and tag == "nr") and not words.is_punct(i + 1) \
                and not words.quote[i + 1] and not hits.covering("place_name_not", i + 1):
            title_after = i + 2 < n and forms[i + 2] in titles
            if after_role or title_after:
                return form + name + (forms[i + 2] if title_after else "")
    elif len(form) in (2, 3) and after_role and (tag in ("nr", "nrfg", "nrt") or len(form) == 3 and tag in (
            "ns", "nz")) and form[-1] not in NOT_NAME_ENDS and (
            i + 1 >= n or forms[i + 1] in titles or tags[i + 1] not in ("n", "vn", "nz")):
        return form  # not 党员 张贴(nr) 宣传标语: a verb jieba took for a name, before its object
    return ""


def _name_word(words, hits, k: int) -> bool:
    """Word k can be (part of) a name: a noun, adjective or placeholder, not a category (示范, 老旧, 相关) nor
    one of jieba's false places."""
    form, tag = words.forms[k], words.tags[k]
    if words.quote[k] or words.title[k]:
        return False
    if _placeholder(form) or form in ("×", "*"):
        return True
    if words.is_punct(k) or tag not in NAME_TAGS:
        return False
    if tag == "m" and not (len(form) <= 2 and form[-1] in "一二三四五六七八九十"):
        return False
    if len(form) > 2 and (form[:2] in hits.set("stock_adverbs") or form[:3] in hits.set("stock_adverbs")):
        return False  # 全面推行 村党组织书记: a formula's verb, not a name
    return not hits.covering("place_name_not", k) and not hits.covering("ns_not", k)


def _places(words, hits) -> list[tuple[int, str]]:
    out = []
    forms, tags, n = words.forms, words.tags, len(words)
    suffix_chars, proper_chars = hits.set("place_suffix_chars"), hits.set("proper_suffix_chars")
    village_chars = hits.set("village_chars")
    suffixes, units, place_ends = hits.cover("place_suffixes"), hits.set("place_suffixes"), _place_ends(
        suffix_chars, proper_chars)
    candidates = sorted(suffixes.union(_place_words(words, hits, place_ends)))
    taken = -1
    proper = [i for i, tag in enumerate(tags) if tag in PROPER_TAGS]  # where _organisation_end may open one
    for i in proper:  # 红星 机械厂, 金穗 种植 专业 合作社: a proper name, trade words, an organisation word
        end = _organisation_end(words, hits, i)
        if end:
            out.append((i, words.span_text(i, end)))
            taken = end - 1
    glued = [i for i, form in enumerate(forms) if len(form) > 3 and form[:2] in units]
    for i in glued:  # 盛世 华庭 小区业主: jieba glued the place word to the next one
        form = forms[i]
        if i > taken and i >= 1 and i not in suffixes \
                and tags[i - 1] in PROPER_TAGS and len(forms[i - 1]) >= 2 and _name_word(words, hits, i - 1) \
                and not _category(hits, forms[i - 1]):
            start = i - 1 if not (i > 1 and tags[i - 2] in PROPER_TAGS and _name_word(words, hits, i - 2)) else i - 2
            out.append((start, words.span_text(start, i) + form[:2]))
    for i in candidates:
        if i <= taken or words.quote[i] or words.title[i]:
            continue
        form, tag = forms[i], tags[i]
        if i not in suffixes and len(form) == 2 and tag in PROPER_TAGS and i + 1 < n and len(forms[i + 1]) == 1 \
                and forms[i + 1] in proper_chars | suffix_chars and forms[i + 1] not in "区县口" \
                and not words.is_punct(i + 1) and not _category(hits, form):
            out.append((i, form + forms[i + 1]))  # 柏树(nr) 垭(zg): jieba cut a place name before its last character
            continue
        if i not in suffixes:
            # one word ending in a place character: 柳溪村, 河口镇, 杨家湾, 城关镇
            road = form[-1] in ROADS and tag in PROPER_TAGS | {"nt"}  # 文化路, 建设路: named roads
            stem = _road_stem(form)
            if stem and (not _road_name(hits, stem, proper=tag in PROPER_TAGS | {"nt"}) or _idiom_road(words, i)):
                continue  # 连心桥, 步行街, 水泥路: a kind of road or a metaphor
            if len(form) >= 3 and (form[-1] in suffix_chars or form[-1] in proper_chars and tag in PROPER_TAGS
                                   or road or stem and tag in ("n", "nz", "ns", "nr", "nt")) \
                    and _name_word(words, hits, i) and tag in ("ns", "nr", "nz", "n", "nt", "nrt", "l", "j") \
                    and (road or stem or not _category(hits, form[:-1])):
                out.append((i, form))
            elif _proper_unit(words, hits, i):
                out.append((i, form))  # 新华书店, 中国银行: a named unit in one word
            elif _travelled_to(words, hits, i):
                out.append((i, form))  # 到 延安, 赴 浙江: a named place travelled to
            elif len(form) == 2 and form[-1] in suffix_chars and tag in PROPER_TAGS and i > 0 \
                    and tags[i - 1] in PROPER_TAGS and len(forms[i - 1]) >= 2:
                out.append((i - 1, forms[i - 1] + form))  # 安吉 余村: a place in a place
            elif form[-1] == "家" and 2 <= len(form) <= 3 and _surname(hits, form) and i + 1 < n \
                    and forms[i + 1] in village_chars and not words.quote[i + 1]:
                out.append((i, form + forms[i + 1]))  # 杨家 岗, 沈家 浜: a village named after a family
            elif len(form) == 2 and tag == "ns" and i > 0 and not _category(hits, form) and (
                    (forms[i - 1] in DIRECTIONS and tags[i - 1] in ("f", "ns", "n"))
                    or (len(forms[i - 1]) == 1 and tags[i - 1] in ("a", "ns", "nr", "ng", "n")
                        and not hits.covering("place_name_not", i - 1))):
                out.append((i - 1, forms[i - 1] + form))  # 西 山镇, 白 沙河: jieba cut the name
            continue
        if tag[:1] in ("v", "d", "p", "c", "u") and not tag.startswith("vn") or tag == "f" and i > 1 \
                and forms[i - 2] in LOCATIVE and not (i + 1 < n and hits.covering("place_suffixes", i + 1)):
            continue  # 站 (to stand), 组 (to form), 在 楼道 里(f): not a place here (幸福 里 小区 is)
        start = i
        while start > 0 and i - start < 3 and _name_word(words, hits, start - 1):
            start -= 1
        road = forms[i] in ROAD_ENDS
        if road and start == i and i > 0 and len(forms[i - 1]) == 2 and tags[i - 1] in ("t", "v", "vn", "a") \
                and not words.quote[i - 1]:
            start = i - 1  # 青年(t) 桥, 跃进(v) 渠: jieba tagged the name as a word of another kind
        name = words.span_text(start, i)
        if road and not _road_name(hits, name, proper=tags[start] in ("t", "v", "vn", "a")):
            continue  # 机耕 路, 民心 路, 断头 路
        if len(name) < 2 or (i - start == 1 and words.tags[start] in ("m", "f", "zg")):
            continue
        if start > 0 and forms[start - 1].endswith("某"):
            continue  # 某大型央企项目部: a unit left unnamed
        end = hits.starting("place_suffixes", i)
        out.append((start, words.span_text(start, end)))
        taken = end - 1
    return out


def _place_words(words, hits, place_ends: frozenset[str]) -> list[int]:
    """The words of two or more characters that may be a place in one word: ending in a place character or a
    road word, or (tags tested first) a named unit or a place travelled to."""
    forms, tags = words.forms, words.tags
    by_end = [i for i, form in enumerate(forms) if len(form) >= 2 and (
        form[-1] in place_ends or form[-1] in ROAD_LAST and form.endswith(ROAD_ENDS))]
    by_tag = [i for i, tag in enumerate(tags) if tag in PLACE_WORD_TAGS and len(forms[i]) >= 2 and (
        tag in UNIT_TAGS and _proper_unit(words, hits, i) or tag == "ns" and _travelled_to(words, hits, i))]
    return by_end + by_tag


@lru_cache(maxsize=16)
def _place_ends(suffix_chars: frozenset[str], proper_chars: frozenset[str]) -> frozenset[str]:
    """What a one-word place name may end in: a place or proper-name character (柳溪村, 锦绣路), 家 (杨家)."""
    return suffix_chars | proper_chars | {"家"}


def _road_stem(form: str) -> str:
    """The name before a road, street, bridge, canal, pond, dam or square ending a word of three to five
    characters (解放街: 解放; 人民广场: 人民), "" if none."""
    if not 3 <= len(form) <= 5:
        return ""
    for end in ROAD_ENDS:
        if form.endswith(end) and len(form) - len(end) >= 2:
            return form[:-len(end)]
    return ""


def _idiom_road(words, i: int) -> bool:
    """A word of four characters ending in 路 / 桥 with a three-character stem, not a proper noun (工作思路,
    牵线搭桥): an idiom or a compound, no road."""
    form = words.forms[i]
    return len(form) == 4 and form[-1] in "路桥" and words.tags[i] not in PROPER_TAGS | {"nt"}


def _road_name(hits, stem: str, proper: bool) -> bool:
    """`stem` names one road (解放, 槐花, 青年), not a kind of road or a metaphor (`road_stems_not`: 水泥, 机耕,
    步行, 连心, 民心) nor (unless jieba took the whole for a proper noun: 文化路) a category."""
    return stem not in hits.set("road_stems_not") and stem[-2:] not in hits.set("road_stems_not") \
        and all("\u4e00" <= ch <= "\u9fff" for ch in stem) and (proper or not _category(hits, stem))


def _organisation_end(words, hits, i: int) -> int:
    """The end of a named organisation opening at word i: a proper noun (not a category) and up to two words
    before a word ending in an `organisation_words` phrase (红星 机械厂, 金穗 种植 专业 合作社); 0 if none."""
    form = words.forms[i]
    province = len(form) == 1 and words.tags[i] == "ns" and i + 1 < len(words) and words.tags[i + 1] == "n" \
        and len(words.forms[i + 1]) == 1  # 湘 钢 焦化厂: a province's one-character name
    if len(form) < 2 and not province or words.tags[i] not in PROPER_TAGS or words.quote[i] or words.title[i] \
            or hits.covering("person_not", i) or hits.covering("ns_not", i) or _category(hits, form):
        return 0
    ends = hits.lexicon("organisation_words")
    for j in range(i + 1, min(i + 4, len(words))):
        if words.is_punct(j) or words.tags[j][:1] not in ("n", "v", "l"):
            return 0
        if words.forms[j].endswith(ends):
            return j + 1
    return 0


def _proper_unit(words, hits, i: int) -> bool:
    """One proper-noun word (nt, nz) of a name and a unit word of two or more characters (新华书店, 中国银行); not a
    category (民办学校, 中心医院)."""
    form = words.forms[i]
    if len(form) < 4 or words.tags[i] not in UNIT_TAGS or words.quote[i] or words.title[i]:
        return False
    units, categories = hits.set("place_suffixes"), hits.set("place_name_not")
    return any(form[-cut:] in units and form[:-cut] not in categories and form[:2] not in categories
               for cut in (2, 3) if len(form) - cut >= 2)


def _travelled_to(words, hits, i: int) -> bool:
    """A two-character place name (jieba's ns) right after a verb of going (到 延安, 赴 浙江) or any other verb
    (考察 寿光, 派驻 喀什, 支援了 兰州)."""
    form = words.forms[i]
    verb = i - 2 if i > 1 and words.forms[i - 1] == "了" else i - 1  # 去了 广州
    return len(form) == 2 and words.tags[i] == "ns" and verb >= 0 and (
        words.forms[verb] in TRAVEL or words.tags[verb] == "v" and len(words.forms[verb]) == 2) \
        and form[-1] not in COMMON_PLACE_ENDS and _name_word(words, hits, i) and not _category(hits, form)


def _category(hits, name: str) -> bool:
    """A category, not a name (示范 村, 行政 村, 城中 村, 软弱涣散 村)."""
    categories = hits.set("place_name_not")
    return name in categories or name[:2] in categories and len(name) <= 3 or name in hits.set("ns_not")


def _named_unit(words, hits, first: int, close: int) -> bool:
    """A quoted name of a company, a shop or a machine: its words nouns (no verb, no role), and next to it a unit
    word (“甬美”服装厂, “鼎盛建工”项目部), a proper noun (“顺丰速运”华东区党委), or before it a word naming a
    firm (承包方“味佳源”: `firm_words`); a name ending in 号 before a noun (“先锋号”盾构机)."""
    n = len(words)
    if hits.covering("person_roles", first) or any(words.tags[k] in ("v", "d", "p", "r") for k in range(first, close)):
        return False
    following, inner = close + 1, words.span_text(first, close)
    after = words.forms[following] if following < n and not words.is_punct(following) else ""
    if after and (after.endswith(hits.lexicon("organisation_words") + ("项目部", "厂", "店"))
                  or hits.covering("place_suffixes", following) and len(after) >= 2
                  or words.tags[following] in ("ns", "nt")):
        return True
    if first > 1 and words.forms[first - 2].endswith(hits.lexicon("firm_words") or ("\0",)):
        return True
    return inner.endswith("号") and len(inner) >= 3 and bool(after) and words.tags[following].startswith("n")


def _activities(words, hits) -> list[tuple[int, str]]:
    out = []
    forms, n = words.forms, len(words)
    for first, close, kind, chars in words.quotes:
        if kind != "quote" or not 2 <= chars <= 12 or close - first < 1:
            continue
        inner = words.span_text(first, close)
        if _numbered_slogan(inner) or "我" in inner or "+" in inner or "＋" in inner:
            continue  # “党建+合作社”: a formula
        if hits.covering("person_roles", first) and any(words.tags[k] == "v" for k in range(first + 1, close)):
            continue  # “书记讲党课”, “党员亮身份”: who does what, a slogan
        if hits.covering("system_heads", close - 1) and close - 1 > first:
            continue  # “枫桥经验”: a method named, not a case
        following = close + 1
        if following < n and (hits.covering("system_heads", following)):
            continue
        proper = any((words.tags[k] in ("ns", "nz") and not hits.covering("ns_not", k))
                     or (words.tags[k] in ("nr", "nrfg") and len(words.forms[k]) == 3
                         and _surname(hits, words.forms[k])) for k in range(first, close))
        head_after = following < n and hits.covering("activity_heads", following)
        if not head_after and following + 1 < n and words.tags[following][:1] in ("n", "t", "a", "v") \
                and not words.is_punct(following) and hits.covering("activity_heads", following + 1) \
                and not hits.covering("system_heads", following + 1):
            head_after, following = True, following  # “夕阳红”老年课堂: the head after a modifier
        head_inside = any(b == close for _, b in hits.every("activity_heads")) or (
            close - 1 >= first and hits.covering("place_suffixes", close - 1) and chars >= 3) or (
            chars >= 3 and inner[-1] in BUILDING_ENDS and not hits.covering("person_roles", first))  # “乡村记忆馆”, “初心亭”
        verb = first - 3 if first > 2 and forms[first - 2] == "了" else first - 2
        created = verb >= 0 and hits.covering("creating_verbs", verb) and all("\u4e00" <= ch <= "\u9fff" for ch in inner) \
            and (following >= n or words.is_punct(following)) or first > 1 and hits.covering(
                "naming_words", first - 2)  # 推出了“红色周末”，; 题为“做合格党员”的党课
        if head_after and forms[following] == "活动" and all(words.tags[k].startswith("v")
                                                            for k in range(first, close)):
            continue  # “送法下乡”活动: a campaign told by its verbs
        named_unit = _named_unit(words, hits, first, close)
        if head_after or head_inside or proper or created or named_unit:
            phrase = forms[first - 1] + inner + forms[close]
            if head_after:
                end = hits.starting("activity_heads", following)
                if end == following:
                    end = hits.starting("activity_heads", following + 1)
                phrase += words.span_text(following, end)
            out.append((first - 1, phrase))
    return out
