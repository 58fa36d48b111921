"""The company a project is named after ("宏宇汽车零部件项目" → 宏宇), when the name shows one.

FORMAT.md: only a recognisable company name or brand counts, not a product or
industry word ("碳纤维预浸料项目" names no company). Tried in order:

1. a legal company name opening the project name (X有限公司研发大楼 → X有限公司);
2. a short name ending in a business word that names firms (澜图科技新材料 → 澜图科技), not in a
   product word (艾澜新能源汽车部件 is 艾澜's project, not 艾澜新能源's);
3. a Han brand before Latin letters or digits (华芯微电3D封装芯片 → 华芯微电);
4. a brand no dictionary knows, followed by a dictionary word (宏宇汽车零部件 → 宏宇); a raw material
   or food written as one character ends it (甲乙钾资源 → 甲乙).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from ingest.extract.patterns import COMPANY_SUFFIX_RE, ENTERPRISE_ENDINGS, HAN, LEGAL_COMPANY_RE, PLACE_PREFIX_RE
from ingest.extract.zones import is_dictionary_word, word_tag

# Business words that describe what a firm makes rather than end its name.
PRODUCT_WORDS = ("新能源", "能源", "汽车", "动力", "电池", "芯片", "光伏", "氢能", "储能", "健康", "医疗", "食品",
                 "物流", "数据", "材料", "新材料", "装备", "纺织", "显示", "存储", "电源", "基因", "包装", "模具",
                 "量子", "激光", "光学", "航空", "船舶", "智算", "零售", "游戏", "展示", "电影", "建设", "工程",
                 "智能", "智造", "智控")
_FIRM_ENDINGS = tuple(end for end in ENTERPRISE_ENDINGS if end not in PRODUCT_WORDS)
_LATIN_AFTER = re.compile(rf"([{HAN}]{{2,6}}?)[A-Za-z0-9]")
# A firm before its yearly output (X工贸年产5万吨…): all of it names the firm.
_OUTPUT_AFTER = re.compile(rf"([{HAN}]{{2,8}}?)年产")
_MIN_BRAND, _MAX_BRAND = 2, 4
# Characters that name a raw material or a food on their own (钾, 锂, 奶, 油): after a brand they are its product.
_PRODUCT_CHARS = frozenset("钾钠锂镁铝铜锌钛硅磷硼钢铁煤奶乳茶酒油米面糖盐肉蛋")
# Countries and regions named before a foreign company's name (德国X, 台湾X).
ORIGIN_RE = re.compile(r"^(?:中国台湾|台湾|香港|澳门|德国|美国|日本|韩国|法国|英国|意大利|瑞士|荷兰|瑞典|丹麦|芬兰|"
                       r"挪威|比利时|奥地利|西班牙|加拿大|澳大利亚|以色列|新加坡|马来西亚|泰国|印度|俄罗斯)")
_PHASE_SUFFIX = re.compile(r"[一二三四五六七八九十\d]+期(?:项目)?$")
# Names of works, not firms (兴园路, 敬老院).
_FACILITY_END = re.compile(r"[路河桥港湖山段院馆站场塘渠]$|[及和与的等]")
# 科技城, 科技园: a business word that starts the name of a place, not the end of a firm's name.
_PLACE_AFTER = re.compile(r"[城园谷]")
_MODIFIER_END = re.compile(r"(?:高端|新型|先进|大型|现代|绿色|智慧)$")
# Abbreviations of kinds of firms or works, not of one firm.
_GENERIC_SHORT_FORMS = frozenset({"国企", "民企", "央企", "外企", "私企", "技改", "科研", "高校", "三资", "双创"})
# A group, works or institute opening a project's name: the organisation is the investor.
_ORG_OPENING = re.compile(
    rf"(?P<org>(?P<body>[{HAN}A-Za-z]{{2,8}}?)(?:集团|总厂|研究院|研究所))(?=[{HAN}A-Za-z0-9]{{2}})")
# 国际 before works it names (国际会展中心, 国际陆港, 国际商贸城) belongs to the works, not to a firm's name.
_INTERNATIONAL_WORKS = re.compile(r"会展|博览|商贸|物流|空港|陆港|港|酒店|学校|社区|医院|中心|广场|大厦|城")
_RARE = 50
_VERY_COMMON = 1000


@lru_cache(maxsize=4096)
def company_of_project(name: str) -> str | None:
    """The company at the start of a project name, if visible (see the module docstring).

    A nationality or place prefix is not part of the company (台湾X电机项目 → X, as FORMAT.md drops it).
    A short name must end where a word ends (华为|人工智能, not 华为人工|智能) and must not end in an
    adjective that opens the next word (北方|大健康, 甲乙|半导体).
    """
    whole = _named_by_company(name)
    if whole:
        return whole
    company = _company_at_start(name)
    if company is None:
        place = _company_place(name)  # FORMAT.md drops a place prefix (湖北X医疗器械研发基地 → X医疗器械)
        return company_of_project(name[place:]) if place else None
    if LEGAL_COMPANY_RE.fullmatch(company) or name.startswith(company + "集团"):
        return company
    if _PLACE_WORKS.search(name) and not COMPANY_SUFFIX_RE.search(company):
        return None  # X科技城, X创业谷, X小镇: a place named so, not a firm's project (a group's is read above)
    if company[0] in _ZONE_KIND_CHARS or company in _GENERIC_SHORT_FORMS or _PARK_AFTER.match(name, len(company)) \
            or _GLUED_ADJECTIVE.search(company) and is_dictionary_word(company[:-1], 1):
        return None  # 北方|大健康: a common word and the adjective of the next one
    return company if _ends_a_word(name, len(company)) else None


def _company_place(name: str) -> int:
    """Where the name goes on after a province or city written as a firm's prefix (湖北|X, 武汉|X),
    not as an administrative body (X市|, X县|) or a zone's place (X|新区); 0 when none."""
    place = PLACE_PREFIX_RE.match(name)
    if place is None or len(name) - place.end() < 4 or re.search(r"[省市县区]$", place.group()) \
            or re.match(r"[省市县区镇]|新区|开发区|高新区|经开区", name[place.end():]):
        return 0
    return place.end()


