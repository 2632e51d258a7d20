"""The sentence signals, read on words: data points, examples, first person, personal acts, blame, stock phrases.

Each text goes through checker.segment.segment as a one-paragraph report (checker.measure.signals.text_signals),
as the benchmark does. The tests under "known wrong counts" failed on the regex signals they replace; the last
ones hold each signal's precision and recall on its labelled test set (corpus/signals/, benchmarks/signals.py).
"""

import importlib.util
import re
from pathlib import Path

import pytest

from checker.measure.lexicons import Lexicons
from checker.measure.signals import text_signals
from checker.measure.words import Words
from checker.profile import load_profile
from checker.pipeline import Checker
from report_builder import ACHIEVEMENTS, HEAD, PLANS, PROBLEMS, TAIL, flag, judge, labeled, profile_with

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons(load_profile().lexicons)


def report(achievements=ACHIEVEMENTS, problems=PROBLEMS, plans=PLANS):
    return HEAD + list(achievements) + list(problems) + list(plans) + TAIL


# What the signals find

@pytest.mark.parametrize("text, expected", [
    ("全年召开支委会12次，补交党费2.3万元，签约率达到98.6%。", ["12次", "2.3万元", "98.6%"]),
    ("差错率由千分之三降到千分之零点八，发展党员两名，走访三十二户。", ["两名", "三十二户", "千分之三", "千分之零点八"]),
    ("增强“四个意识”，落实“三会一课”，坚定四个自信。", []),
    ("第三党小组全年开会，2018年5月启动，逐一谈心。", []),
    ("全年1.8万笔业务。", ["1.8万笔"]),
])
def test_quantities(lexicons, text, expected):
    assert sorted(text_signals(text, lexicons)["data"]) == sorted(expected)


@pytest.mark.parametrize("text, first_person", [
    ("我主持召开支委会。", ["我"]),
    ("本人抓党建精力不够。", ["本人"]),
    ("我们支部召开会议，我村党员参加。", []),
    ("开展批评与自我批评。", []),
    ("我所党支部与驻地社区开展了联建活动。", []),  # 我/所 党支部: the unit
    ("我处理了两起信访件。", ["我"]),  # 我/处理: not 我处
    ("入党积极分子经本人申请、支部推荐后列为发展对象。", []),
    ("作为村党支部书记，对这件事负有直接责任。", ["作为村党支部书记"]),
    ("自己抓党建的办法不多，习惯于开会发文件。", ["自己"]),
])
def test_first_person(lexicons, text, first_person):
    assert text_signals(text, lexicons)["first_person"] == first_person


@pytest.mark.parametrize("text, examples", [
    ("今年5月我带队到石板村学习。", ["5月", "石板村"]),
    ("我到各村检查，帮助贫困村和农村党员。", []),
    ("以《严以用权守好钱袋子》为题讲党课。", ["《严以用权守好钱袋子》"]),
    ("党员蒋志华同志牵头，老同志也参加。", ["蒋志华同志"]),
    ("每月一次，一月一主题。", []),
    ("协调县水务局，为柳溪村解决了三个自然组的饮水问题。", ["县水务局", "柳溪村"]),
    ("组织开展“红色周末”读书会，每月一期。", ["“红色周末”读书会"]),
    ("坚持“书记讲党课”制度，不断提高党课质量。", []),
    ("个别村班子战斗力不强。", []),  # 个别 + 村: a category, no village's name
    ("少数村党员老化严重。", []),
])
def test_examples(lexicons, text, examples):
    assert text_signals(text, lexicons)["examples"] == examples


def test_personal_acts_ignore_nouns_that_contain_them(lexicons):
    assert text_signals("我认识到党组织生活要严肃。", lexicons)["acts"] == []
    assert text_signals("我亲自组织党员学习。", lexicons)["acts"] == ["亲自", "组织"]


ACTS_OF_THE_SECRETARY = [
    ("我带头讲党课4次，其中一次讲的是《条例》中的党员义务。", True),
    ("组织部安排我参加了全省村党组织书记示范培训。", True),  # asked, then did it
    ("在我的提议下，支委会决定把党员活动日改到周末。", True),
    ("我将带头讲好党课，每季度不少于一次。", False),  # a plan
    ("我始终坚持把党建工作放在心上、扛在肩上。", False),  # an attitude
    ("我被县委评为优秀党务工作者。", False),
    ("那位有意见的老党员主动找我谈了两次心。", False),  # 我 only the object
    ("十年前我当村主任时，曾带头修过村里第一条水泥路。", False),  # not this year
]


def test_empty_words_prefer_the_longest_phrase(lexicons):
    found = text_signals("进一步提高政治站位，再上新台阶。", lexicons)["empty_words"]
    assert found == ["进一步提高", "政治站位", "再上新台阶"]


