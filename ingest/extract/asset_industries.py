"""Industry names: the sectors a zone targets (lexicon terms, sector lists, clusters)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.extract.asset_text import (
    CJK,
    FUNCTION_WORDS,
    GENERIC_VERBS,
    QUOTES,
    Candidate,
    alternation,
    clean_name,
    cut_after_stop,
    is_generic,
    load_lexicon,
    overlaps,
    quoted_mask,
)
from ingest.extract.zone_kinds import ENDING_RE
from ingest.extract.zone_words import is_known_place
from kg.model import EntityType

_INDUSTRY_CUES = (
    "锁定", "把握", "坚持", "发展", "培育", "布局", "打造", "面向", "涵盖", "覆盖", "力争", "确保", "争取", "涉及",
    "触及", "包含", "囊括", "主攻", "瞄准", "引入", "导入", "招引", "发力", "聚力", "深耕", "突出", "谋划",
)
# Zone and place words: a term right after one starts a new word (高新区大数据产业).
_PLACES = ("开发区", "高新区", "经开区", "园区", "新区", "市", "县", "省")
_INDUSTRY_LEFT = tuple(sorted(set(FUNCTION_WORDS + GENERIC_VERBS + _INDUSTRY_CUES + _PLACES), key=len))
_INDUSTRY_STOPS = tuple(w for w in _INDUSTRY_LEFT if w not in {"和", "与", "及"})
# List items naming events or organisations rather than sectors.
_NOT_SECTOR = ("论坛", "大赛", "会", "举办", "企业", "公司", "项目", "活动")
# A term followed by one of these is part of a longer name (company, park, event).
_NOT_AFTER = ("企业", "公司", "服务商", "项目", "园", "研究院", "论坛", "大赛", "载体", "集团",
              "基地", "加速器", "创新", "孵化", "大中小", "融通", "有限", "股份", "生产",
              # a product and its output (汽车产量, 金融服务产品) rather than a sector the zone targets
              "产品", "产量", "销量", "出口量", "装机量", "保有量",
              # investment by category (工业投资, 高新技术产业投资39亿元), a ranking, a cluster named as a title
              "投资", "榜单", "集群")
# Lists are matched from a clause start only (the leading verb is cut off later), which keeps
# the scan linear on long runs of 、-separated text.
_LIST_CUE = re.compile(
    rf"(?:^|(?<=[，。；：,;:]))((?:[^、，。；：,;:]+、)++[^、，。；：,;:]+?)(?:为|作为)?(?:[{QUOTES}][^{QUOTES}]*[{QUOTES}])?"
    rf"(?:等[{CJK}]{{0,5}}?|[一二三四五六七八九十两0-9]+(?:大|个[{CJK}]{{0,4}}?)|一批|细分|主导|未来|重点|新兴|特色|优势)*"
    rf"(?:领域|产业(?!化)|板块|方面|新技术|行业|范畴|赛道|业态|[{CJK}]{{0,3}}服务业)"
)


# Scope words before a cluster's sector (国家先进制造业集群), and characters of a word.
_SCOPE = re.compile(r"^(?:国家级|国家|省级|市级|世界级|千亿级|百亿级|全国|全省|全市)+")
_FIGURE = re.compile(r"[0-9%]")
# A scope cut off before the sector by the place stop words (入选全省|先进制造业集群).
_SCOPE_BEFORE = re.compile(r"(?:国家级?|省级?|市级?|全国|全省|全市|世界级)$")
# Up to ten more characters of the same name and then 项目: the term names part of a project.
_PROJECT_TAIL = re.compile(rf"([{CJK}A-Za-z0-9]{{0,10}}?)项目")
_WORD_CHAR = re.compile(rf"[{CJK}A-Za-z0-9]")


@lru_cache(maxsize=1)
def _industry_re() -> re.Pattern[str]:
    """Any industry lexicon term, longest first."""
    return re.compile(rf"(?:{alternation(load_lexicon('industries'))})")


def find_industries(sentence: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Industry names in one sentence; ``taken`` spans (platform/policy names) are skipped."""
    if _DEFINITION.search(sentence):
        return []
    spans = list(_listed_industries(sentence, taken)) + list(_cluster_industries(sentence, taken))
    spans += _joined_industries(sentence, taken + [(s.start, s.end) for s in spans])
    spans = [span for span in spans if not _city_subject(sentence, span.start)]
    covered = taken + [(s.start, s.end) for s in spans] + _vetoed_lists(sentence)
    quoted = quoted_mask(sentence)
    for m in _industry_re().finditer(sentence):
        if overlaps(m.start(), m.end(), covered) or _inside_long_quote(quoted, m, sentence):
            continue
        after = m.end() + (2 if sentence.startswith("产业", m.end()) else 0)
        declared = m.group().endswith(("业", "经济"))  # 制造业, 数字经济: sectors by their own last word
        if _city_subject(sentence, m.start()) or not (declared or _named_as_sector(sentence, m)):
            continue
        if _PROJECT_KINDS_LIST.match(sentence, m.end()) or _umbrella_after_list(sentence, m):
            continue
        glued = any(span.end == m.start() for span in spans)  # 新材料新能源: two sectors written without a mark
        if (glued or _left_bounded(sentence, m.start())) and not sentence.startswith(_NOT_AFTER, after) \
                and not _inside_project_name(sentence, m.end()) and not _product_use(sentence, m):
            spans.append(Candidate(EntityType.INDUSTRY, m.group(), m.start(), m.end(), True))
    return spans


