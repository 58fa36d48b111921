"""Metrics built from other figures: growth and totals linked to the figure before, rates, shares of
the region, coordinated figures (A、B分别/均增长…), ranks named after what is ranked, and a total
named after the event it reports.
"""

from __future__ import annotations

import re

from ingest.extract.asset_text import alternation, load_lexicon
from ingest.extract.indicator_phrases import (
    QUOTE_RE,
    TIME_RE,
    after_noun,
    clean_metric,
    leading_verb,
    strip_repeatedly,
)

_LINK_RE = re.compile(
    r"^(?:(?:[两三五十]年)?(?:平均|年均)增长|增长|增幅|增速|同比|较|比上年|比去年|总投资|计划总投资|协议总投资|合同引资|协议引资|完成投资|合同总金额|合同金额"
    r"|投资总额|总投资额|投资额|投资$|总金额$|总产值$|年产值$"
    r"|协议金额|环比|其中|年均增|占全|占比|成长$|增加$)"
)
_ABOVE_AVERAGE_RE = re.compile(
    r"^(?P<dir>高于|低于|快于|慢于|超过|超出|领先)(?P<scope>全市|全省|全国|[\u4e00-\u9fff]{2,4}?[市省])?"
    r"(?P<avg>平均)(?:增幅|增速|水平|[\u4e00-\u9fff]{0,4}率)?$"
    r"|^(?P<dir2>高于|低于|快于|慢于)(?P<scope2>全市|全省|全国)?(?:增幅|增速|水平)?$"
)
# 总量和增速两项指标均将位列…: words between the qualifiers and the rank that name nothing.
_RANK_NOISE_RE = re.compile(r"(?:[两三四]项)?指标|[都均]将|[都均]$|(?:持续|连续)?\d+个?(?:月|年)")
_RATE_OF_GROWTH_RE = re.compile(r"增幅|增速|(?:[两三五十]年)?(?:平均|年均)增长")
_GROWTH_TAIL_RE = re.compile(r"(?:同比|比上年|较上年)?增长$")
_RANK_QUALIFIER_RE = re.compile(r"^(?:(?:增幅|总量|增速|规模|占比|总数|数量)(?:和|、|及)?)*$")
# 在全国169家国家高新区综合评价中: the frame of a ranking around the name of the ranking.
_RANK_FRAME_RE = re.compile(r"^在(?:全国|全省|全市)?(?:\d+家)?|中$")
_RESPECTIVE_ACT_RE = re.compile(r"比上年增长|同比增长|增长|下降|提高|增加|减少")
_BARE_TOTAL_RE = re.compile(r"总投资|投资总额|投资金额|总投资额|签约金额|签约总额|合同金额|签约资金")
_HELD_EVENT_RE = re.compile(r"(?:举行|举办)(?:了)?(?P<phrase>[^,，。;；]{2,30}?)(?:仪式|活动)[,，]?$")
_RATELEAD_RE = re.compile(r"^(?:以上|以下|左右)?[、,，]?")
_BARE_RATE_RE = re.compile(r"[\u4e00-\u9fff]{1,3}率$|占比$")
_SHARED_GROWTH_RE = re.compile(r"^(?P<names>[^,，;；]+?)(?:均|都|分别)?(?P<act>同比增长|增长|提高|下降|增速)$")
# The heads an economic quantity ends with (税收, 总产值, 进出口…), as opposed to a class of firms.
_QUANTITY_HEAD_RE = re.compile(f"(?:{alternation(load_lexicon('metric_heads'))})$")
_REGION_SHARE_RE = re.compile(r"^(?:拥有|集聚|聚集)?(?:占)?(?P<scope>全市|全省|全国|全区)$")
_REGION_SHARE_TAIL_RE = re.compile(r"占(?P<scope>全市|全省|全国|全区)比重$")
_SHARE_RE = re.compile(r"占(?:全市|全省|全区|全国)$")
_STOCK_RE = re.compile(r"^(?:保有量|总量|总数|存量|累计$)")
# 总数达到1420家 after 新增高新技术企业186家 restates the noun itself: 高新技术企业.
_BARE_STOCK = ("总数", "累计")