@pytest.mark.parametrize("text", [
    "有的党员提出的建议不切实际，支部会上没有采纳。",  # 不切实际 holds 切实
    "我们请美院的学生画了一幅村落实景图。",  # 村落|实景
    "3名支委参加强化培训后，都拿到了人民调解员证书。",  # 参加|强化
    "我们进一步核实了7户的收入情况，其中2户不符合低保条件。",  # plain verb, concrete content
    "《关于进一步加强村级组织建设的若干措施》印发后，镇里给每个村发了一本。",  # inside a title
])
def test_stock_phrases_are_whole_words_and_formulas(lexicons, text):
    assert text_signals(text, lexicons)["empty_words"] == []


@pytest.mark.parametrize("text, phrases", [
    ("党员教育管理有待加强。", ["有待加强"]),
    ("党员的宗旨意识有待进一步增强。", ["有待进一步增强"]),
    ("不断健全完善党员联系服务群众制度。", ["不断健全完善"]),  # adverb + verb
    ("工作中存在重部署、轻落实的现象。", ["重部署、轻落实的现象"]),
    ("压紧压实基层党建工作责任。", ["压紧压实"]),
])
def test_stock_phrases_include_productive_formulas(lexicons, text, phrases):
    assert text_signals(text, lexicons)["empty_words"] == phrases


@pytest.mark.parametrize("text, kind", [
    ("本人抓党建的精力投入不足，往往是上级催一催才动一动。", "self"),
    ("群众反映我下村次数少，坐在办公室听汇报多。", "self"),  # reported by others, the secretary's failing
    ("有的支委对我的批评不以为然，会后依然我行我素。", "others"),
    ("由于村里人手少、事务杂，党建工作有时顾不上。", "others"),  # circumstances
    ("我多次督促，但第三党小组仍有4名党员没有按时交纳党费。", "others"),
    ("全年共召开支委会14次、党员大会5次。", "none"),
    ("针对党员学习积极性不高的问题，支部推行了积分制管理。", "none"),  # a shortage addressed
])
def test_blame_says_whose_shortcoming(lexicons, text, kind):
    found = text_signals(text, lexicons)
    assert found["blame"] == kind
    assert bool(found["self_exam"]) is (kind == "self") and bool(found["others"]) is (kind == "others")


def test_phrases_match_on_word_boundaries_only():
    matcher = Lexicons({"towns": ["镇", "围绕镇"], "acts": ["组织"], "acts_not": ["组织生活"]}).words
    words = Words.from_forms(["紧紧围绕", "镇党委", "组织", "支部", "组织", "生活"], ["l", "nt", "v", "n", "v", "n"])
    hits = matcher.scan(words)
    assert hits.find("towns") == [] and hits.find("acts") == ["组织"]  # the second 组织 is 组织生活's


def test_the_word_matcher_is_compiled_once_per_profile():
    raw = load_profile().lexicons
    assert Lexicons(raw).words is Lexicons(dict(raw)).words


def test_no_regex_is_compiled_while_a_report_is_read(monkeypatch):
    checker = Checker()
    tagger = checker.nlp.get_pipe("shuzhi_signals")
    tagger(labeled(report()))  # warm: every lexicon compiled once
    doc = labeled(report(problems=[p.replace("本人", "我") for p in PROBLEMS]))
    compiled = []
    original = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile", lambda *a, **k: compiled.append(a[0]) or original(*a, **k))
    re.purge()  # only the signals' own compiled patterns may be reused, not re's cache
    tagger(doc)
    assert compiled == []


# Known wrong counts of the regex signals (each test failed on them)

MEMBERS_OWN = [
    "<P>二、存在的问题",
    "<P>一是个别党员把自己等同于普通职工，亮身份、作表率的意识淡薄。",
    "<P>二是党员自身要求不严，个别人把党费当成“会费”。",
    "<P>三是部分党员参加组织生活积极性不高，请假、代签现象时有发生。",
    "<P>四是有的党小组长责任心不强，通知活动只在微信群里发一句了事。",
]


def test_the_members_own_selves_are_not_the_secretary_s_problems(lexicons):
    for text in ("个别党员把自己等同于普通职工，亮身份、作表率的意识淡薄。", "党员自身要求不严，个别人把党费当成“会费”。"):
        found = text_signals(text, lexicons)
        assert found["first_person"] == [] and found["self_exam"] == [] and found["blame"] == "others"
    found = flag(report(problems=MEMBERS_OWN), "PROBLEMS_NOT_SELF")  # not one self sentence: the "none" message
    assert found is not None and "没有一句查摆书记本人或自身的问题" in found.message


def test_a_closing_formula_is_no_self_criticism(lexicons):
    found = text_signals("以上是我的述职，不妥之处请批评指正。", lexicons)
    assert found["first_person"] == [] and found["blame"] == "none" and found["acts"] == []
    problems = MEMBERS_OWN[:4] + ["<P>以上是我的述职，不妥之处请批评指正。"]
    message = flag(report(problems=problems), "PROBLEMS_NOT_SELF").message
    assert "4 句中有 3 句讲别人的不足" in message and "没有一句查摆书记本人或自身的问题" in message