# The rest of a list whose last item is followed by 项目 (A、B、C项目共N个): kinds of projects, not sectors.
_PROJECT_KINDS_LIST = re.compile(r"(?:、[^、，。；,;]{1,12}?)+?(?:等)?(?:[\d一二三四五六七八九十两]+个)?(?:类)?项目")


# Qualifiers of a class of sectors (现代服务业, 先进制造业, 新兴产业): after 等 it names what the listed items are.
_UMBRELLA = ("现代", "先进", "新兴", "战略性", "高新技术")


def _umbrella_after_list(sentence: str, m: re.Match[str]) -> bool:
    """A class of sectors closing a list (A、B等现代服务业): the items are the sectors, not the class."""
    return sentence[m.start() - 1:m.start()] == "等" and m.group().startswith(_UMBRELLA)


@lru_cache(maxsize=1)
def _joined_re() -> re.Pattern[str]:
    """Two lexicon terms joined by 及 before 产业 (智能网联及新能源汽车产业链): one sector as written."""
    term = f"(?:{alternation(load_lexicon('industries'))})"
    return re.compile(f"{term}及{term}(?=产业)")


def _joined_industries(sentence: str, covered: list[tuple[int, int]]) -> list[Candidate]:
    if "及" not in sentence:
        return []
    return [Candidate(EntityType.INDUSTRY, m.group(), m.start(), m.end(), True)
            for m in _joined_re().finditer(sentence)
            if not overlaps(m.start(), m.end(), covered) and _left_bounded(sentence, m.start())]


# A lexicon term alone counts only when named as a sector (X产业, X领域) or in a sentence about the
# sectors a zone targets; a term met in passing beside 产业 or 经济 elsewhere (a product, a market) does not.
_FACILITY_AFTER = re.compile(r"[\d一二三四五六七八九十]+号")
_SECTOR_AFTER = re.compile(r"(?:产业|行业|领域|赛道|集群|板块|业态|经济|链)")
_TARGETING = re.compile(r"主导|支柱|首位|集群|产业链|赛道|领域|板块|业态")
# Verbs of targeting count only in the term's own clause (园区聚焦X; not 打造…枢纽 beside a service list).
_TARGETING_VERB = re.compile(r"重点发展|聚焦|特色|优势|培育|布局|打造|做大|做强|壮大|集聚|聚集|从事|产业分布")


