"""Metric names for indicator figures: trimming the phrase that names a figure.

Only generic report vocabulary lives here (time words, hedges, verbs of
reporting); names of places or companies never do.
"""

from __future__ import annotations

import re

from ingest.extract.asset_text import alternation, load_lexicon
from ingest.extract.indicator_periods import HEDGES, YEAR
from kg.model import EntityType

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
_TIME_RE = re.compile(
    rf"^(?:(?:到|至){YEAR}年(?:底|末)?|{YEAR}(?:年度|年)?|今年|全年|上半年|下半年|当年|目前|截至目前|截至|前三季度|第?[一二三四]季度"
    r"|\d{1,2}[-—~至到]\d{1,2}月|十[三四五]五期间|期间|年内|年底前?|以来)"
)
# Deictic and hedging words (本次, 共有, 已有) open a phrase but name nothing.
_LEAD_RE = re.compile(
    rf"^(?:共有|已有|其中|同时|此外|另外|以及|并且|并|和|及|与|还|又|再|均|则|、|{HEDGES}|努力|全力|预计|计划(?!总投资)|将|要|已|的"
    r"|参加|参与|当天|当日"
    r"|本次|此次|本批|为(?:企业|群众)(?=[\u4e00-\u9fff]{2})"
    r"|大力|积极|加快|持续|着力|扎实|深入|继续|进一步|全面|重点(?!(?:建设|推进|产业|工业|招商|储备)?项目)|共|对|在现有|现有|充分发挥|发挥|用好用足|用好"
    r"|光(?![电伏学子谷纤])|仅|紧扣|围绕|聚焦|保持|兴办|以[^,，;；]{1,10}?(?:标准|方式|模式))"
)
_GENERIC_SUBJECT = (
    "全区|该区|我区|本区|全市|开发区|高新区|园区|经开区|合作区|示范区|新区|片区|科学城|自贸区|综保区|保税区"
)
_GENERIC_SUBJECT_RE = re.compile(rf"^(?:{_GENERIC_SUBJECT})")
# Two-character words every zone name may hold; they do not identify a zone's short form.
_GENERIC_BIGRAMS = frozenset(
    "经济 济技 技术 术开 开发 发区 高新 新技 术产 产业 业开 工业 业园 园区 科技 新区 经开 开区 国家 家级 省级".split()
)
_TRAIL_RE = re.compile(
    r"(?:达到|达|为|突破|超过|超|共计|合计|总计|(?<=[项目业个])共|(?<=项目)中|累计达|(?<=[\u4e00-\u9fff]{2})累计|不少于|不低于|不超过|逾|分别|均|的|至|到|约为|(?<!签|制|节|预)约|近|以上|就|、|,"
    r"|(?:实现)?(?:倍增|翻番|翻一番)|在内|其中|首次|再次|率先|有望|保持|稳居|位居|位列|列|居|(?<=[\u4e00-\u9fff]{2})(?:完成|实现))$"
)
# 开工的项目 → 开工项目: the 的 between an act and the class it qualifies.
_CLASS_OF_RE = re.compile(r"(?<=[\u4e00-\u9fff])的(?=项目|企业)")
_BASELINE_RE = re.compile(r"在[^,，;；]{0,12}?基础上")
# 本报讯(记者…), 株洲日报讯(全媒体记者/…): the byline of a news lead.
_NEWS_SOURCE_RE = re.compile(r"^[^,，。;；()]{0,12}讯(?:\([^)]*\))?")
_ALIAS_NOTE_RE = re.compile(r"\((?:简称|以下简称)[^)]*\)")
# 完成投资 after a count of projects is their spending (实施重点项目126个，完成投资486亿元), kept whole to link.
_COMPLETION_RE = re.compile(r"^(?:完成|实现|达到)(?!投资$)")
# A class of projects named by size (20亿元项目, 5亿元及3000万美元以上项目): part of a metric.
_DESCRIPTOR_RE = re.compile(
    r"(?:(?:超|近|约)?(?:\d+(?:\.\d+)?)?[十百千]?[亿万]+(?:元|美元)?(?:及|和|、)?)+(?:以上|级)?(?:重特大|重大|产业)?项目"
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
_ONE_BODY_SENTENCE_RE = re.compile(
    r"^(?:该|这家|此|这个|这一)(?:公司|企业|集团|项目)"
    # 新型材料产业园项目主要建设…, 智造基地项目分三期实施: a sentence describing one named project.
    r"|^(?!(?:重点|重大|集中|签约|开工|新|在建|续建|亿元|全部|其中|此次|本次))[^,，。、\d]{2,30}?项目"
    r"(?:主要建设|建设内容|分[一二三四两]期|占地|总占地|规划用地|建成后|达产后|投产后|总投资|计划总投资|年产|预计年|建成投产后)"
    # 青松机器人有限公司今年营收…: a sentence whose subject is one company
    r"|^[^,，。、\d]{2,20}?(?:有限公司|股份公司|集团公司|有限责任公司)(?![、和与及])"
)
_ONE_BODY_METRIC_RE = re.compile(
    r"^(?:项目)?(?:总投资|注册资本|计划总投资)|^项目(?:将|拟|计划|建成|投产)|建成后|达产后|投产后|建设后|达产|满产"
    r"|占地|建筑面积|^(?:一期|二期|三期|首期|一、二期)|^(?:新增)?年产(?!值)|^年加工|^拟投资|^我们"
    # a visit to one company (走进…, 察看…), a threshold of a policy (上年度营业收入在…), page furniture (>>)
    r"|^(?:走进|察看|考察|调研|参观|来到|走访)|上年度|近[一二两三]年|[<>«»|]"
    # a count of zones (有国家级经济开发区27家): the zones of a region, not a figure of one zone
    r"|(?:开发区|高新区|经开区|园区)$"
    # the investment of a named investor (甲公司将和乙公司共同投资, 某某团队投资) or a list of names (包括…)
    r"|(?<![资产业务际成议同计划总])(?:共同|追加|计划|拟|将)?投资$|包括"
)
_OPENING_PUNCTUATION_RE = re.compile(r"^[,，、:：\s]")
# A figure of the city, province or country the zone is in (全市本次共签约项目86个), not of the zone.
_REGION_SUBJECT_RE = re.compile(r"^(?:全市|全省|全国|全县|我市|我省|本市|本省|该市|市委|市政府|省委|省政府)(?!平均)")
_STOCK_RE = re.compile(r"^(?:保有量|总量|总数|存量|累计$)")
# 总数达到1420家 after 新增高新技术企业186家 restates the noun itself: 高新技术企业.
_BARE_STOCK = ("总数", "累计")
# 工程机械产业实现产值: the industry's figure, named without the reporting verb.
_INNER_VERB_RE = re.compile(r"(?<=[产行企]业)(?:实现|完成)(?=[\u4e00-\u9fff]{2})")
_TOPIC_LEAD_RE = re.compile(r"^(?:持续|深入|全力|加快|扎实|大力|积极)*(?:推进|突出|开展|抓好|做好|加强|实施)?")
_TOPIC_TRAIL_RE = re.compile(r"(?:工作)?(?:稳步推进|有序推进|顺利推进|扎实推进)?$")
_CLASS_NOUN_RE = re.compile(r"^(?:企业|项目|单位|板块|领域|产业|地块)")
_HEDGE_RE = re.compile(HEDGES)
_LINK_RE = re.compile(
    r"^(?:(?:[两三五十]年)?(?:平均|年均)增长|增长|增幅|增速|同比|较|比上年|比去年|总投资|计划总投资|协议总投资|合同引资|协议引资|完成投资|合同总金额|合同金额"
    r"|投资总额|总投资额|投资额|投资$|总金额$"
    r"|协议金额|环比|其中|年均增|占全|占比)"
)
_ABOVE_AVERAGE_RE = re.compile(
    r"^(?P<dir>高于|低于|快于|慢于)(?P<scope>全市|全省|全国)?(?P<avg>平均)?(?:增幅|增速|水平)?$"
)
# 总量和增速两项指标都将位列…: words between the qualifiers and the rank that name nothing.
_RANK_NOISE_RE = re.compile(r"(?:[两三四]项)?指标|[都均]将|[都均]$|(?:持续|连续)?\d+个?(?:月|年)")
_RATE_OF_GROWTH_RE = re.compile(r"增幅|增速|(?:[两三五十]年)?(?:平均|年均)增长")
_GROWTH_TAIL_RE = re.compile(r"(?:同比|比上年|较上年)?增长$")
_RANK_QUALIFIER_RE = re.compile(r"^(?:(?:增幅|总量|增速|规模|占比)(?:和|、|及)?)*$")
_ZONE_WORD = "(?:开发园区|开发区|园区|高新区|经开区)"
_MANY_ZONES_RE = re.compile(rf"^[,，]?(?:全国|全省|全市|各类|各级|省级以上|国家级)(?:各类)?{_ZONE_WORD}")
# A sentence opening with another zone's name (青阳园区累计签约…); not 省级以上高新区, 编制园区规划.
_ZONE_OPENING_RE = re.compile(rf"(?![在对为各编规建全我本该])[\u4e00-\u9fff]{{2,6}}?(?<![级上各]){_ZONE_WORD}")
# A verb inside an opening "zone name" (印发西安高新区…) shows it is the object of an act, not the subject.
_ACT_IN_NAME_RE = re.compile(r"印发|出台|发布|制定|实施|落实|召开|举行|启动|推出|修订|审议|通过|会议|会上")
_QUOTE_RE = re.compile(r"[“”\"「」『』《》\s]")
# 高科技园区, 工业园区: a kind of park, not a zone's name.
_GENERIC_ZONE_NAME_RE = re.compile(
    r"^(?:高科技|高新技术|科技|工业|产业|创业|物流|化工|经济|生态|现代|综合|特色)+(?:园区|开发区)$"
)
_AFTER_TRAIL_RE = re.compile(
    r"(?:的基础上|作用|任务|工作|等|的|以及|和|及|、|以上|左右|其中|(?<=[目业])中|(?:和|及|、)?(?:总投资|计划总投资|投资总额|总投资额))$"
)
# 在全国169家国家高新区综合评价中: the frame of a ranking around the name of the ranking.
_RANK_FRAME_RE = re.compile(r"^在(?:全国|全省|全市)?(?:\d+家)?|中$")
# 64家企业被认定为瞪羚企业: a count named by the title the companies received.
_NAMED_AS_RE = re.compile(r"^(?:企业|单位)被?(?P<verb>认定|评)为?(?P<title>[\u4e00-\u9fff]{2,16}(?:企业|单位))$")
# A published list of an honour (第五批…企业名单, 公布的…名单).
_HONOUR_LIST_RE = re.compile(
    r"(?:(?:公布的?|发布的?|公示的?)?第[^批,，;；]{1,3}批|(?:公布的?|发布的?|公示的?)(?:\d{4}年度?)?)"
    r"(?P<name>[^,，;；、的]{2,20}?)名单"
)
_RESPECTIVE_ACT_RE = re.compile(r"比上年增长|同比增长|增长|下降|提高|增加|减少")
_BARE_TOTAL_RE = re.compile(r"总投资|投资总额|投资金额|总投资额|签约金额|签约总额|合同金额|签约资金")
_HELD_EVENT_RE = re.compile(r"(?:举行|举办)(?:了)?(?P<phrase>[^,，。;；]{2,30}?)(?:仪式|活动)[,，]?$")
_RATE_LEAD_RE = re.compile(r"^(?:以上|以下|左右)?[、,，]?")
_BARE_RATE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}率$|占比$")
_SHARED_GROWTH_RE = re.compile(r"^(?P<names>[^,，;；]+?)(?:均|都|分别)?(?P<act>同比增长|增长|提高|下降|增速)$")
# The heads an economic quantity ends with (税收, 总产值, 进出口…), as opposed to a class of firms.
_QUANTITY_HEAD_RE = re.compile(f"(?:{alternation(load_lexicon('metric_heads'))})$")
_REGION_SHARE_RE = re.compile(r"^(?:拥有|集聚|聚集)?(?:占)?(?P<scope>全市|全省|全国|全区)$")
_REGION_SHARE_TAIL_RE = re.compile(r"占(?P<scope>全市|全省|全国|全区)比重$")
_SHARE_RE = re.compile(r"占(?:全市|全省|全区|全国)$")