def test_falling_short_of_a_superior_s_requirements_blames_no_superior(lexicons):
    found = text_signals("与上级要求相比，我村党建工作还有一定差距。", lexicons)
    assert found["others"] == [] and found["blame"] == "none"
    problems = ["<P>二、存在的问题", "<P>与上级要求相比，我村党建工作还有一定差距。",
                "<P>一是学习不够深入，对党内法规掌握不全面。", "<P>二是发展党员工作进展慢，三年没有发展新党员。"]
    assert flag(report(problems=problems), "PROBLEMS_NOT_SELF") is None


def test_a_quoted_slogan_and_dao_in_zuodao_are_no_first_person_acts(lexicons):
    found = text_signals("组织党员带头开展“我为群众办实事”实践活动。", lexicons)
    assert found["first_person"] == [] and found["acts"] == []
    assert text_signals("我做 到了逢会必讲党建、逢事必问党建。", lexicons)["acts"] == []  # 做到, not the act 到
    slogans = ["<A>一、履职情况", "<A>组织党员带头开展“我为群众办实事”实践活动。",
               "<A>深入开展“我是党员我先上”志愿服务，组织党员走访群众。"]
    told = [s._.signals for s in judge(report(achievements=slogans)).sents if s._.label == "achievement"]
    assert not any(signal["first_person"] and signal["acts"] for signal in told)  # NOT_SELF's personal acts


def test_word_pieces_are_no_cases_and_real_cases_count(lexicons):
    for text in ("紧紧围绕镇党委的中心工作，把党建与产业发展结合起来抓。", "积极投身乡村振兴主战场，引导党员带头发展特色产业。",
                 "组织支部委员集中学习党章党规。"):
        assert text_signals(text, lexicons)["examples"] == []
    slogans = ["<A>一、履职情况", "<A>紧紧围绕镇党委的中心工作，把党建与产业发展结合起来抓。",
               "<A>积极投身乡村振兴主战场，引导党员带头发展特色产业。", "<A>组织支部委员集中学习党章党规，不断提高党员素质。"]
    cases_only = profile_with(LACKS_EXAMPLES={"min_examples": 2, "enough_data_per_1000": 1000})
    found = flag(report(achievements=slogans), "LACKS_EXAMPLES", cases_only)
    assert found is not None and found.message.startswith("只找到 0 个具体事例")
    cases = ["<A>一、履职情况", "<A>我带领党员修通了到二组的800米机耕路，解决了群众秋收运粮难。",
             "<A>老党员王德明主动把自家院子腾出来作为议事点。"]
    assert flag(report(achievements=cases), "LACKS_EXAMPLES", cases_only) is None


# Missed on independently written texts (corpus/signals/*_more.jsonl, batches 3-5)

CASES_OF_OTHER_WRITERS = [
    ("我们在新华书店设立了党员学习角。", True),  # a named unit in one word
    ("民办学校党组织覆盖面还不够广。", False),  # a category in one word
    ("改造了文化路老旧管网3.6公里。", True),  # a road named with a category word
    ("文化广场建成后，每天晚上都有人跳舞。", False),
    ("我们推荐了程立、吴芳两名同志为入党积极分子。", True),  # two-character names in a list
    ("35岁的杨帆当选为村委会主任。", True),  # a person's age
    ("60岁以上的党员占了一半多。", False),
    ("有一次，一位独居老人半夜发病，值班党员及时把他送到了医院。", True),
    ("村民谢老汉的儿子在外地打工受伤，支部帮他联系了法律援助。", True),  # 谢 tagged a verb after a role
    ("班子成员分别到联系村讲党课。", False),  # 联系村 is a category
    ("3栋202室的独居老人突发疾病，楼栋长及时拨打了120。", True),
    ("当天晚上，支部就召开了紧急会议。", True),
    ("第二天的活动照常进行。", False),
    ("一名患尿毒症的困难党员，支部为他申请了临时救助8000元。", True),
    ("我们为留守儿童开办了“四点半课堂”，每天有20多个孩子来写作业。", True),  # a numeral, no numbered slogan
    ("开展“万人进千村”活动。", False),
    ("坚持“一线工作法”，推动问题在一线解决。", False),
    ("支部推出了“红色周末”，每月组织一次党员志愿服务。", True),  # a quoted name of what was set up
    ("成立了“党建+”，推动融合发展。", False),
    ("开设了“书记信箱”，全年收到群众来信37封。", True),
    ("组织党员到延安参观学习。", True),  # a place travelled to
    ("党员带头下到井口检查安全隐患。", False),  # 井口 (ns): a common place
    ("协调边境派出所加强了夜间巡逻。", False),  # a category of unit
    ("开展“安全生产无事故、无三违”主题活动。", False),  # a numbered slogan in a list
]


STOCK_MORE = [
    ("坚持问题导向、目标导向和结果导向。", True),
    ("对基层党建工作浅尝辄止、蜻蜓点水。", True),
    ("有时存在“等一等、看一看”的思想。", True),  # A一A、B一B
    ("支部起到了很好的示范引领作用。", True),
    ("我们借了镇中心小学的操场开运动会。", False),
    ("我和会计一起把近三年的票据逐张核对了一遍。", False),
]