def _named_as_sector(sentence: str, m: re.Match[str]) -> bool:
    if _FACILITY_AFTER.match(sentence, m.end()):
        return False  # 轨道交通1号线: a line being built, not a sector
    if _SECTOR_AFTER.match(sentence, m.end()) or _TARGETING.search(sentence):
        return True
    start = max(sentence.rfind(mark, 0, m.start()) for mark in "，,；;。") + 1
    ends = [i for i in (sentence.find(mark, m.end()) for mark in "，,；;。") if i >= 0]
    return _TARGETING_VERB.search(sentence, start, min(ends, default=len(sentence))) is not None


# The city or province as the subject of the sectors (全市重点发展…, 我省布局…): not the zone's.
_CITY_SUBJECT = re.compile(
    r"(?:^|[，。；,;])(?:全市|我市|本市|该市|全省|我省|本省|市委|市政府|省委|省政府)[^，。；,;]*$")


# A named city or county opening the clause (X市重点发展…): its sectors, not the zone's. A district
# (X区) is left out: a zone and the district it is run as one with share their sectors.
_PLACE_SUBJECT = re.compile(r"(?:^|(?<=[，。；,;]))([\u4e00-\u9fff]{2,4}?)[市县](?:委|政府)?[^，。；,;]*$")


# The same subject opening the sentence, for the clauses after it until a zone is named (X市在…,发展…).
_SENTENCE_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}?)[市县](?:委|政府)?(?=在|将|要|坚持|围绕|积极|大力|着力|重点)")


def _city_subject(sentence: str, start: int) -> bool:
    """Whether the clause holding ``start`` has the city, province or a named city or county as its subject."""
    if _CITY_SUBJECT.search(sentence, 0, start) is not None:
        return True
    place = _PLACE_SUBJECT.search(sentence, 0, start) or _SENTENCE_PLACE.match(sentence)
    return (place is not None and place.end(1) <= start and is_known_place(place.group(1))
            and ENDING_RE.search(sentence, place.end(1) + 1, start) is None)


# A company's products and their markets (主要生产…用轴承, 应用于新能源汽车领域) are no zone sector.
_PRODUCT_USE = re.compile(r"(?:生产|应用于|用于|适用于|配套)[^,，;；。]*$")


# A list of products or a pair of sectors named as a programme (A和B融合发展试点), or the field of a
# ranking (X热门榜单, X百强名单): no sectors of the zone.
_PRODUCTS_AFTER = re.compile(r"[^,，;；。]*?等产品|[^,，;；。]{0,12}?融合发展|[^,，;；。、]{0,4}?(?:榜单|排行榜|名单)")


def _product_use(sentence: str, m: re.Match[str]) -> bool:
    """Whether the term names what one company's products serve, not a sector the zone targets."""
    return (sentence.startswith("用", m.end()) or _PRODUCT_USE.search(sentence, 0, m.start()) is not None
            or _PRODUCTS_AFTER.match(sentence, m.end()) is not None)


def _inside_project_name(sentence: str, end: int) -> bool:
    """Whether the term is part of a project's name (…新能源汽车器件生产项目)."""
    m = _PROJECT_TAIL.match(sentence, end)
    return m is not None and m.group(1) not in ("", "产业")