# 完成全年目标的88.9% / 占考核任务的81.8%: how far a counted figure has got towards its target.
PROGRESS_RE = re.compile(r"^(?:完成|占|达到)?(?:全年|年度|当年|全年考核|年度考核|考核|计划)?(?:目标|任务)(?:任务|数)?$")
# 占威海市总数35%: a share of a named region's total (占全市 is handled as a region share).
_NAMED_REGION_SHARE_RE = re.compile(r"^占[\u4e00-\u9fff]{1,6}?[市省区县](?:总数|总量|比重|比例)$")


def progress_metric(metric: str, counted: list[str], base: str) -> str:
    """A progress or share figure named after what it measures, or ``""``: 完成全年目标 after
    新开工亿元以上项目16个 → 新开工亿元以上项目完成全年目标; 占青松市总数 → <base>占青松市总数.

    >>> progress_metric("全年目标", ["新开工亿元以上项目", "其中5亿元以上项目"], "其中5亿元以上项目")
    '新开工亿元以上项目完成全年目标'
    >>> progress_metric("占青松市总数", [], "小巨人企业"), progress_metric("占地", [], "项目")
    ('小巨人企业占青松市总数', '')
    """
    if PROGRESS_RE.match(metric):
        head = counted[0] if counted else base
        verb = "" if metric.startswith(("完成", "占", "达到")) else "完成"
        return head + verb + metric if head else ""
    if base and _NAMED_REGION_SHARE_RE.match(metric):
        return base + metric
    return ""


_AREA_UNITS = frozenset({"m2", "km2", "mu", "ha"})
# Words that name an area (规划面积, 新增用地, 标准厂房, 拆迁, 腾退).
_AREA_WORD_RE = re.compile(r"面积|地|厂房|建筑|楼宇|载体|空间|规划|拆|腾退|盘活|征收|回收|工程|园|区|林|田|水域|海域")


def unnamed_area(metric: str, unit: str) -> bool:
    """An area whose phrase names no area (充分利用7万平方米…中心): a facility's size, not a zone figure.

    >>> unnamed_area("充分利用", "m2"), unnamed_area("新增用地", "mu"), unnamed_area("充分利用", "count")
    (True, False, False)
    """
    return unit in _AREA_UNITS and not _AREA_WORD_RE.search(metric)


def rate_metric(metric: str, base: str) -> str:
    """履约率 after 引进重点项目40个: a bare rate names the quantity before it (引进重点项目履约率), or ``""``.

    >>> rate_metric("以上、履约率", "引进重点项目"), rate_metric("研发投入占比", "营业收入")
    ('引进重点项目履约率', '')
    """
    bare = _RATELEAD_RE.sub("", metric)
    if not base or _BARE_RATE_RE.search(base) or not _BARE_RATE_RE.fullmatch(bare):
        return ""
    return base + bare


def event_total(metric: str, before: str) -> str:
    """投资金额达600亿元 right after 举行重点项目集中开工、签约仪式: the total of the event's projects.

    >>> event_total("投资金额", "科技城举行重点项目集中开工、落户、签约仪式,")
    '集中开工、落户、签约项目投资金额'
    >>> event_total("投资总额", "园区举行一批重大招商、产业项目签约暨开竣工仪式,")
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
    >>> linked_metric("超过青松市平均通过率", "高企认定通过率")
    '高企认定通过率超过青松市平均'
    """
    if not base:
        return ""
    average = _ABOVE_AVERAGE_RE.match(metric)
    if average:
        scope, mean = average.group("scope") or average.group("scope2") or "", average.group("avg") or ""
        direction = average.group("dir") or average.group("dir2")
        if base.endswith("率"):  # 通过率72.9%,超过全市平均十二个百分点: the rate itself is compared
            return f"{base}{direction}{scope}{mean}"
        return f"{_growth_base(base)}增幅{direction}{scope}{mean}"
    if _LINK_RE.match(metric) and metric.startswith("占"):
        return share_metric(_growth_base(base) + metric)  # 高企数量实现翻倍,占全市1/4: a share of the stock
    if _LINK_RE.match(metric):
        return (_growth_base(base) if _RATE_OF_GROWTH_RE.match(metric) else base) + metric
    return ""