def leading_verb(metric: str) -> str:
    """The reporting verb a metric opens with, or ``""``.

    >>> leading_verb("新认定高新技术企业")
    '新认定'
    """
    match = _VERB_RE.match(metric)
    return match.group(0) if match else ""


def _strip_repeatedly(text: str, *patterns: re.Pattern[str]) -> str:
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
    """
    text = _BASELINE_RE.sub("", _QUOTE_RE.sub("", segment))
    text = _NEWS_SOURCE_RE.sub("", _ALIAS_NOTE_RE.sub("", text))
    text = re.sub(r"^[、,]?\([^)]*\)", "", text)
    text = _INNER_VERB_RE.sub("", _strip_repeatedly(text, _TIME_RE, _LEAD_RE, _subject_pattern(zone)), count=1)
    if money:
        text = _COMPLETION_RE.sub("", text)
    verb = leading_verb(text)
    rest = text[len(verb) :]
    if verb in ("完成", "实现") and leading_verb(rest):
        verb, rest = "", rest
    rest = _drop_names(rest)
    rest = without_zone_name(rest, zone)
    return _strip_trailing(_HEDGE_RE.sub("", _CLASS_OF_RE.sub("", verb + rest)))


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


def _subject_pattern(zone: str) -> re.Pattern[str]:
    """Generic zone words, plus names sharing two characters of ``zone``'s own part (its short forms:
    漕河泾开发区 for 上海漕河泾新兴技术开发区), with a bracketed note (头屯河区) after them."""
    heads = sorted({zone[i : i + 2] for i in range(len(zone) - 1)} - _GENERIC_BIGRAMS)
    if not heads:
        return _GENERIC_SUBJECT_RE
    names = "|".join(map(re.escape, heads))
    endings = "开发区|高新区|园区|经开区|保税区|综保区|投资区|合作区|示范区|新区|片区|科学城"
    return re.compile(rf"^(?:(?:国家级|省级)?(?:{names})[\u4e00-\u9fff]{{0,8}}?(?:{endings})(?:\([^)]*\))?(?=.)"
                      rf"|{_GENERIC_SUBJECT}|\([^)]*\))")


def without_zone_name(text: str, zone: str) -> str:
    """``text`` without the zone's full name (and a bracketed note after it) wherever it stands.

    >>> without_zone_name("集中落户青松经济开发区(国际商务区)项目", "青松经济开发区")
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
    text = _QUOTE_RE.sub("", after)
    text = re.sub(r"^\([^)]*\)", "", text)
    text = _strip_trailing_after(text).replace("的", "")
    if not text and previous:
        return metric + (previous[-2:] if leading_verb(previous) else previous)
    if not metric:
        text = _verb_first(text)
    if "、" in metric and leading_verb(metric):
        metric = leading_verb(metric)
    return metric + text