def _listed_industries(sentence: str, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Every item of a sector list ("围绕A、B、C等领域") mostly made of known terms."""
    lexicon = _industry_re()
    for m in _LIST_CUE.finditer(sentence):
        start = _after_taken(sentence, m.start(1), m.end(1), taken)
        text = sentence[start:m.end(1)]
        rest, _ = cut_after_stop(text, _INDUSTRY_STOPS)
        items = _counted_split(_split_items(rest), sentence[m.end(1):m.end()])
        sectors = [item for item in items if not _project_work(item)]
        known = sum(1 for item in sectors if _sector_like(item, lexicon))
        events = any(word in item for item in items for word in _NOT_SECTOR)
        if _DEFINITION.search(sentence[:m.start(1)]):
            continue
        if len(items) < 2 or 2 * known < len(sectors) or events or overlaps(start, m.end(), taken):
            continue
        if _describes_no_sectors(sentence, m, items):
            continue
        offset = start + len(text) - len(rest)
        for item in sectors:
            position = sentence.find(item, offset)
            name = _industry_name(item)
            if name and _sector_like(item, lexicon):
                yield Candidate(EntityType.INDUSTRY, name, position, position + len(item), True)


def _after_taken(sentence: str, start: int, end: int, taken: list[tuple[int, int]]) -> int:
    """Where a list's first item starts once a name taken inside that item (a park opening the clause,
    X产业园持续发力A、B产业) is left out."""
    first_item_end = sentence.find("、", start, end)
    ends = [e for s, e in taken if start < e <= first_item_end]
    return max(ends, default=start)


@lru_cache(maxsize=1)
def _sector_word_re() -> re.Pattern[str]:
    return re.compile(alternation(load_lexicon("sector_words")))


# A quote inside an item marks a figure of speech (科技“强引擎”), not a sector's name.
_INNER_QUOTE = re.compile(r"[^“「\s]+[“「]")
# What an item naming a concern, a plan or a principle ends with (产城融合, 前沿问题): never a sector.
_ABSTRACT_END = re.compile(r"(?:融合|问题|改革|治理|保障|民生|机制|模式|理念|体系|建设|环境)$")


def _sector_like(item: str, lexicon: re.Pattern[str]) -> bool:
    """Whether a list item reads as a sector: a lexicon term, a trade word (电子科技) or a declared sector noun."""
    if _ABSTRACT_END.search(item) or _INNER_QUOTE.search(item):
        return False
    return bool(lexicon.search(item) or _sector_word_re().search(item) or _SECTOR_NOUN.search(clean_name(item)))


# A list of trades that describes firms, not the zone's sectors (涉及整车、装备制造等行业龙头企业).
# … or of one firm (是一家集A、B等行业的多元化集团公司).
_FIRMS_AFTER = re.compile(r"(?:的)?(?:龙头|骨干)企业|的[\u4e00-\u9fff]{0,8}(?:公司|集团)")
# Kinds of projects listed as "领域" (工业、基础设施、民生工程等5个领域): categories, not sectors.
_PROJECT_KINDS = ("基础设施", "民生", "社会事业", "社会民生", "城建", "市政")
def _describes_no_sectors(sentence: str, m: re.Match[str], items: list[str]) -> bool:
    """The trades of some firms (…等行业龙头企业), or kinds of projects (基础设施、民生工程等领域)."""
    works = sum(1 for item in items if _project_work(item))
    return (_FIRMS_AFTER.match(sentence, m.end()) is not None or _PROJECTS_COUNTED.match(sentence, m.end()) is not None
            or 2 * works >= len(items) or _owned_by_place(sentence, m.end(1)))


# A list closed by a province's or city's possessive (A、B等X省的重点产业): that place's sectors.
_PLACE_OWNER = re.compile(r"[^、，。；,;]{0,12}?等([\u4e00-\u9fff]{2,3}?)[省市]?的")


def _owned_by_place(sentence: str, end: int) -> bool:
    owner = _PLACE_OWNER.match(sentence, end)
    return owner is not None and is_known_place(owner.group(1))


def _project_work(item: str) -> bool:
    """A kind of project work listed among sectors (基础设施配套, 标准厂房, 新农村建设): no sector itself."""
    return item.startswith(_PROJECT_KINDS) or item.endswith(_WORKS)


_WORKS = ("建设", "工程", "整治", "厂房", "配套")
# A count of projects right after the list (A、B、C产业等16个项目): the kinds of some projects, not sectors.
_PROJECTS_COUNTED = re.compile(r"等?[\d一二三四五六七八九十两]+个(?:重点|重大)?项目")


def _vetoed_lists(sentence: str) -> list[tuple[int, int]]:
    """Spans of lists that name no sectors: no lexicon term inside them counts either."""
    return [(m.start(1), m.end()) for m in _LIST_CUE.finditer(sentence)
            if _describes_no_sectors(sentence, m, _split_items(m.group(1)))]


# An item that declares itself a sector (移动通信产业, 重型机械制造业): the generic industry noun.
_SECTOR_NOUN = re.compile(r"[^\d]{2,}(?:产业|制造业|服务业)$")
# A definition of a title or term ("认定范围主要是…", "是指…"): its sectors are not the zone's.
_DEFINITION = re.compile(r"认定范围|是指|指的是|定义为|即[^,，。]{0,6}型|[”\"」]指")
# What a cluster is, not its sector: scale, reach and kind words (百亿, 全球知名高端, 未来, 先进制造业).
_CLUSTER_QUALIFIER = re.compile(
    r"^(?:全球|世界|知名|高端|未来|百亿|千亿|万亿|上下游|战略性新兴|新兴|优势|特色|现代|创新型)+$"
    r"|(?:高端|型|级|知名)$")
_CLUSTER = re.compile(rf"([{CJK}]{{2,12}}?)(?:产业)?集群")
# Words of a clause, never of a sector's name (形成了完整的X产业链).
_CAUSATIVE = frozenset("使让令")
_CLAUSE_WORDS = re.compile(r"[的了已且将把被]|形成|完整|打造|延伸|构建")
# A sector named as the zone's industry chain at the head of its paragraph or clause (X产业链方面, X产业链:).
_CHAIN = re.compile(rf"(?:^|(?<=[，。；：,;:]))([{CJK}]{{2,10}}?)产业链(?=方面|[,，。；;:：])")
# The links of a chain written out before it ("硅棒-硅片-电池片-组件"全产业链): each link is a sector.
_CHAIN_LINKS = re.compile(
    rf"[{QUOTES}]?((?:[{CJK}]{{1,8}}[-—－→]){{2,}}[{CJK}]{{1,8}})[{QUOTES}]?(?:的)?(?:全产业链|产业链|完整产业链)")


def _chain_links(sentence: str, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    for m in _CHAIN_LINKS.finditer(sentence):
        if overlaps(m.start(1), m.end(1), taken):
            continue
        offset = m.start(1)
        for link in re.split(r"[-—－→]", m.group(1)):
            name = link.removesuffix("端")
            if len(name) >= 2 and not is_generic(name):
                yield Candidate(EntityType.INDUSTRY, name, offset, offset + len(name), True)
            offset += len(link) + 1


def _cluster_industries(sentence: str, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    """The sector of an industry cluster (打造工程机械产业集群) or of a chain heading (肉牛产业链方面)."""
    yield from _chain_links(sentence, taken)
    for m in _CHAIN.finditer(sentence):
        name = _industry_name(m.group(1))
        if name and not _CLAUSE_WORDS.search(name) and not overlaps(m.start(1), m.end(1), taken):
            yield Candidate(EntityType.INDUSTRY, name, m.start(1), m.end(1), True)
    for m in _CLUSTER.finditer(sentence):
        rest, _ = cut_after_stop(m.group(1), _INDUSTRY_LEFT)
        before = m.group(1)[:len(m.group(1)) - len(rest)]
        scoped = rest.startswith("级") or _SCOPE.match(rest) is not None or _SCOPE_BEFORE.search(before) is not None
        rest = _SCOPE.sub("", rest.lstrip("级"))
        name = _industry_name(rest)
        if name and (_CLUSTER_QUALIFIER.search(name) or scoped and name == "先进制造业"):
            continue  # 国家先进制造业集群 is a designation (an honour), not a sector
        if name and name[0] in _CAUSATIVE:
            continue  # 使产业集群优势凸显: a verb before the generic 产业, no sector
        if name and not overlaps(m.start(1), m.end(1), taken):
            yield Candidate(EntityType.INDUSTRY, name, m.end(1) - len(rest), m.end(1), True)


_COUNT = re.compile(r"([一二三四五六七八九十两]|\d+)(?:大|个)")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _counted_split(items: list[str], tail: str) -> list[str]:
    """Items joined by 及 are separate sectors when the list counts more items than 、 gives
    (新能源装备、汽车零部件及智能装备三大产业)."""
    count = _COUNT.search(tail)
    if count is None:
        return items
    wanted = int(count.group(1)) if count.group(1).isdigit() else _NUMERALS[count.group(1)]
    if len(items) >= wanted or not any("及" in item for item in items):
        return items
    return [part for item in items for part in item.split("及") if part]


def _split_items(text: str) -> list[str]:
    """List items split on 、; the last one also on 和 (医药健康和新能源). Items joined by 及 stay one
    (智能网联及新能源汽车), as the real pages' readers annotate them, unless 及 joins only the last item:
    then it is the list's own conjunction (精密机械、绿能、通讯及光电元件)."""
    items = [item for item in text.split("、") if item]
    if len(items) >= 2 and not any("及" in item for item in items[:-1]):
        parts = items[-1].split("及")
        if len(parts) == 2 and all(len(clean_name(part)) >= 2 for part in parts):
            items[-1:] = parts
    if items and "和" in items[-1] and not _industry_re().fullmatch(clean_name(items[-1])):
        items[-1:] = [part for part in items[-1].split("和") if part]
    if items and "与" in items[-1] and not _industry_re().fullmatch(clean_name(items[-1])):
        parts = [part for part in items[-1].split("与") if part]  # 半导体与智慧制造: two sectors, each known
        if all(_industry_re().fullmatch(clean_name(part)) for part in parts):
            items[-1:] = parts
    return items


