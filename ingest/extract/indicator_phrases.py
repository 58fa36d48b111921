"""Metric names for indicator figures: trimming the phrase that names a figure.

Only generic report vocabulary lives here (time words, hedges, verbs of
reporting); names of places or companies never do.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.indicator_periods import HEDGES, YEAR

# Verbs that open a counted metric (新增…, 签约…) and carry over to the
# following items of an enumeration (签约A项目1个，B项目2个).
_VERBS = (
    "新签约注册", "新签约", "签约", "签订", "新开工", "开工建设", "开工", "竣工投产", "竣工", "投产", "新增",
    "新建", "新竣工", "新投产", "新认定", "认定", "获批", "入选", "入围", "获评", "创成", "新引进", "引进", "招引",
    "新引育", "引育", "成功申报", "申报", "关停", "拆除", "减排", "安置", "打掉", "侦破", "抓获", "建成", "调处",
    "化解", "开展", "设置", "排查", "下发", "立案查处", "立案", "查处", "选派", "公开遴选", "遴选", "调整", "受理",
    "收到", "出让", "腾退", "实施", "打造", "新培育", "培育", "组建", "推进", "盘活", "落地", "在建", "新落户",
    "落户", "举办", "承办", "帮助", "新培养", "培养", "入库", "兴办", "提交", "获得", "进入", "投运", "完成",
    "实现", "新开", "招商", "拥有", "集聚", "引育",
)
_VERB_RE = re.compile("^(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) + ")")
TIME_RE = re.compile(
    rf"^(?:(?:到|至){YEAR}年(?:底|末)?|{YEAR}(?:年度|年)?|今年|全年|上半年|下半年|当年|目前|截至目前|截至|前三季度|第?[一二三四]季度"
    r"|\d{1,2}[-—~至到]\d{1,2}月|\d{1,2}月份?(?![\d日])|十[三四五]五期间|期间|年内|年底前?|以来|去年|过去一年|上年)"
)
# Deictic and hedging words (本次, 共有, 已有) open a phrase but name nothing.
LEAD_RE = re.compile(
    rf"^(?:共有|已有|还有|另有|尚有|合计|共计|总计|其中包括|包括|其中|同时|此外|另外|另(?![有外一])|以及|并且|并|和|及|与|还|又|再|均|则|、|{HEDGES}|努力|全力|预计|计划(?!总投资)|将|要|已|的"
    r"|参加|参与|当天|当日|尤其是|特别是|通过(?=大力|积极|全力|持续|深入|加快|实施|推进|引进|招引)"
    r"|本次|此次|本批|为(?:企业|群众)(?=[\u4e00-\u9fff]{2})"
    r"|大力|积极|加快|持续|着力|扎实|深入|继续|进一步|全面|重点(?!(?:建设|推进|产业|工业|招商|储备)?项目)|共|对|在现有|现有|充分发挥|发挥|用好用足|用好"
    r"|(?:区|园)内|内(?=已有|共有|现有|拥有)|光(?![电伏学子谷纤])|仅|紧扣|围绕|聚焦|保持|兴办|以[^,，;；]{1,10}?(?:标准|方式|模式))"
)
_GENERIC_SUBJECT = (
    "全区|该区|我区|本区|全市|开发区|高新区|园区|经开区|合作区|示范区|新区|片区|科学城|自贸区|综保区|保税区"
    "|该(?:开发区|高新区|园区|经开区|合作区|示范区|新区|片区|综保区|保税区|投资区)"
)
_GENERIC_SUBJECT_RE = re.compile(rf"^(?:{_GENERIC_SUBJECT})")
# Two-character words every zone name may hold; they do not identify a zone's short form.
_GENERIC_BIGRAMS = frozenset(
    "经济 济技 技术 术开 开发 发区 高新 新技 术产 产业 业开 工业 业园 园区 科技 新区 经开 开区 国家 家级 省级".split()
)
_TRAIL_RE = re.compile(
    r"(?:达到|高达|达|为|突破|超过|超|共计|合计|总计|(?<=[项目业个])共有?|(?<=[项目业构])已?有|(?<=项目)中|累计达|(?<=[\u4e00-\u9fff]{2})累计|不少于|不低于|不超过|逾|分别|(?<!平)均|的|至|到|约为|(?<!签|制|节|预)约|接近|将近|近|以上|就|、|,"
    r"|(?:实现)?(?:倍增|翻番|翻一番)|在内|其中|首次|再次|率先|有望|保持|稳居|位居|位列|列|居|(?<=[\u4e00-\u9fff]{2})(?:完成|实现)"
    r"|(?<=[\u4e00-\u9fff]{2})已经?|新台币|台币|人民币|美元|港币|港元)$"
)
# 开工的项目 → 开工项目: the 的 between an act and the class it qualifies.
_CLASS_OF_RE = re.compile(r"(?<=[\u4e00-\u9fff])的(?=项目|企业)")
# 在上年基础上, 较2024年同期 (…成长8%): the base a change is measured from names no part of the figure.
_BASELINE_RE = re.compile(rf"在[^,，;；]{{0,12}}?基础上|(?:较|比)(?:{YEAR}年|上年|去年|上一年)?同期")
# 本报讯(记者…), 株洲日报讯(全媒体记者/…): the byline of a news lead.
_NEWS_SOURCE_RE = re.compile(r"^[^,，。;；()]{0,12}讯(?:\([^)]*\))?")
_ALIAS_NOTE_RE = re.compile(r"\((?:简称|以下简称)[^)]*\)")
# 完成投资 after a count of projects is their spending (实施重点项目126个，完成投资486亿元), kept whole to link.
_COMPLETION_RE = re.compile(r"^(?:完成|实现|达到)(?!投资$)")
# A class of projects named by size (20亿元项目, 5亿元及3000万美元以上项目): part of a metric.
_DESCRIPTOR_RE = re.compile(
    r"(?:(?:超|近|约)?(?:\d+(?:\.\d+)?)?[十百千]?[亿万]+(?:元|美元)?(?:及|和|、|或)?)+(?:以上|级)?(?:重特大|重大|产业)?项目"
)
# After 等 a list of names ends; a class noun before a verb goes with it (…等企业申报 → 申报).
_PLACE_QUALIFIER_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:自创区|示范区|开发区|高新区|省|市)(?=[\u4e00-\u9fff]{2})")
_LIST_END_RE = re.compile(r"(?<![一二三四五六七八九特同])等(?!奖|级|次)")
# 开展大赛、交流会等活动: a list of kinds of activity is the metric itself, not names to drop.
_GENERIC_HEAD_RE = re.compile(r"活动|工作|赛事|会议|措施")
# A counted group and what it received (村(社区)获评…, 社区全部实行…).
_HOLDER_RE = re.compile(
    r"^(?P<head>[^\d,，、]{1,10}?)(?:全部|均|分别|已|都)?(?P<act>(?:获评|入围|入选|实行|获批|荣获|被评为|列入).+)$"
)
# 工程机械产业实现产值: the industry's figure, named without the reporting verb.
_INNER_VERB_RE = re.compile(r"(?<=[产行企]业)(?:实现|完成)(?=[\u4e00-\u9fff]{2})")
_TOPICLEAD_RE = re.compile(r"^(?:持续|深入|全力|加快|扎实|大力|积极)*(?:推进|突出|开展|抓好|做好|加强|实施)?")
_TOPIC_TRAIL_RE = re.compile(r"(?:工作)?(?:稳步推进|有序推进|顺利推进|扎实推进)?$")
_CLASS_NOUN_RE = re.compile(r"^(?:企业|项目|单位|板块|领域|产业|地块)")
_HEDGE_RE = re.compile(HEDGES)
QUOTE_RE = re.compile(r"[“”\"「」『』《》\s]")
_AFTER_TRAIL_RE = re.compile(
    r"(?:的基础上|作用|任务|工作|等|的|以及|和|及|、|以上|左右|其中|(?<=[目业])中|(?:和|及|、)?(?:总投资|计划总投资|投资总额|总投资额)"
    # 5个台资项目备受瞩目: a comment on the class, not part of its name
    r"|(?<=[目业])(?:格外)?(?:备受瞩目|备受关注|引人注目|引人瞩目|成为亮点|表现亮眼|表现抢眼))$"
)
# 64家企业被认定为瞪羚企业: a count named by the title the companies received.
_NAMED_AS_RE = re.compile(r"^(?:企业|单位)被?(?P<verb>认定|评)为?(?P<title>[\u4e00-\u9fff]{2,16}(?:企业|单位))$")
# A published list of an honour (第五批…企业名单, 公布的…名单).
_HONOUR_LIST_RE = re.compile(
    r"(?:(?:公布的?|发布的?|公示的?)?第[^批,，;；]{1,3}批|(?:公布的?|发布的?|公示的?)(?:\d{4}年度?)?)"
    r"(?P<name>[^,，;；、的]{2,20}?)名单"
)
def leading_verb(metric: str) -> str:
    """The reporting verb a metric opens with, or ``""``.

    >>> leading_verb("新认定高新技术企业")
    '新认定'
    """
    match = _VERB_RE.match(metric)
    return match.group(0) if match else ""


def strip_repeatedly(text: str, *patterns: re.Pattern[str]) -> str:
    changed = True
    while changed and text:
        changed = False
        for pattern in patterns:
            stripped = pattern.sub("", text, count=1)
            if stripped != text:
                text, changed = stripped, True
    return text


def clean_metric(segment: str, *, money: bool, zone: str = "") -> str:
    """The metric named by the phrase before a figure (``zone``: the name the sentence may open with).

    >>> clean_metric("开发区完成地区生产总值", money=True)
    '地区生产总值'
    >>> clean_metric("2021年签约东辰科技20亿元项目", money=False)
    '签约20亿元项目'
    >>> clean_metric("林佩华博士等人才创业类项目", money=False)
    '人才创业类项目'
    >>> clean_metric("远帆机械)、省级专精特新中小企业", money=False)
    '省级专精特新中小企业'
    """
    text = _BASELINE_RE.sub("", QUOTE_RE.sub("", segment))
    text = _NEWS_SOURCE_RE.sub("", _ALIAS_NOTE_RE.sub("", text))
    # A bracket opened by the figure before and closed here (…2家(A、B)、C企业5家) is no part of the metric.
    text = re.sub(r"^[、,]?\([^)]*\)|^[^()]*\)[、,]?|\([^)]*\d[^)]*\)$", "", text)
    text = _INNER_VERB_RE.sub("", strip_repeatedly(text, TIME_RE, LEAD_RE, _subject_pattern(zone)), count=1)
    if money:
        text = _COMPLETION_RE.sub("", text)
    verb = leading_verb(text)
    rest = text[len(verb) :]
    if verb in ("完成", "实现") and leading_verb(rest):
        verb, rest = "", rest
    rest = _drop_names(rest)
    rest = without_zone_name(rest, zone)
    return _strip_trailing(tidy_metric(_HEDGE_RE.sub("", _CLASS_OF_RE.sub("", verb + rest))))


def tidy_metric(metric: str) -> str:
    """Clause residue a metric name never keeps: an aspect particle (集聚了…企业), an adverbial 地 left by a
    cut (…地拜访企业), and what a class of projects covers (签约项目涵盖新能源… → 签约项目).

    >>> tidy_metric("集聚了医疗器械企业"), tidy_metric("签约项目涵盖新能源"), tidy_metric("地区生产总值")
    ('集聚医疗器械企业', '签约项目', '地区生产总值')
    >>> tidy_metric("入区厂商(包含"), tidy_metric("扩厂)"), tidy_metric("人才(团队)落地")
    ('入区厂商', '扩厂', '人才(团队)落地')
    """
    metric = _RESIDUE_RE.sub("", metric.replace("了", ""))
    metric = _OPEN_NOTE_RE.sub("", metric)  # 入区厂商(包含 / 扩厂): a bracket the clause cut
    metric = metric if "(" in metric else metric.replace(")", "")
    return _COVERS_RE.sub("", metric)


def clause_fragment(metric: str) -> bool:
    """Whether a "metric" is an act rather than a measured quantity: visits (拜访企业), a vague
    number of indicators (多项关键指标).

    >>> clause_fragment("拜访对接上下游企业"), clause_fragment("多项关键指标"), clause_fragment("新签约项目")
    (True, True, False)
    >>> clause_fragment("吸引厂商到场了解投资环境"), clause_fragment("参与现场集中签约项目")
    (True, False)
    """
    return bool(_ACT_METRIC_RE.search(metric))


_OPEN_NOTE_RE = re.compile(r"\([^)]*$")
_RESIDUE_RE = re.compile(r"^地(?=[\u4e00-\u9fff]{2})(?!区|方|块|市|产|下|铁|理|标|质|热|址|域)")
_COVERS_RE = re.compile(r"(?<=[项目企业])(?:涵盖|涉及|包括|覆盖)(?!领域|行业|产业$)[\u4e00-\u9fff、]*$")
# …and who came to an event (200家厂商到场, 27个项目业主代表参加活动): an attendance, not a figure of the zone.
_ACT_METRIC_RE = re.compile(
    r"拜访|走访|慰问|看望|接待|放弃|^(?:多项|多个|多家|各项|部分)"
    r"|(?:厂商|客商|企业|嘉宾|代表|人员)(?:[\u4e00-\u9fff]{0,4}?)(?:参加|出席|到场|参会)")


def _drop_names(rest: str) -> str:
    """Drop the examples a metric lists before 等 or before a size class of projects."""
    lists = list(_LIST_END_RE.finditer(rest))
    if lists and not _GENERIC_HEAD_RE.fullmatch(_strip_trailing(rest[lists[-1].end() :])):
        rest = rest[lists[-1].end() :]
        noun = _CLASS_NOUN_RE.match(rest)
        if noun and leading_verb(rest[noun.end() :]):
            rest = rest[noun.end() :]
    descriptor = _DESCRIPTOR_RE.search(rest)
    if descriptor and descriptor.start() > 0:
        rest = rest[descriptor.start() :]
    return rest


def names_dropped(segment: str) -> bool:
    """Whether the phrase listed names (A、B等…, A 20亿元项目) that the metric leaves out."""
    descriptor = _DESCRIPTOR_RE.search(segment)
    listed = bool(_LIST_END_RE.search(segment)) or "、" in segment.lstrip("、")
    return listed or bool(descriptor and descriptor.start() > 2)


@lru_cache(maxsize=64)
def _subject_pattern(zone: str) -> re.Pattern[str]:
    """Generic zone words, plus names sharing two characters of ``zone``'s own part (its short forms:
    青松港开发区 for 上海青松港新兴技术开发区), with a bracketed note (蓝湾区) after them."""
    heads = sorted({zone[i : i + 2] for i in range(len(zone) - 1)} - _GENERIC_BIGRAMS)
    if not heads:
        return _GENERIC_SUBJECT_RE
    names = "|".join(map(re.escape, heads))
    endings = "开发区|高新区|园区|经开区|保税区|综保区|投资区|合作区|示范区|新区|片区|科学城"
    return re.compile(rf"^(?:(?:国家级|省级)?(?:{names})[\u4e00-\u9fff]{{0,8}}?(?:{endings})(?:\([^)]*\))?(?=.)"
                      rf"|{_GENERIC_SUBJECT}|\([^)]*\))")


def without_zone_name(text: str, zone: str) -> str:
    """``text`` without the zone's full name (and a bracketed note after it) wherever it stands.

    >>> without_zone_name("集中落户青松经济开发区(北湖商务区)项目", "青松经济开发区")
    '集中落户项目'
    """
    return re.sub(rf"{re.escape(zone)}(?:\([^)]*\))?", "", text) if len(zone) >= 4 else text


def without_zone(text: str, zone: str) -> str:
    """``text`` without the zone's name (or a short form of it) at its start: 青松高新区企业 → 企业."""
    return _subject_pattern(zone).sub("", text, count=1) if zone else text


