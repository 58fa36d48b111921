"""Whose figure a sentence gives: the zone's, or the city's, another zone's, one project's or
one company's (which are no zone indicators).

Generic report vocabulary only; names of places or companies never appear here.
"""

from __future__ import annotations

import re

from ingest.extract.indicator_phrases import LEAD_RE, QUOTE_RE, TIME_RE, leading_verb, strip_repeatedly
from ingest.extract.zone_words import is_known_place, word_tag
from ingest.extract.zones import find_zone_names
from kg.model import EntityType

_ONE_BODY_SENTENCE_RE = re.compile(
    r"^(?:该|这家|此|这个|这一)(?:公司|企业|集团|项目)"
    # 新型材料产业园项目主要建设…, 智造基地项目分三期实施: a sentence describing one named project.
    r"|^(?!(?:重点|重大|集中|签约|开工|新(?!型|材料|能源|兴)|在建|续建|亿元|全部|其中|此次|本次))[^,，。、\d]{2,30}?项目"
    r"(?:主要建设|建设内容|位于|选址|投资主体|分[一二三四两]期|占地|总占地|规划用地|建成后|达产后|投产后|总投资|计划总投资|年产|预计年|建成投产后)"
    # 青松机器人有限公司今年营收…: a sentence whose subject is one company
    r"|^[^,，。、\d]{2,20}?(?:有限公司|股份公司|集团公司|有限责任公司)(?![、和与及])"
    # 某某农产品电子交易平台入驻会员2000余家: a sentence whose subject is one named platform or exchange
    r"|^(?!(?:全区|园区|开发区|高新区|经开区|本区|该区))[^,，。、\d]{4,30}?(?:交易中心|交易平台|交易所|服务平台|电商平台)(?!项目)"
    r"(?=[^,，。]{0,10}?\d)"
)
_ONE_BODY_METRIC_RE = re.compile(
    r"^(?:(?:该|此|这个)?项目)?(?:总投资|注册资本|计划总投资)|^项目(?:将|拟|计划|建成|投产)|建成后|达产后|投产后|建设后|达产|满产"
    r"|占地|建筑面积|^(?:一期|二期|三期|首期|一、二期)|^(?:新增)?年产(?!值)|^年加工|^拟投资|^我们"
    # a visit to one company (走进…, 察看…), a threshold of a policy (上年度营业收入在…), page furniture (>>)
    r"|^(?:走进|察看|考察|调研|参观|来到|走访)|上年度|近[一二两三]年|[<>«»|]"
    # a count of zones (有国家级经济开发区27家): the zones of a region, not a figure of one zone
    r"|(?:开发区|高新区|经开区|园区)$"
    # the investment of a named investor (甲公司将和乙公司共同投资, 某某团队投资) or a list of names (包括…)
    r"|(?<![资产业务际成议同计划总度备改设间会])(?:共同|追加|计划|拟|将)?投资$|包括"
)
_OPENING_PUNCTUATION_RE = re.compile(r"^[,，、:：\s]")
# 启动建设“某某产业园”,园区总规划面积…: a park named at the end of the clause before 园区.
_PARK_ENDING_CLAUSE_RE = re.compile(
    r"(?:建设|打造|设立|成立|规划|启动)[“\"]?(?P<name>[\u4e00-\u9fff]{2,10}(?:产业园|工业园|科技园|合作园|园区))[”\"]?[,，]$")
# A figure of the city, province or country the zone is in (全市本次共签约项目86个), not of the zone.
_REGION_SUBJECT_RE = re.compile(
    r"^(?:全市|全省|全国|全县|我市|我省|本市|本省|该市|市委|市政府|省委|省政府)(?!平均|排名|排位)"
    # 南京市有…: what a city has (its zones, its firms), counted
    r"|^(?!全区|本区|该区|我区|园区|区内|在)[\u4e00-\u9fff]{2,3}(?:市|省)?(?<![现已共拥还所没具均都只])有$"
)
# 洪湖市举行…集中开工活动, 全市重大项目集中开工活动举行, 某省投资推介会在…召开: an event the city or province
# holds; a zone named before the verb (某市经开区举行…) makes it the zone's.
_REGION = r"(?:全市|全省|全县|该市|我市|本市|[\u4e00-\u9fff]{2,3}[市省县](?:委|政府|人民政府)?)"
_REGION_EVENT_RE = re.compile(
    rf"(?:^|[,，]){_REGION}(?![^,，。；;]*?(?:区|园|管委会))[^,，。；;]{{0,30}}?(?:举行|召开|举办)"
    r"|(?:全市|全省|全县)[^,，。；;区园]{0,24}?(?:活动|大会|仪式)(?:在[^,，。]{1,12})?(?:举行|召开|启动)"
    # 第三届某某经贸合作论坛…系列活动进行了集中签约: a forum or fair above the zone holds the signing
    r"|(?:^|[,，])(?![^,，。；;]*?(?:区|园|管委会))[^,，。；;]{2,40}?(?:论坛|博览会|交易会|洽谈会|峰会|系列活动)"
    r"[^,，。；;]{0,6}?(?:举行|进行|举办)了?[^,，。；;]{0,20}?(?:签约|开工)"
)
# 此次, 本次, 当天, 签约的24个项目: a later paragraph speaking of the same event.
_EVENT_REFERENCE_RE = re.compile(
    r"^(?:[^,，。]{0,12}?[,，])?(?:此次|本次|当天|当日|会上|现场|活动上|该市|(?:签约|开工|投产)的\d)")