ACTS_OF_OTHER_WRITERS = [
    ("先后多次主持召开党政班子会研究部署党建工作。", True),  # the omitted subject, implied by 主持
    ("我必须带头学习，带头落实。", False),  # an obligation; 我 is the subject the acts are read from
    ("我带头遵守各项纪律规定。", False),  # 带头 + an attitude
    ("我要求每名党员每月至少学习一次。", False),  # the members' act
    ("我为新入党的同志上了入党第一课。", True),  # 上(f) 了
    ("我利用晚上时间，挨家挨户把政策讲给群众听。", True),  # the adverb before the object of 把
    ("作为第一责任人，我把责任压实到每个支委。", False),
    ("对于群众反映的问题，我都及时协调解决。", False),  # 及时: an attitude
]


@pytest.mark.parametrize("text, acted", ACTS_OF_THE_SECRETARY + ACTS_OF_OTHER_WRITERS)
def test_personal_acts_are_what_the_secretary_did(lexicons, text, acted):
    assert bool(text_signals(text, lexicons)["acts"]) is acted


BLAME_SUPERIORS_MEMBERS = [
    ("镇党委对村里的指导多是开会部署，具体帮扶少。", "others"),  # a superior
    ("镇党委对我们的工作给予了大力支持。", "none"),
    ("社区在职党员报到后大多“报而不到”。", "others"),  # the unit's members, past a modifier
    ("社区工作经费不足，活动只能因陋就简。", "others"),  # a circumstance and its consequence
    ("支部组织党员开展了义务劳动，清理垃圾两车。", "none"),
    ("有些群众只讲个人利益，对公益事业不愿意出力。", "others"),  # 只讲: no reporting
    ("有的支委只挂名不干事。", "others"),
    ("个别支委把分管工作推给别人。", "others"),  # a few singled out: no marker needed
    ("个别党员在疫情期间不讲条件、不计报酬，主动参加卡口值守。", "none"),  # praised
    ("在发展党员问题上，我有“怕麻烦”的思想。", "self"),
    ("支部书记本人对党建工作重视不够。", "self"),  # the secretary named by role and 本人
    ("有党员当面批评我开会多、办实事少。", "self"),  # what is reported of the secretary
    ("镇党委在考核中指出我对支部建设抓得不紧。", "self"),
    ("群众对我的工作还不够满意，测评中有8票“基本称职”。", "self"),
    ("我在处理信访问题时有急躁情绪，曾与上访群众发生争执。", "self"),  # a time frame, not what was solved
    ("受资金限制，党员活动室一直没有改造。", "others"),
    ("有的党员行动不便，我们就上门为他们过组织生活。", "none"),  # the hardship was met
    ("党员年龄偏大，但大家参加活动的热情很高。", "none"),
    ("青年党员外流严重，支部活动主要靠几位老党员撑着。", "others"),  # 支部活动: no answer
    ("通过整改，党员参加活动不积极的现象明显改观。", "none"),
    ("村里的几个老党员总觉得自己资格老，开会时爱唱反调。", "others"),
    ("一些党员嘴上说支持，真到出工出力的时候就找借口。", "others"),  # 嘴上说: no reporting
]


# Rules learnt from the second tuning sets (corpus/signals/*_more.jsonl, batches 11-21)

CASES_SINGLED_OUT = [
    ("党员何秀英家的菜园成了示范园。", True),
    ("在“3·15”消费者权益日，党员志愿者开展了维权咨询。", True),
    ("为了保障G318国道抢通，党员们坚守了七天七夜。", True),
    ("每年的“七一”，支部都要组织重温入党誓词。", False),
    ("党员致富带头人郑大海带动群众种植了香菇。", True),
    ("镇中心小学党支部组织党员教师开展了送教下乡。", True),
    ("支部要求每个党小组至少有一名党员负责联系流动党员。", False),
    ("一户一策，精准帮扶。", False),
    ("村口的垃圾桶要及时清运。", False),
    ("在村部旁边的那块空地上，我们建起了小游园。", True),
    ("二支部的党员们把活动室粉刷了一遍。", True),
    ("邻居张奶奶家的孙子考上了大学。", True),
    ("汛期前，我们对杨家岗的山塘进行了加固。", True),
    ("15日晚上，我召集支委研究了值守安排。", True),
    ("每个自然村都有一名党员联络员。", False),
    ("我们村的山塘水库大多年久失修。", False),
    ("白沙洲上的渔民都签了禁渔承诺书。", True),
    ("与共建单位江南大学的学生党支部开展了联学。", True),
    ("初三年级组的党员教师利用周末为学困生补课。", True),
    ("骨科党支部与县残联合作，为残疾人安装了假肢。", True),
    ("公司二分厂的党员突击队完成了设备检修。", True),
    ("支部组织党员到遵义会议会址开展了现场教学。", True),
    ("村民晏小红的女儿被确诊为白血病。", True),
    ("红星机械厂的党员职工组成了突击队。", True),
    ("我们与金穗种植专业合作社签了收购协议。", True),
    ("村里的年轻人大多去了广州打工。", True),
    ("全面推行村党组织书记、村委会主任“一肩挑”。", False),
    ("通过“书记讲党课”，党员的理论水平有了提高。", False),
    ("我通报了原出纳违规报销的问题。", True),
    ("去年腊月，我们给困难户送去了年货。", True),
    ("在县里组织的“擂台比武”中，我作了交流发言。", True),
    ("有一名党员因酒后驾车受到了处分。", True),
    ("一户村民因宅基地纠纷与邻居吵了起来。", True),
    ("我在村口的老槐树下召开了党员会。", True),
    ("在题为“做合格党员”的党课上，我讲了身边的故事。", True),
    ("在脱贫攻坚收官那年，全村贫困户全部脱贫。", True),
    ("党员老周把自家的地让给村里修了路。", True),
    ("在今年的“三夏”大忙中，党员帮助缺劳力家庭抢收。", True),
    ("积极探索“党建+合作社”发展模式。", False),
    ("在市县两级组织部门的指导下，我们完成了换届。", False),
    ("一名党员就是一面旗帜。", False),
    ("党员干部马明亮带头拆了自家的猪圈。", True),
    ("我们在县城开了一家“乡味坊”特产店。", True),
    ("确保每一户困难群众都有党员联系。", False),
]