def respective_metrics(segment: str, *, money: bool, zone: str = "") -> list[str]:
    """A、B分别增长8.8%和11.5%: one metric per name, in order, each with the shared act.

    >>> respective_metrics("规模以上工业增加值、固定资产投资分别增长", money=True)
    ['规模以上工业增加值增长', '固定资产投资增长']
    >>> respective_metrics("生猪存栏和出栏分别达到", money=False)
    ['生猪存栏', '生猪出栏']
    """
    head, found, act = segment.rpartition("分别")
    if not found:
        return []
    names_text = clean_metric(head, money=money, zone=zone)
    names = [n for n in re.split("、" if "、" in names_text else "和|及", names_text) if n]
    if len(names) > 1 and len(names[0]) > 2:
        # 肉牛存栏和出栏: a two-character item shares the head of the first (肉牛出栏)
        names = [names[0], *(names[0][:-2] + n if len(n) == 2 else n for n in names[1:])]
    shared = _RESPECTIVE_ACT_RE.match(act)
    return [name + (shared.group(0) if shared else "") for name in names] if len(names) > 1 else []


def names_a_quantity(metric: str) -> bool:
    """Whether the metric ends in the head of an economic quantity (产值, 税收, 固定资产投资…).

    >>> names_a_quantity("产值"), names_a_quantity("领域")
    (True, False)
    """
    return bool(_QUANTITY_HEAD_RE.search(metric))


def shared_growth_metrics(metric: str) -> list[str]:
    """A、B和C增长20%: the same growth for each named quantity, one metric each.

    >>> shared_growth_metrics("亩均税收、人均税收和亩均产值增长")
    ['亩均税收增长', '人均税收增长', '亩均产值增长']
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


def stock_metric(metric: str, previous: str) -> str:
    """新增高企25家、保有量突破80家 → 高企保有量: a stock word takes the noun of the item before.

    总数 and 累计 restate the noun itself (新增上市企业6家，累计达到63家 → 上市企业).
    """
    if not _STOCK_RE.match(metric) or not previous:
        return ""
    noun = previous[len(leading_verb(previous)) :]
    return noun if metric in _BARE_STOCK else noun + metric


def share_of(metric: str, after: str, counted: list[str], *, shared: bool = False, previous: str = "") -> str:
    """A share of the region: 拥有全市1/3的独角兽企业 → 独角兽企业占全市比重 (and the items after it in the
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


# 在全省开发区综合考核评价中, / …评价结果公布,: a clause naming the ranking a later clause's rank is in.
_RANKING_CLAUSE_RE = re.compile(
    r"(?:^|[,，;；])(?:在)?(?P<frame>[^,，;；。]{4,30}?(?:考核|评价|考评|评估|评比|监测|排名|排序|排行榜?|榜单))"
    r"(?:结果)?(?:中|公布|揭晓|出炉|发布)?[,，]$"
)


_PUBLISHER_RE = re.compile(r"^[^,，;；。]*?(?:揭晓|公布|发布)了?")


def ranking_frame(before: str, zone: str = "") -> str:
    """The ranking a rank whose own clause names only the zone is taken in, named from the clause before:
    在全省开发区综合考核评价中,青松开发区位列第三 → 全省开发区综合考核评价排名; ``""`` without one.

    >>> ranking_frame("2023年度全省省级开发区综合考核评价结果公布,")
    '全省省级开发区综合考核评价排名'
    >>> ranking_frame("海关总署揭晓了2023年度全国综保区绩效评估排名,")
    '全国综保区绩效评估排名'
    >>> ranking_frame("全区完成投资50亿元,")
    ''
    """
    match = _RANKING_CLAUSE_RE.search(before)
    if not match:
        return ""
    frame = _PUBLISHER_RE.sub("", QUOTE_RE.sub("", match.group("frame")))  # 海关总署揭晓了…排名: who published it
    frame = strip_repeatedly(frame, TIME_RE)
    frame = frame.removesuffix("排名").removesuffix("排序")
    return frame + "排名" if len(frame) >= 4 and not find_digit(frame) else ""


def find_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


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
    previous = previous.removesuffix("排名")
    return [f"{_growth_base(previous) if q == '增幅' else previous}{q}{scope}排名" for q in qualifiers]