# Words after a brand that name what is built or when, not the firm (X总部, X二期, X厂房).
_WORKS_WORD = re.compile(r"总部|基地|中心|厂房|大楼|园区|工程|[一二三四五六七八九十\d]期|生产|建设|加工|产业|小镇|广场|"
                         r"公园|校区|学校|医院|酒店|大厦|商场|街区|码头|机组|博士|教授|院士")


def _named_by_company(name: str) -> str | None:
    """A project known only by its company, "<brand><one business word>" (X激光, X钢构, X电缆): the
    whole name is the company (FORMAT.md: such a project is "<company>项目").

    >>> _named_by_company("青澜电缆"), _named_by_company("青澜总部"), _named_by_company("智能制造")
    ('青澜电缆', None, None)
    """
    body = name[_company_place(name):]
    if not 4 <= len(body) <= 5:
        return None
    *brand_words, word = _words(body)
    brand = body[:-len(word)]
    if len(word) != 2 or not 2 <= len(brand) <= 3 or _WORKS_WORD.search(word) \
            or not (word_tag(word).startswith(("n", "j")) or word in ENTERPRISE_ENDINGS) \
            or not all(len(w) == 1 and re.fullmatch(f"[{HAN}]", w) or word_tag(w) in _NAME_TAGS for w in brand_words):
        return None
    return body if _brand_like(brand) or _is_rare_proper_name(brand) else None


# Dictionary tags of words that may be a brand: person, other proper and organisation names, abbreviations.
_NAME_TAGS = ("nr", "nz", "nt", "j")


# Works that are places: a town, a valley of start-ups, a village, a "city" of firms.
_PLACE_WORKS = re.compile(r"(?:谷|城|村|小镇)(?:[一二三四五六七八九十\d]+期)?(?:项目)?$")