STOCK_METAPHORS_PADDED = [
    ("答好新时代基层党建的“赶考”答卷。", True),
    ("为党旗增辉，为党徽添彩。", True),
    ("思想观念跟不上形势发展的需要。", True),
    ("党的建设是各项事业发展的根本保证。", True),
    ("他家的收入来源还比较单一，主要靠种玉米。", False),
    ("党建工作的创新还不够。", True),
    ("工作能力与新时代党建工作的要求还不相适应。", True),
    ("坚持党要管党、从严治党的原则。", True),
    ("推动党建工作由“软任务”变为“硬指标”。", True),
    ("坚持把党的政治建设摆在医院工作的首位。", True),
    ("改进工作作风。", True),
    ("取得了一些新的进展。", True),
    ("把群众的满意度作为检验工作成效的标准。", True),
    ("对照新要求，我们的工作还有不适应的地方。", True),
    ("理论学习还停留在读文件的层面。", True),
    ("党员教育从“要我学”向“我要学”转变。", True),
    ("他主动提出把自家的鱼塘借给村里。", False),
    ("引导党员在急难险重任务中当先锋、作表率。", True),
    ("党建工作水平迈上了一个新的台阶。", True),
    ("对意识形态工作重视程度不够。", True),
    ("打通了三个组的灌溉线路。", False),
    ("真正做到学有所思、学有所悟。", True),
    ("党员群众心往一处想、劲往一处使。", True),
]


BLAME_BODIES_PRETEXTS = [
    ("我去年两次未经支委会研究，就批准了活动经费的开支。", 'self'),
    ("部分党员年纪虽大，但思想一点也不落后。", 'none'),
    ("这次暴雨没有造成人员伤亡。", 'none'),
    ("项目审批慢，村里的产业路工程拖了大半年。", 'others'),
    ("我整改落实不够彻底。", 'self'),
    ("这件事我处理得不好，伤了群众的心。", 'self'),
    ("作为党支部书记，对此我难辞其咎。", 'self'),
    ("村集体没钱，群众盼的文化广场一直建不起来。", 'others'),
    ("村民代表会议常常有一半的代表不到会。", 'others'),
    ("班子中有的同志思想保守，对发展新产业顾虑重重。", 'others'),
    ("镇党委对村支部书记的考核偏重于经济指标。", 'others'),
    ("年纪大的党员记性差，学过的内容很快就忘了。", 'others'),
    ("我忽视了对年轻党员的思想引导。", 'self'),
    ("我一度认为党建是软任务。", 'self'),
    ("少数党员年纪大、不会用智能手机，支部为他们印发了纸质学习资料。", 'none'),
    ("极个别党员无视党纪国法，煽动群众闹事。", 'others'),
    ("个别党员生病住院，支部委员轮流前去看望。", 'none'),
    ("企业生产任务重，但党员们的学习热情一点没有减。", 'none'),
    ("我到任以来，只给全校党员讲过一次党课。", 'self'),
    ("村集体没有收入来源，为民办事只能靠上级补助。", 'others'),
    ("我在疫情防控中对值守安排不周。", 'self'),
    ("村务监督委员会形同虚设，监督作用发挥不出来。", 'others'),
    ("镇纪委对村级小微权力的监督还存在盲区。", 'others'),
    ("村里的种植大户对带动群众缺乏积极性。", 'others'),
    ("我常常以事务忙为由，请别人代我参加组织生活。", 'self'),
    ("由于措施得力，今年全村没有发生一起安全事故。", 'none'),
    ("受台风影响，我们组织党员连夜转移了群众。", 'none'),
    ("有的群众看不懂政策，党员志愿者就上门讲解。", 'none'),
    ("个别党员生活困难，支部每年都组织走访慰问。", 'none'),
    ("个别老党员不顾年老体弱，坚持每天到卡点值守。", 'none'),
    ("我村现有党员52名，其中外出务工党员18名。", 'none'),
    ("后备干部队伍薄弱，年轻的村干部只有1人。", 'others'),
    ("社区“两委”干部身兼数职，抓党建的时间被大量挤占。", 'others'),
    ("医院党员医生大多忙于业务，支部活动经常缺席。", 'others'),
    ("部分村民对人居环境整治不配合，房前屋后乱堆乱放。", 'others'),
    ("我对支部的工作计划制定得比较粗。", 'self'),
    ("前几任班子对集体资产管理混乱，留下了糊涂账。", 'others'),
    ("个别党员家庭困难，支部为他们申请了临时救助。", 'none'),
    ("一些支部的“三会一课”记录不全。", 'others'),
    ("个别村民小组长带头阻挠征地，造成了很坏的影响。", 'others'),
    ("我批评人时态度生硬，有的同志接受不了。", 'self'),
]