def _strip_trailing(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _TRAIL_RE.sub("", text)
    return text


# 33个工业实体完成入驻: a class of firms and the act that brought them (named act first).
# 21个项目必将为…, 18个项目均已开工: a class of the count and a predicate opened by a modal or adverb.
_CLASS_PREDICATE_RE = re.compile(
    r"^(?P<noun>[\u4e00-\u9fff]{0,8}?(?:项目|企业))(?:必将|将|均|都|也|还|正在|即将)(?:于|在)?(?P<act>.*)$")
_ACT_LENGTH = 6
_CEREMONY_RE = re.compile(
    r"^(?P<noun>[\u4e00-\u9fff]{0,8}?项目)[^,，;；]{0,6}?举行了?(?P<act>开工|动工|签约|奠基|竣工|投产)(?:仪式|活动)$")
_CLASS_ACT_RE = re.compile(
    r"^(?P<noun>[\u4e00-\u9fff]{0,6}?(?:企业|项目|实体|机构|单位))(?:完成|实现|成功)?"
    r"(?P<act>(?:正式|顺利)?(?:入驻|落户|签约|开工|投产|竣工|注册|落地))$"
)


def number_first_metric(metric: str, after: str, previous: str = "") -> str:
    """The metric when the number comes first: the words before it plus the noun phrase after the unit.

    A bare verb with nothing after it borrows the head noun of ``previous``
    (在建项目51个，竣工投产34个 → 竣工投产项目).

    >>> number_first_metric("新建", "“两新”党组织")
    '新建两新党组织'
    >>> number_first_metric("", "项目正式投产")
    '正式投产项目'
    >>> number_first_metric("竣工投产", "", "在建亿元以上项目")
    '竣工投产项目'
    """
    text = QUOTE_RE.sub("", after)
    text = re.sub(r"^\([^)]*\)", "", text)
    text = _strip_trailing_after(text).replace("的", "")
    ceremony = _CEREMONY_RE.match(text)
    if ceremony:
        text = ceremony.group("act") + ceremony.group("noun")  # 3个项目同日举行奠基仪式 → 奠基项目
    said = _CLASS_PREDICATE_RE.match(text)
    if said:
        # what is said of the counted class (必将为…, 均已开工) is no part of its name; a short act names it
        act = said.group("act")
        text = said.group("noun") if metric or len(act) > _ACT_LENGTH else act + said.group("noun")
    if not text and previous:
        return metric + (previous[-2:] if leading_verb(previous) else previous)
    if metric in ("完成", "实现") and _CLASS_ACT_RE.match(text):
        metric = ""  # 完成甲、乙等30家企业入驻: the act after the class names it
    if not metric:
        text = _verb_first(text)
    if "、" in metric:
        # 引进甲、乙2家企业 → 引进企业; 包括甲、乙4家未来工厂 → 未来工厂: the names are no part of it
        metric = leading_verb(metric)
        text = text if metric else _verb_first(text)
    return metric + text


def _verb_first(text: str) -> str:
    """项目正式投产 → 正式投产项目, 企业被认定为瞪羚企业 → 认定瞪羚企业: the act names a bare class.

    >>> _verb_first("企业被认定为瞪羚企业"), _verb_first("市级重大项目全部开工")
    ('认定瞪羚企业', '市级重大项目全部开工')
    """
    named = _NAMED_AS_RE.match(text)
    if named:
        return named.group("verb") + named.group("title")
    acted = _CLASS_ACT_RE.match(text)
    if acted:  # 工业实体完成入驻 → 入驻工业实体
        return acted.group("act") + acted.group("noun")
    if text[:2] in ("项目", "企业") and len(text) > 3:
        # 企业入选…小巨人企业: the title already names the class
        return text[2:] if text.endswith(text[:2]) else text[2:] + text[:2]
    return _recognised_holders(text)


def listed_honour(text: str) -> str:
    """The honour a published list names (公布第五批专精特新“小巨人”企业名单 → 专精特新小巨人企业), or ``""``.

    >>> listed_honour("工业和信息化部公布第五批专精特新“小巨人”企业名单，A、B等32家企业入选")
    '专精特新小巨人企业'
    """
    match = _HONOUR_LIST_RE.search(QUOTE_RE.sub("", text))
    return match.group("name") if match else ""


def _recognised_holders(text: str) -> str:
    """12个社区全部实行大党委制 → 实行大党委制的社区: who received a recognition, named by it.

    >>> _recognised_holders("村(社区)获评市星级党组织")
    '获评市星级党组织的村(社区)'
    """
    match = _HOLDER_RE.match(text)
    return f"{match.group('act')}的{match.group('head')}" if match else text


def _strip_trailing_after(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _AFTER_TRAIL_RE.sub("", text)
    return text


def carried_prefix(metric: str) -> str:
    """What the next item of an enumeration inherits: the verb, with a place qualifier if any.

    >>> carried_prefix("获批苏南国家自创区潜在独角兽企业")
    '获批苏南国家自创区'
    >>> carried_prefix("新开工重特大工业项目")
    '新开工'
    """
    verb = leading_verb(metric)
    if not verb:
        return ""
    qualifier = _PLACE_QUALIFIER_RE.match(metric[len(verb) :])
    return verb + qualifier.group(0) if qualifier else verb


# 59,275人创历年新高: a comment that the figure is a record, no noun of it.
_RECORD_RE = re.compile(r"^再?(?:创|刷新)[^,，;；。]{0,4}?(?:新高|纪录|记录|最高)")


def after_noun(after: str) -> str:
    """The noun phrase after a figure's unit, without quotes, a note in brackets or 以上/的.

    >>> after_noun("以上")
    ''
    >>> after_noun("“两新”党组织")
    '两新党组织'
    """
    text = re.sub(r"^\([^)]*\)", "", QUOTE_RE.sub("", after))
    return _strip_trailing_after(_RECORD_RE.sub("", text))


# 以甲、乙等为龙头的智能制造产业集群 / 生物医药产业方面: a clause naming the industry the next ones report on.
_SECTOR_RE = re.compile(
    r"(?:^|的|在)(?P<sector>[\u4e00-\u9fff]{2,10}?(?:产业集群|产业链|产业|集群))(?:方面|领域|板块)?$"
)


def clause_sector(clause: str) -> str:
    """The industry a clause without figures names as the subject of the clauses after it, or ``""``.

    >>> clause_sector("以甲、乙等为龙头的智能制造产业集群"), clause_sector("生物医药产业方面")
    ('智能制造产业集群', '生物医药产业')
    >>> clause_sector("产业加速成长")
    ''

    """
    if any(ch.isdigit() for ch in clause):
        return ""
    match = _SECTOR_RE.search(QUOTE_RE.sub("", clause))
    return match.group("sector") if match else ""


def clause_topic(clause: str) -> str:
    """A short lead-in clause without figures (突出净地回收) names what the next clause counts.

    >>> clause_topic("拆迁工作稳步推进")
    '拆迁'
    >>> clause_topic("持续推进空间再造")
    '空间再造'
    >>> clause_topic("全面开展矛盾排查化解")
    ''
    """
    if clause in ("每年", "年均"):
        return clause
    clause = strip_repeatedly(QUOTE_RE.sub("", clause), TIME_RE)
    if any(ch.isdigit() for ch in clause):
        return ""
    text = _TOPIC_TRAIL_RE.sub("", _TOPICLEAD_RE.sub("", clause))
    return text if 2 <= len(text) <= 4 and text != clause else ""