# Characters that open a following word rather than end a brand (大健康, 新材料, 半导体, 小家电).
_GLUED_ADJECTIVE = re.compile(r"[大新小半老]$")
# The kind of a zone or place left over from a name cut after it (…开发区|绿色新能源): no brand opens so.
_ZONE_KIND_CHARS = "区园县市镇乡"
# A park's kind right after the "brand": the brand is the park's place (X工业园标准厂房项目).
_PARK_AFTER = re.compile(r"(?:工业|产业|科技|创业|物流)?(?:园区?|开发区|新区|工业区|集聚区)")


def _ends_a_word(name: str, end: int) -> bool:
    """Whether ``end`` of ``name`` is no cut through a word: no dictionary word runs two or more
    characters past it from a part of the brand that is no business word (甲乙人工|智能 is cut,
    X机械|制造 and X鼎|新能源 are not)."""
    position = 0
    for word in _words(name):
        start, position = position, position + len(word)
        if start < end < position:
            return position - end < 2 or name[start:end].endswith(ENTERPRISE_ENDINGS)
        if position >= end:
            break
    return True


def _company_at_start(name: str) -> str | None:
    from ingest.extract.boundaries import zone_prefix

    if zone_prefix(name):
        return None  # named after the zone (X高新区总部经济大楼), not a company
    origin = ORIGIN_RE.match(name)
    if origin and len(name) - origin.end() >= 4:
        name = name[origin.end():]
    phased = _PHASE_SUFFIX.sub("", name)
    if phased != name and len(phased) <= 6 and phased.endswith(ENTERPRISE_ENDINGS):
        return phased  # a company's next phase (云澜存储二期)
    legal = LEGAL_COMPANY_RE.match(name)
    if legal and legal.end() < len(name):
        return legal.group()
    body = _ORG_OPENING.match(name)
    if body and not _common_body(body.group("body")):
        return body.group("org")  # X集团Y项目, X总厂Y项目, X研究院Y产业园
    for size in range(4, min(len(name), 6) + 1):
        prefix = name[:size]
        ending = next((end for end in _FIRM_ENDINGS if prefix.endswith(end) and len(prefix) > len(end) + 1), None)
        if ending == "国际" and _INTERNATIONAL_WORKS.match(name, size):
            return None  # X国际会展中心, X国际陆港: works named after a place, no firm
        if ending and not _common_body(prefix[:-len(ending)]) and not _PLACE_AFTER.match(name, size):
            return prefix
    if len(name) > 6 and any(name[4:].startswith(end) for end in _FIRM_ENDINGS):
        return name[:4]
    if name.startswith("年产"):
        return None  # a product by its yearly output, no brand
    output = _OUTPUT_AFTER.match(name)
    if output:
        return output.group(1)
    latin = _LATIN_AFTER.match(name)
    if latin and not word_tag(latin.group(1)).startswith(("m", "b", "t", "v")):  # 二期100万吨…: no brand
        brand = latin.group(1)
        while len(brand) > 3 and is_dictionary_word(brand[-2:], 100) and brand[-2:] not in ENTERPRISE_ENDINGS:
            brand = brand[:-2]  # a modifier before the Latin product name (X高端PCB)
        return brand
    return brand_before_business_word(name) or unknown_brand(name)


def brand_before_business_word(name: str) -> str | None:
    """A 2–4 character brand before a business word; the longest business word wins
    (中澜|新能源 rather than 中澜新|能源).

    >>> brand_before_business_word("联帆天翼新能源产业基地"), brand_before_business_word("数字新材料产业园")
    ('联帆天翼', None)
    """
    best: tuple[int, str] | None = None
    for size in range(_MIN_BRAND, min(_MAX_BRAND, len(name) - 2) + 1):
        ending = max((end for end in ENTERPRISE_ENDINGS if name.startswith(end, size)), key=len, default="")
        if ending and (best is None or len(ending) > best[0]):
            best = (len(ending), name[:size])
    if best is None:
        return None
    brand, ending = best[1], name[len(best[1]):len(best[1]) + best[0]]
    modifier = _MODIFIER_END.search(brand)
    if modifier and modifier.start() >= _MIN_BRAND:
        brand = brand[: modifier.start()]  # 甲乙高端|智能化装备: the modifier describes the product
        return brand if _brand_like(brand) or _is_firm_word(brand) else None
    if _brand_like(brand) or _is_rare_proper_name(brand):
        return brand
    if word_tag(brand) in ("ns", "nr", "nz") and not _common_body(brand):
        return brand + ending  # a known word is no brand alone, but with its business word it names a firm (江岚氢能)
    return None