CASES_NAMES_ROADS_PLACES = [
    ("我们帮助党员周建民办起了竹编加工厂。", True),  # 周建 民办: the name read on characters
    ("退居二线的老支书陈时信第一个发言。", True),  # 陈时(ng) 信
    ("村民邓秀兰逢人就说，门口的路修好了。", True),  # 邓秀兰逢: a name glued to the next character
    ("党员高度重视学习，群众路线教育扎实开展。", False),  # 高度, 路线: jieba's words, no names
    ("党员向群众宣讲政策。", False),
    ("我们给群众林权证换发工作开了绿灯。", False),  # 林权证 (nr): no name ends in 证
    ("解放街老粮站改成了党群服务站。", True),  # a street tagged a plain noun
    ("青年桥桥面破损多年，今年终于翻修。", True),  # 青年(t) 桥
    ("村里的机耕路、产业路基本实现了全覆盖。", False),  # kinds of road
    ("打通联系服务群众的“最后一公里”，铺好民心路。", False),  # a metaphor
    ("公司党委派驻喀什的三名党员技术员全部评上了先进。", True),  # a place after any verb
    ("县供电公司党支部帮我们把老旧线路全换了。", True),
    ("电力检修分公司党支部在抢修中设立了党员责任区。", True),  # a named branch's party branch
    ("公司所属各分公司党委认真落实。", False),
    ("张姓村民因为宅基地的事上访了三次。", True),
]


# Cases as three fresh writers (villages, organs and SOEs, communities and non-public units) tell them: one
# incident, a firm or a machine in quotes, names jieba cuts or mistags; and what is none (a routine, a cut-off
# date, a person singled out without a name, a unit left unnamed, a quoted method or campaign).
CASES_INCIDENTS_FIRMS_NAMES = [
    ("去年镇纪委查出一起虚报冒领补贴的案子，涉事村干部被免职。", True),  # 一起 after a verb + an event noun
    ("我接手后先处理了那起宅基地纠纷。", True),  # 那起 … 纠纷
    ("大家一起调解邻里纠纷，化解了不少矛盾。", False),  # 一起: together
    ("村口垃圾站选址一事，我们开了三次群众会。", True),  # a described event before 一事
    ("坚持一事一议，把群众的事办好。", False),
    ("春节前后，支部都要走访慰问困难党员。", False),  # a habitual sentence: its date is no case
    ("截至今年9月底，全村有党员52名。", False),  # a cut-off date
    ("我们和“佳禾”食品厂签了帮扶协议。", True),  # a quoted firm before a unit word
    ("供应商“绿源”送来的菜不新鲜，被我们约谈了。", True),  # after a firm word
    ("“复兴号”动车组上的党员乘务员开展了志愿服务。", True),  # a quoted name ending in 号 before a noun
    ("学习推广“浦江经验”，矛盾不出村。", False),  # a quoted method
    ("开展“送医下乡”活动，发放资料500份。", False),  # a campaign told by its verbs
    ("新修的“连心亭”成了村民歇脚的地方。", True),  # a quoted building
    ("修路时占了周二嫂家的自留地，我上门赔了不是。", True),  # a kinship title after an ordinal
    ("他带的徒弟叫文静，今年考上了技师。", True),  # a name after 叫
    ("保洁员阿珍捡到钱包后交给了社区。", True),  # 阿 + a given name
    ("在对小许进行考察时，支部发现了他的问题。", True),  # 小 + surname mistagged
    ("村民***家的房子漏雨，我们帮他翻修了屋顶。", True),  # a placeholder name before 家
    ("有个组长工作不得力，我们及时做了调整。", False),  # a person singled out without a name
    ("一名老党员临终前交了最后一次党费。", False),
    ("在某大型国企调研时，我们学到了好做法。", False),  # 某: a unit left unnamed
    ("有的在楼道里堆柴火，有的在屋里杀鸡。", False),  # 在 … 里: a locative, no place
    ("研究所党委主动牵线搭桥，与高校开展合作。", False),  # an idiom ending in 桥
    ("我们在阳光社工服务中心为老人办了生日会。", True),  # a proper name before an organisation word
    ("社区与共建单位区检察院开展了普法宣传。", True),  # a pattern retried at a word start
    ("第三届邻里文化节上，居民表演了二十多个节目。", True),  # a numbered edition
    ("财务系统上线那一周，机关党员每天加班。", True),  # a demonstrative on one time
]