def _verb_first(text: str) -> str:
    """项目正式投产 → 正式投产项目, 企业被认定为瞪羚企业 → 认定瞪羚企业: the act names a bare class.

    >>> _verb_first("企业被认定为瞪羚企业"), _verb_first("市级重大项目全部开工")
    ('认定瞪羚企业', '市级重大项目全部开工')
    """
    named = _NAMED_AS_RE.match(text)
    if named:
        return named.group("verb") + named.group("title")
    if text[:2] in ("项目", "企业") and len(text) > 3:
        return text[2:] + text[:2]
    return _recognised_holders(text)


def listed_honour(text: str) -> str:
    """The honour a published list names (公布第五批专精特新“小巨人”企业名单 → 专精特新小巨人企业), or ``""``.

    >>> listed_honour("工业和信息化部公布第五批专精特新“小巨人”企业名单，A、B等32家企业入选")
    '专精特新小巨人企业'
    """
    match = _HONOUR_LIST_RE.search(_QUOTE_RE.sub("", text))
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


def rate_metric(metric: str, base: str) -> str:
    """履约率 after 引进重点项目40个: a bare rate names the quantity before it (引进重点项目履约率), or ``""``.

    >>> rate_metric("以上、履约率", "引进重点项目"), rate_metric("研发投入占比", "营业收入")
    ('引进重点项目履约率', '')
    """
    bare = _RATE_LEAD_RE.sub("", metric)
    if not base or _BARE_RATE_RE.search(base) or not _BARE_RATE_RE.fullmatch(bare):
        return ""
    return base + bare