# A count and kind after the last item of a list (…加工四大主导产业集群): not part of the sector's name.
_COUNTED_KIND = re.compile(r"[一二三四五六七八九十两\d]+大(?:主导|支柱|重点|新兴|特色|优势|核心)?$")


# Words that make 产业 a kind of industry rather than a sector (未来产业, 主导产业): kept whole.
_KIND_OF_INDUSTRY = frozenset({"未来", "新兴", "主导", "优势", "特色", "支柱", "传统", "重点", "首位", "朝阳"})


def _industry_name(item: str) -> str | None:
    """The industry a list item names, or None when it is no sector."""
    name = _COUNTED_KIND.sub("", clean_name(item))
    if name.endswith("产业") and len(name) >= 4 and name[:-2] not in _KIND_OF_INDUSTRY:
        name = name[:-2]
    if not 2 <= len(name) <= 14 or _FIGURE.search(name) or is_generic(name) or "基础设施" in name \
            or name.endswith(("性", "建设")) \
            or any(word in name for word in _NOT_SECTOR):
        return None
    return name


def _left_bounded(sentence: str, start: int) -> bool:
    """Whether a term starting at ``start`` begins a word (not the tail of a longer name)."""
    if start == 0 or not _WORD_CHAR.match(sentence[start - 1]):
        return True
    before = sentence[max(0, start - 4):start]
    return before.endswith(_INDUSTRY_LEFT)


def _inside_long_quote(quoted: list[bool], m: re.Match[str], sentence: str) -> bool:
    """Whether the term lies inside a quoted title longer than itself (a project name)."""
    if not quoted[m.start()]:
        return False
    left = sentence.rfind("“", 0, m.start())
    right = sentence.find("”", m.end())
    return right == -1 or (right - left - 1) > len(m.group()) + 2