@pytest.mark.parametrize("text, found", CASES_OF_OTHER_WRITERS + CASES_SINGLED_OUT + CASES_NAMES_ROADS_PLACES
                         + CASES_INCIDENTS_FIRMS_NAMES)
def test_cases_in_other_writers_forms(lexicons, text, found):
    assert bool(text_signals(text, lexicons)["examples"]) is found


STOCK_PARALLEL_MEASURE = [
    ("谋划工作多、抓落实少，安排部署多、跟踪问效少。", True),
    ("平时号召多,示范少;布置多,检查少.", True),
    ("党建工作存在说得多、做得少的问题。", True),
    ("今年雨水多、日照少，村里的葡萄减产了。", False),  # no verb on either side
    ("那段时间订单多、工人少，车间党员连续加班。", False),  # a counted noun
    ("群众满意不满意，就是检验我们工作成效的标尺。", True),
    ("技术员拿着标尺把每块地重新量了一遍。", False),
    ("政治理论学习的系统性、连贯性不强。", True),
    ("这批货重的在下面、轻的在上面，党员突击队搬了一夜。", False),  # not 重X轻Y
    ("做到学习有计划、活动有载体、工作有成效。", True),
    ("村东头有水塘、村西有果园、村南有学校，村部在正中间。", False),
]


STOCK_FIGURES_LITERAL = [  # a figure of speech told in its literal sense is no stock phrase
    ("院子里那棵梨树今年终于开花结果了。", False),  # about no work
    ("村口新砌了五级新台阶，雨天老人不再滑倒。", False),  # a count
    ("两位老党员在活动室下了一盘棋。", False),  # about the work, but counted
    ("推动全村党建工作迈上新台阶。", True),
    ("各项工作齐头并进。", True),
    ("打通“最后一公里”。", True),  # quoted: the figure
    ("上面千条线、下面一根针，村里的事情再多也要办好。", True),  # the figure's own numerals count nothing
    ("池塘边的蜻蜓点水而过，再接再厉的孩子们还在钓鱼。", True),  # another stock phrase in the sentence
    ("水渠的高度不够，村里又把渠沿砌高了一截。", False),  # 不够 after the noun 高度: no adverb + verb
    ("水池的深度不够，又往下挖了半米。", False),  # a measure told literally
]


STOCK_FRAMES_CLAUSES = [  # parallels in one frame; 存在…的现象; a case keeps weak formulas out of its clause only
    ("党员的腰杆挺直了、心气提起来了、干劲鼓足了。", True),  # 了 closes each member
    ("社区的服务从无到有、从有到优。", True),  # 从…到…
    ("支部书记队伍能力还不强、视野还不宽。", True),  # 还不
    ("网格员队伍有时存在能躲就躲的现象。", True),  # 存在…的现象
    ("早上开支委会、晚上去入户，周末还要值班。", False),  # a day told: time words
    ("修了两条路、建了一座桥，村民出行方便多了。", False),  # counted
    ("今年雨水多、日照少，村里的葡萄减产了。", False),
    ("党员学习时紧时松。", True),  # ABAC on 时
    ("在幸福里社区调研时，居民反映的停车问题，我们认真研究解决。", True),  # the case is in another clause
    ("我们认真研究了幸福里社区的停车问题。", False),  # the case is in the weak formula's clause
]


@pytest.mark.parametrize("text, found", STOCK_MORE + STOCK_METAPHORS_PADDED + STOCK_PARALLEL_MEASURE
                         + STOCK_FIGURES_LITERAL + STOCK_FRAMES_CLAUSES)
def test_stock_phrases_in_other_writers_forms(lexicons, text, found):
    assert bool(text_signals(text, lexicons)["empty_words"]) is found


BLAME_METAPHORS_FORCES = [
    ("村里宗族势力大，换届时拉票的苗头一直压不住。", "others"),
    ("前任班子留下了四十多万元的债务，新班子一上来就背着包袱。", "others"),
    ("物业对业主反映的问题能拖就拖。", "others"),
    ("上级要的材料一个接一个，支委们一半精力都花在了填表上。", "others"),
    ("针对宗族矛盾突出的问题，支部请来了县里的调解专家。", "none"),  # addressed
    ("不少包村干部当起了“走读干部”。", "others"),  # a quoted metaphor after 当起了
    ("新来的大学生村官成了“打字员”。", "others"),
    ("党员志愿者成了“红管家”。", "none"),  # a metaphor of praise
    ("有的支委成了“传声筒”，上面说什么就传什么，自己不动脑子。", "others"),  # 自己: the 支委's
]