def event_total(metric: str, before: str) -> str:
    """投资金额达768亿元 right after 举行重点项目集中开工、签约仪式: the total of the event's projects.

    >>> event_total("投资金额", "科学城举行重点项目集中开工、入驻、签约仪式,")
    '集中开工、入驻、签约项目投资金额'
    >>> event_total("投资总额", "投资区举行百余项重大招商、建设项目签约暨开竣工仪式,")
    '签约暨开竣工项目投资总额'
    """
    if not _BARE_TOTAL_RE.fullmatch(metric):
        return ""
    held = _HELD_EVENT_RE.search(before)
    if not held:
        return ""
    acts = held.group("phrase").rpartition("项目")[2]
    return f"{acts}项目{metric}" if 2 <= len(acts) <= 12 else ""


def linked_metric(metric: str, base: str) -> str:
    """A metric that continues the previous figure's (增长15% after 产值874.2亿元), or ``""``.

    >>> linked_metric("增长", "规模工业产值")
    '规模工业产值增长'
    >>> linked_metric("高于全市平均增幅", "地区生产总值")
    '地区生产总值增幅高于全市平均'
    """
    if not base:
        return ""
    average = _ABOVE_AVERAGE_RE.match(metric)
    if average:
        scope, mean = average.group("scope") or "", average.group("avg") or ""
        return f"{_growth_base(base)}增幅{average.group('dir')}{scope}{mean}"
    if _LINK_RE.match(metric):
        return (_growth_base(base) if _RATE_OF_GROWTH_RE.match(metric) else base) + metric
    return ""