def _common_body(body: str) -> bool:
    """A place, a zone or a very common word before a business word is no brand (数字智造…, 经开区半导体…)."""
    return bool(PLACE_PREFIX_RE.fullmatch(body)) or is_dictionary_word(body, _VERY_COMMON) \
        or body.endswith(("区", "园")) or body in _ZONE_SHORT_FORMS \
        or body[:2] in _ZONE_SHORT_FORMS and body[2:] in ENTERPRISE_ENDINGS


# Short forms of a zone's kind (高新科技孵化园: the zone's, not a firm 高新科技).
_ZONE_SHORT_FORMS = frozenset({"高新", "经开", "综保", "自贸", "保税"})


def _brand_like(brand: str) -> bool:
    """Not a dictionary word, a place, a facility, a phrase (及/和…) or generic words only."""
    from ingest.extract.boundaries import generic_only

    return not (is_dictionary_word(brand, 1) or _common_body(brand) or PLACE_PREFIX_RE.match(brand)
                or _FACILITY_END.search(brand)
                or brand.endswith(PRODUCT_WORDS + ENTERPRISE_ENDINGS) or generic_only(brand))


@lru_cache(maxsize=4096)
def unknown_brand(name: str) -> str | None:
    """The leading characters no dictionary word covers, when 2–4 of them come before a word.

    >>> unknown_brand("宏宇汽车零部件"), unknown_brand("碳纤维预浸料")
    ('宏宇', None)
    """
    tokens = _words(name)
    if tokens and (_is_rare_proper_name(tokens[0]) and tokens[0][-1] not in _PRODUCT_CHARS
                   or _is_firm_word(tokens[0])):
        brand = tokens[0]  # a brand the dictionary knows as a rare proper name, not a material (多晶硅)
    else:
        brand = ""
        for token in tokens:
            if len(brand) == 1 and word_tag(token) in ("nr", "nz", "ns") and not is_dictionary_word(token, _RARE):
                brand += token  # one unknown character before a rare proper name (甲|思达 → 甲思达)
                break
            if len(token) > 1 or not re.fullmatch(f"[{HAN}]", token):
                break
            brand += token
        if is_dictionary_word(brand, 1):
            return None
        product = next((at for at in range(_MIN_BRAND, len(brand)) if brand[at] in _PRODUCT_CHARS), None)
        if product:
            brand = brand[:product]  # 甲乙|钾资源, 甲乙丙|煤机部件: a raw material or food after the brand
    if len(brand) > _MIN_BRAND and _GLUED_ADJECTIVE.search(brand):
        brand = brand[:-1]  # 甲乙半|硼钢: the adjective belongs to the product
    rest = name[len(brand):]
    if not (_MIN_BRAND <= len(brand) <= _MAX_BRAND) or len(rest) < 2 or not re.match(f"[{HAN}]{{2}}", rest):
        return None
    return None if PLACE_PREFIX_RE.match(brand) or _FACILITY_END.search(brand) or _common_body(brand) else brand


def _is_firm_word(word: str) -> bool:
    """A word the dictionary marks as an abbreviation (j: 上汽, 中粮) or organisation (nt), not a generic one."""
    return 2 <= len(word) <= 3 and word_tag(word) in ("j", "nt") and word not in _GENERIC_SHORT_FORMS


def _is_rare_proper_name(word: str) -> bool:
    return word_tag(word) in ("nr", "nz", "nt") and not is_dictionary_word(word, _RARE)


def _words(text: str) -> list[str]:
    """Dictionary segmentation without guessing unknown words (jieba, HMM off)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.lcut(text, HMM=False)