BLAME_NAMES_MISDEEDS_ADMISSIONS = [  # round 9: names by their form, misdeeds told plainly, bodies jieba cut
    # apart, others' own words, failings owned or accepted; questions, concessions and turned hardships
    ("村会计老吴把低保户的名单报错了。", "others"),  # a name by its form (老 + surname), misconduct word
    ("妇联主任小何把换届的选票弄丢了一张。", "others"),  # 小 + surname
    ("镇财政所把村里的办公经费拖着不拨。", "others"),  # a body cut apart (财政 所)
    ("施工方把沟渠的水泥标号降了一级，偷工减料。", "others"),  # 方: a party
    ("两新组织的负责人对发展党员不热心。", "others"),  # 组织 after a noun names a body, it governs nothing
    ("隔壁社区那边的党支部答应联建，到现在也没来过人。", "others"),  # another unit's branch
    ("物业经理说：“这是你们社区的事，我不管。”", "others"),  # their own words; 不管 ending a clause
    ("协会的账目到现在也说不清楚。", "others"),  # X不XX
    ("班子成员之间互相推，遇事没人拍板。", "others"),  # 班子成员: the others in the team
    ("本人对新党章学得不深不透。", "self"),  # 不 + 深不透 stays stated
    ("这是我准备得不够。", "self"),  # 准备得: the act judged, no plan
    ("那笔扶贫资金的用途是我拍的板，后来审计说用得不合规。", "self"),  # owning a decision
    ("组织部反馈的意见是“联系群众不够”，我完全接受。", "self"),  # a criticism accepted
    ("衡量党员合不合格，要看群众满不满意。", "none"),  # A-not-A questions
    ("有人说支部书记不好当，我说再难也要干好。", "none"),  # 再…也: a concession
    ("受台风影响，党员大会改在晚上开，来的人反而更多了。", "none"),  # 反而: the hardship turned
    ("村里人手紧、任务重，全体党员主动请缨、分片包干。", "none"),  # others rising to it
    ("我没有想到，第一次开院坝会就来了一百多人。", "none"),  # surprise, not a failing
    ("有的楼栋长把社区发的防疫物资先拿回了自己家。", "others"),  # 把 + a verb done: what others did with it
    ("网格员把政策送到了每家每户。", "none"),  # a delivery
    ("驻村工作队把产业路修通了。", "none"),  # a result reached
    ("物业公司的项目经理半年换了四个。", "others"),  # turnover
    ("一些“口袋党员”组织关系一直揣在兜里不转。", "others"),  # a kind of people named in quotes
    ("距离“全国文明单位”的创建标准，还差三项指标。", "none"),  # a title in quotes names nobody
    ("网约车司机党员一年到头难得回来一次。", "others"),  # 难得…一次: rarity
    ("有个别业主带头拒交物业费。", "others"),  # 拒交: a refusal
    ("我急于出成绩，有些做法求快不求实。", "self"),  # 求快 不 求实 is no A-not-A question; 有些做法 no actor
    ("巡察反馈“书记履职不到位”，我对照检查，问题确实在我。", "self"),
]


BLAME_LATE_FEW_COUNTED = [  # round 10: done late, a meagre count, wrong acts told without a failing word
    ("县里下发的考核办法到11月才印发。", "others"),  # time + 才 + a verb: done late
    ("有两个党小组的学习笔记，催了三遍才交。", "others"),  # an event + 才; a counted group
    ("区里组织的书记培训一年只开一次，每次半天。", "others"),  # 只 + a verb + a count: a meagre number
    ("支部今年还没开展过谈心谈话。", "none"),  # the unit itself: nobody's fault
    ("两名入党积极分子的培养联系人，一年里没找他们谈过话。", "others"),  # 的 培养 联系人: 培养 no preposition
    ("分公司的两名党员擅自把会议记录改了日期。", "others"),  # 擅自: a wrong act
    ("施工队的几名队员上班时间泡病假。", "others"),  # a wrong act named by its word
    ("经过三个月的努力，我们才把活动室建好。", "none"),  # 才 after effort, no others, no failing owned
]


@pytest.mark.parametrize("text, kind", BLAME_SUPERIORS_MEMBERS + BLAME_BODIES_PRETEXTS + BLAME_METAPHORS_FORCES
                         + BLAME_NAMES_MISDEEDS_ADMISSIONS + BLAME_LATE_FEW_COUNTED)
def test_blame_in_other_writers_forms(lexicons, text, kind):
    assert text_signals(text, lexicons)["blame"] == kind


# Precision and recall on the labelled test sets (benchmarks/signals.py)

FLOOR = 0.90  # the target of issue #16 for every signal


@pytest.fixture(scope="module")
def scores():
    spec = importlib.util.spec_from_file_location("signals_benchmark", ROOT / "benchmarks" / "signals.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: by_split["test"] for name, by_split in module.rows(module.evaluate()[0])}


@pytest.mark.parametrize("name", ["examples", "first_person", "personal_act", "stock_phrase", "blame:others",
                                  "blame:self"])
def test_precision_and_recall_on_the_test_sets(scores, name):
    assert scores[name]["precision"] >= FLOOR
    assert scores[name]["recall"] >= FLOOR