def respective_metrics(segment: str, *, money: bool, zone: str = "") -> list[str]:
    """A、B分别增长8.8%和11.5%: one metric per name, in order, each with the shared act.

    >>> respective_metrics("规模以上工业增加值、固定资产投资分别增长", money=True)
    ['规模以上工业增加值增长', '固定资产投资增长']
    """
    head, found, act = segment.rpartition("分别")
    if not found:
        return []
    names_text = clean_metric(head, money=money, zone=zone)
    names = [n for n in re.split("、" if "、" in names_text else "和|及", names_text) if n]
    shared = _RESPECTIVE_ACT_RE.match(act)
    return [name + (shared.group(0) if shared else "") for name in names] if len(names) > 1 else []


def shared_growth_metrics(metric: str) -> list[str]:
    """A、B和C增长20%: the same growth for each named quantity, one metric each.

    >>> shared_growth_metrics("亩均税收、人均税收和亩均营业收入增长")
    ['亩均税收增长', '人均税收增长', '亩均营业收入增长']
    >>> shared_growth_metrics("专精特新、小巨人企业增长"), shared_growth_metrics("工业投资增长")
    ([], [])
    """
    match = _SHARED_GROWTH_RE.match(metric)
    if not match:
        return []
    names = re.split("、|和|及", match.group("names"))
    if len(names) < 2 or any(len(n) < 2 or leading_verb(n) for n in names):
        return []
    if not all(_QUANTITY_HEAD_RE.search(n) for n in names):
        return []
    return [name + match.group("act") for name in names]


def after_noun(after: str) -> str:
    """The noun phrase after a figure's unit, without quotes, a note in brackets or 以上/的.

    >>> after_noun("以上")
    ''
    >>> after_noun("“两新”党组织")
    '两新党组织'
    """
    text = re.sub(r"^\([^)]*\)", "", _QUOTE_RE.sub("", after))
    return _strip_trailing_after(text)


def stock_metric(metric: str, previous: str) -> str:
    """新增高企25家、保有量突破80家 → 高企保有量: a stock word takes the noun of the item before.

    总数 and 累计 restate the noun itself (新增上市企业6家，累计达到63家 → 上市企业).
    """
    if not _STOCK_RE.match(metric) or not previous:
        return ""
    noun = previous[len(leading_verb(previous)) :]
    return noun if metric in _BARE_STOCK else noun + metric


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
    clause = _strip_repeatedly(_QUOTE_RE.sub("", clause), _TIME_RE)
    if any(ch.isdigit() for ch in clause):
        return ""
    text = _TOPIC_TRAIL_RE.sub("", _TOPIC_LEAD_RE.sub("", clause))
    return text if 2 <= len(text) <= 4 and text != clause else ""


def share_of(metric: str, after: str, counted: list[str], *, shared: bool = False, previous: str = "") -> str:
    """A share of the region: 拥有全市1/5的独角兽企业 → 独角兽企业占全市比重 (and the items after it in the
    same form); 均占全市的四分之一 after a list of counts (``shared``) → those counts' names 占全市比重.

    >>> share_of("拥有全市", "的独角兽企业", [])
    '独角兽企业占全市比重'
    >>> share_of("", "的数字文创企业", [], previous="独角兽企业占全市比重")
    '数字文创企业占全市比重'
    >>> share_of("占全市", "", ["新认定高新技术企业", "新认定科技型中小企业"], shared=True)
    '新认定高新技术企业、科技型中小企业占全市比重'
    """
    noun = after_noun(after[1:]) if after.startswith("的") else ""
    chained = _REGION_SHARE_TAIL_RE.search(previous)
    if not metric and noun and chained:
        return f"{noun}占{chained.group('scope')}比重"
    match = _REGION_SHARE_RE.match(metric)
    if not match:
        return ""
    scope = match.group("scope")
    if shared and len(counted) >= 2:
        verb = leading_verb(counted[0])
        names = [counted[0], *(n[len(verb):] if verb and n.startswith(verb) else n for n in counted[1:])]
        return f"{'、'.join(names)}占{scope}比重"
    return f"{noun}占{scope}比重" if noun and not shared else ""