_RANKING_WORD_RE = re.compile(r"考核|评价|考评|评估|评比|排名|排序|排行|榜单")
_ZONE_WORD = "(?:开发园区|开发区|园区|高新区|经开区)"
_MANY_ZONES_RE = re.compile(rf"^[,，]?(?:全国|全省|全市|各类|各级|省级以上|国家级)(?:各类)?{_ZONE_WORD}")
# A sentence opening with another zone's name (白鹭园区累计签约…); not 省级以上高新区, 编制园区规划.
# A bonded zone or a named industrial park opening the sentence is a zone too (某某综保区签约项目4个).
_OPENING_ZONE_WORD = "(?:开发园区|开发区|园区|高新区|经开区|综合保税区|综保区|保税区|产业园(?!区))"
_BONDED_OR_PARK_RE = re.compile(r"(?:综合保税区|综保区|保税区|产业园)$")
_ZONE_OPENING_RE = re.compile(
    rf"(?![在对为各编规建全我本该])[\u4e00-\u9fff]{{2,6}}?(?<![级上各]){_OPENING_ZONE_WORD}(?!项目)")
# A verb inside an opening "zone name" (印发北岭高新区…) shows it is the object of an act, not the subject.
_ACT_IN_NAME_RE = re.compile(r"印发|出台|发布|制定|实施|落实|召开|举行|启动|推出|修订|审议|通过|会议|会上")
# 高科技园区, 工业园区: a kind of park, not a zone's name.
_GENERIC_ZONE_NAME_RE = re.compile(
    r"^(?:高科技|高新技术|科技|工业|产业|创业|物流|化工|经济|生态|现代|综合|特色)+(?:园区|开发区)$"
)


# 甲电池项目开工,总投资8亿元,预计年产值12亿元: a clause that names one project and what became of it;
# the figures after it are that project's (a class of projects is counted: 12个项目开工).
_ONE_PROJECT_CLAUSE_RE = re.compile(
    r"(?:^|[,，;；])(?![^,，;；。]*(?:集中|重点|重大|一批|等|将|加快|推动|推进|力争|确保|各类|签约项目|开工项目|在建项目))"
    r"[^,，;；。\d]{4,40}?项目"
    r"(?:正式|顺利|成功)?(?:动工|开工|签约|投产|竣工|落地|落户)[,，]"
    r"|(?:^|[,，;；])(?:该|此)项目"
)
# 工信部发布《…》,计划培育600家…: figures of a document a ministry or a government above the zone publishes.
_AUTHORITY_RE = re.compile(
    r"(?:国务院|[\u4e00-\u9fff]{0,4}(?:部|厅|总署|委员会)|发改委|[省市]委|[省市]政府)(?:联合)?"
    r"(?:发布|印发|出台|公布|下发|揭晓)(?:了)?"
)
_ZONE_NAMED_RE = re.compile(r"区|园")
# What such a document sets out (计划培育600家, 提出到2025年…), as opposed to a list the zone's firms enter.
_DOCUMENT_CONTENT_RE = re.compile(r"计划|提出|明确|要求|目标|拟|力争|到20\d\d年")


def published_above(before: str) -> bool:
    """Whether the sentence up to a figure reports what a document a ministry or higher government published
    sets out, with no zone named since.

    >>> published_above("2018年,工信部发布《关于培育工作的通知》,计划利用三年时间培育")
    True
    >>> published_above("海关总署揭晓了评估排名,青松综合保税区在全国154个")
    False
    >>> published_above("工业和信息化部公布第五批小巨人企业名单,甲、乙等")
    False
    """
    matches = list(_AUTHORITY_RE.finditer(before))
    if not matches:
        return False
    since = before[matches[-1].end():]
    return bool(_DOCUMENT_CONTENT_RE.search(since)) and not _ZONE_NAMED_RE.search(since)


def after_one_project(before: str) -> bool:
    """Whether the sentence up to a figure has a clause naming one project that was started, signed….

    >>> after_one_project("在新能源领域,甲储能电池项目开工,总投资8亿元,"), after_one_project("其中,12个项目开工,")
    (True, False)
    >>> after_one_project("下一步,综保区将加快签约项目落地,力争全年进出口总额")
    False
    """
    return bool(_ONE_PROJECT_CLAUSE_RE.search(before))