def share_metric(metric: str) -> str:
    """占全市的67% names a share: 瞪羚企业入选数占全市 → 瞪羚企业入选数占全市比重."""
    return metric + "比重" if _SHARE_RE.search(metric) else metric


def _growth_base(metric: str) -> str:
    return _GROWTH_TAIL_RE.sub("", metric) or metric


def rank_metric(segment: str, scope: str, previous: str, zone: str = "") -> list[str]:
    """Metric names for a rank: 增幅列全市第二 after 地区生产总值 → 地区生产总值增幅全市排名.

    >>> rank_metric("总量和增幅均", "全市", "外贸进出口总额")
    ['外贸进出口总额总量全市排名', '外贸进出口总额增幅全市排名']
    >>> rank_metric("在省级高新区中", "", "")
    ['省级高新区排名']
    """
    core = _RANK_FRAME_RE.sub("", clean_metric(_RANK_FRAME_RE.sub("", segment), money=False, zone=zone))
    core = _RANK_NOISE_RE.sub("", core.removesuffix("排名"))
    if not _RANK_QUALIFIER_RE.match(core):
        return [f"{core}{scope}排名"]
    if not previous:
        return []
    qualifiers = [q for q in re.split(r"和|、|及", core) if q] or [""]
    return [f"{_growth_base(previous) if q == '增幅' else previous}{q}{scope}排名" for q in qualifiers]


def about_one_body(text: str, metric: str) -> bool:
    """Figures of one company or project (该公司…注册资本, 项目总投资, 建成后年产值) are not zone indicators.

    >>> about_one_body("该公司成立于2015年，年产值超10亿元", "年产值")
    True
    >>> about_one_body("项目总投资20亿元", "项目总投资")
    True
    """
    opening = _strip_repeatedly(text, _TIME_RE, _OPENING_PUNCTUATION_RE)
    return bool(_ONE_BODY_SENTENCE_RE.match(opening) or _ONE_BODY_METRIC_RE.search(metric))


def about_region(clause: str) -> bool:
    """Whether the clause naming a figure opens with the city or province as its subject.

    >>> about_region("全市本次共签约项目"), about_region("占全市")
    (True, False)
    """
    return bool(_REGION_SUBJECT_RE.match(_strip_repeatedly(_QUOTE_RE.sub("", clause), _TIME_RE)))


def about_many_zones(text: str) -> bool:
    """全省开发区…, 全市园区…: totals over many zones belong to none of them.

    >>> about_many_zones("全省开发区完成进出口总额100亿元"), about_many_zones("全区完成进出口总额100亿元")
    (True, False)
    """
    return bool(_MANY_ZONES_RE.match(_strip_repeatedly(text, _TIME_RE)))


def sentence_zone(text: str, home: tuple[EntityType, str]) -> tuple[EntityType, str]:
    """The zone a sentence reports on: another zone it opens with, else the home zone.

    >>> sentence_zone("青阳园区累计签约项目超过30个", (EntityType.ZONE, "江阴高新技术开发区"))[1]
    '青阳园区'
    >>> sentence_zone("印发《岳麓高新区人才新政》，兑现资金3亿元", (EntityType.ZONE, "江阴高新技术开发区"))[1]
    '江阴高新技术开发区'
    """
    opening = _strip_repeatedly(_QUOTE_RE.sub("", text), _TIME_RE, _LEAD_RE)
    match = _ZONE_OPENING_RE.match(opening)
    name = match.group(0) if match else ""
    own = name[:2] in (home[1][:2], "全区", "开发", "高新") or _GENERIC_ZONE_NAME_RE.match(name)
    if not name or own or leading_verb(name) or _ACT_IN_NAME_RE.search(name):
        return home
    return (EntityType.ZONE, name)