def about_one_body(text: str, metric: str) -> bool:
    """Figures of one company or project (该公司…注册资本, 项目总投资, 建成后年产值) are not zone indicators.

    >>> about_one_body("该公司成立于2015年，年产值超10亿元", "年产值")
    True
    >>> about_one_body("项目总投资20亿元", "项目总投资")
    True
    """
    opening = strip_repeatedly(text, TIME_RE, _OPENING_PUNCTUATION_RE)
    return bool(_ONE_BODY_SENTENCE_RE.match(opening) or _ONE_BODY_METRIC_RE.search(metric))


def about_region(clause: str) -> bool:
    """Whether the clause naming a figure opens with the city or province as its subject.

    >>> about_region("全市本次共签约项目"), about_region("占全市"), about_region("全省排名升")
    (True, False, False)
    """
    return bool(_REGION_SUBJECT_RE.match(strip_repeatedly(QUOTE_RE.sub("", clause), TIME_RE, LEAD_RE)))


def about_many_zones(text: str) -> bool:
    """全省开发区…, 全市园区…: totals over many zones belong to none of them.

    >>> about_many_zones("全省开发区完成进出口总额100亿元"), about_many_zones("全区完成进出口总额100亿元")
    (True, False)
    """
    opening = strip_repeatedly(text, TIME_RE)
    first_clause = re.split(r"[,，;；]", opening, maxsplit=1)[0]
    # 全省开发区综合考核评价结果公布,青松开发区位列第三: a ranking of many zones gives one its place
    return bool(_MANY_ZONES_RE.match(opening)) and not _RANKING_WORD_RE.search(first_clause)


def sentence_zone(text: str, home: tuple[EntityType, str]) -> tuple[EntityType, str]:
    """The zone a sentence reports on: another zone it opens with, else the home zone.

    >>> sentence_zone("白鹭园区累计签约项目超过30个", (EntityType.ZONE, "青松高新技术开发区"))[1]
    '白鹭园区'
    >>> sentence_zone("印发《岳麓高新区人才新政》，兑现资金3亿元", (EntityType.ZONE, "青松高新技术开发区"))[1]
    '青松高新技术开发区'
    """
    name = _other_zone_opening(text, home[1])
    return (EntityType.ZONE, name) if name else home


def _other_zone_opening(text: str, home: str) -> str:
    """The name of a zone other than ``home`` the sentence opens with, or ``""``."""
    opening = strip_repeatedly(QUOTE_RE.sub("", text), TIME_RE, LEAD_RE)
    match = _ZONE_OPENING_RE.match(opening)
    name = match.group(0) if match else ""
    own = name[:2] in (home[:2], "全区", "开发", "高新") or _GENERIC_ZONE_NAME_RE.match(name)
    kind = _BONDED_OR_PARK_RE.search(name)
    own = own and not (kind and kind.group(0) not in home)  # 甲市综保区 is not 甲市经开区
    return "" if not name or own or leading_verb(name) or _ACT_IN_NAME_RE.search(name) or _opens_with_verb(name) \
        else name


def _opens_with_verb(name: str) -> bool:
    """配合科学园区…: a verb, not a place, opens the run, so the park after it is a kind, not a name."""
    return word_tag(name[:2]) == "v" and not is_known_place(name[:2])


def region_event(text: str) -> bool:
    """Whether the sentence tells of an event the city or province holds (its figures are the region's).

    >>> region_event("9月28日,青阳市举行项目集中开工活动,12个项目开工"), region_event("青阳市经开区举行签约仪式")
    (True, False)
    >>> region_event("第二届某某经贸论坛暨系列活动进行了重点项目集中签约")
    True
    >>> region_event("在博览会上,青松高新区签约项目12个")
    False
    """
    return bool(_REGION_EVENT_RE.search(strip_repeatedly(QUOTE_RE.sub("", text), TIME_RE)))


def refers_to_event(text: str) -> bool:
    """Whether a sentence opening a paragraph speaks of the event told before (此次, 本次, 当天…)."""
    return bool(_EVENT_REFERENCE_RE.match(strip_repeatedly(QUOTE_RE.sub("", text), TIME_RE)))


def opens_with_zone(text: str) -> bool:
    """Whether a zone's name opens the sentence (after time words and leads): the zone is its subject.

    >>> opens_with_zone("其中,白鹭高新区签约项目19个"), opens_with_zone("19个项目签约落户白鹭高新区")
    (True, False)
    """
    opening = strip_repeatedly(QUOTE_RE.sub("", text), TIME_RE, LEAD_RE, _OPENING_PUNCTUATION_RE)
    zones = find_zone_names(opening[:40])
    return bool(zones) and zones[0][0] == 0 or bool(_other_zone_opening(text, ""))


def park_just_named(text: str, clause: int) -> str | None:
    """The park a clause opening with 园区 speaks of when the clause before ends with its name.

    >>> park_just_named("去年启动建设“青湖产业园”,园区总规划面积3000亩", 14)
    '青湖产业园'
    >>> park_just_named("园区总规划面积3000亩", 0) is None
    True
    """
    if not text.startswith("园区", clause):
        return None
    named = _PARK_ENDING_CLAUSE_RE.search(text, 0, clause)
    return named.group("name") if named else None
