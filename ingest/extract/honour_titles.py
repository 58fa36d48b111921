"""Honour titles: what counts as one, the items a cue lists, its name cleaned of quotes, years, batches and 名单/称号,
and one name for an honour a document names in short and in full (省级企业技术中心 / <省名>企业技术中心)."""

from __future__ import annotations

import re

from ingest.extract.patterns import HAN, HONOUR_ENDINGS, HONOUR_TITLES

_GENERIC_TITLE_ENDINGS = {"企业", "冠军", "奖", "载体", "基地", "园区", "单位", "计划", "项目", "总部", "榜",
                          "试验区", "核心区", "企业技术中心", "集群", "试点", "培育对象", "案例", "称号",
                          "劳动模范", "先进个人", "工匠", "奖章", "优秀场景", "示范工厂", "试点区域", "示范区域"}
# Ranked lists a company enters (…服务商TOP30, …50强) are honours too.
_RANKED_LIST = re.compile(r"(?:TOP|Top|top)\d+$|\d+强$")
# A year or period opening a title ("2023年度专精特新企业"): the year belongs to the fact.
_TITLE_YEAR = re.compile(r"^(?:20\d\d|19\d\d)年(?:度)?")
# Words after a title that are not part of it (…企业名单以来).
_TITLE_TAIL = re.compile(r"(?:(?:创建|培育|建设)?(?:名单|榜单))(?:以来|之后|后|中|内)?$|(?:以来|之后)$")
_TITLE_ENDINGS = tuple(sorted(set(HONOUR_ENDINGS) | _GENERIC_TITLE_ENDINGS, key=len, reverse=True))
# A batch number before a title (第五批), with the ministry or bureau that names it (工信部第五批): not part of the
# honour; 首批 is (首批…试点).
BATCH_RE = re.compile(r"^(?:关于)?(?:(?:[\u4e00-\u9fff]{1,6}?[部厅局委])?第[一二三四五六七八九十\d]+批)?")


def unquoted(text: str) -> str:
    """The text without quotes, book-title marks and whitespace."""
    return re.sub(r"[“”\"‘’「」《》\s]", "", text)


# A levelled research carrier (省级工程技术研究中心) or a commended zone (省级优秀开发区) is a designation.
_LEVELLED_CARRIER = re.compile(r"^(?:国家|省|市|[\u4e00-\u9fff]{2,3}[省市]).*(?:研究中心|设计中心|实验室|技术中心)$")
_COMMENDED_ZONE = re.compile(r"(?:先进|优秀|示范|十佳|标杆|明星)(?:开发区|园区|高新区|经开区)$")


# A strong title (…示范园区, …试点单位) starts after the last of these words: verbs of getting, seeking or
# meeting a title (认定, 申报, 符合), and a count of holders (两家).
TITLE_LEFT_WORDS = re.compile(
    r"^.*(?:作为|成为|升级为|评为|列为|推进|发挥|争创|建设|创建|打造|助推|的|在|和|、|成功|获评|获批|获得|入选|获"
    r"|认定|申报|符合|[两二三四五六七八九十\d]+家)")
# Verbs of settling, signing, building or being awarded: a phrase with one is an event, never a title
# (3家公司入驻X园区, 3家企业获评X).
_EVENT_VERBS = re.compile(r"入驻|进驻|落户|签约|迁入|开工|投产|申报|获评|荣获|入选|评为")


def is_honour(name: str) -> bool:
    """A title-like name: a lexicon title or a name with a title ending."""
    if len(name) < 4 or re.match(r"[\d一二三四五六七八九十]+[项个家]", name) or _EVENT_VERBS.search(name):
        return False
    return (name in HONOUR_TITLES or name.endswith(_TITLE_ENDINGS) or _RANKED_LIST.search(name) is not None
            or _LEVELLED_CARRIER.match(name) is not None or _COMMENDED_ZONE.search(name) is not None)


# A bracketed qualifier after a title (单项冠军企业(产品)): the title is what comes before it.
_QUALIFIER = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]$")


def title_name(part: str) -> str:
    """The title as named: no quotes, no leading year or batch, no trailing 名单/称号."""
    name = _TITLE_TAIL.sub("", _QUALIFIER.sub("", unquoted(part)).rstrip("(（"))
    name = re.sub(r"(?:荣誉称号|称号|荣誉|认定)$", "", name)
    name = re.sub(r"^(?:建设|设立|创建|筹建)(?=国家|省|全国)", "", name)  # 获批建设国家X示范区
    # A programme's intake list names its title (X计划入库企业 → X企业).
    name = re.sub(r"计划拟?入库企业$", "企业", name)
    return BATCH_RE.sub("", _TITLE_YEAR.sub("", name))


# A title's level prefix (国家级, 省级, 安徽省, 苏州市) and a generic tail (类企业, 企业) around its core.
_LEVEL = re.compile(rf"^(?:国家级|国家|全国|省级|市级|自治区|[{HAN}]{{2,3}}?(?:省|市|自治区)(?!级))")
_CORE_TAIL = re.compile(r"(?:类企业|企业)$")


def _level(prefix: str) -> str:
    return next((kind for kind in ("国", "省", "市") if kind in prefix), "")


def fuller_titles(names: list[str]) -> dict[str, str]:
    """Short forms of an honour named in full elsewhere in the document: 省级企业技术中心 → <省名>企业技术中心,
    潜在独角兽 → <省名>潜在独角兽类企业. Only an unambiguous, level-compatible fuller form counts."""
    parts = {}
    for name in set(names):
        prefix = _LEVEL.match(name)
        head = prefix.group() if prefix else ""
        parts[name] = (head, _CORE_TAIL.sub("", name[len(head):]))
    renamed = {}
    for name, (head, core) in parts.items():
        fuller = [other for other, (other_head, other_core) in parts.items()
                  if other_core == core and len(core) >= 3 and len(other) > len(name) and other_head != head
                  and _level(head) in ("", _level(other_head))]
        if len(fuller) == 1:
            renamed[name] = fuller[0]
    return renamed


_ITEM_END = re.compile(
    r"(?<![一二三特])等(?!奖)(?:荣誉|称号|[\d一二三四五六七八九十]+个|奖项)?|荣誉称号|称号|立项|的|[\d]+个"
    r"|并(?=于|在|已|将|顺利|通过|成功)"  # 入选X试点并于2019年通过验收: the title ends before 并
)


def honours_after(clause: str, offset: int) -> list[tuple[int, int, str]]:
    """Honour items after a cue, up to 等/荣誉/the clause end; a list closed by 等称号/等荣誉 names titles
    whatever their endings (…特色产业园等称号), and a cue repeated before an item (、获X) is no part of it."""
    stop = _ITEM_END.search(clause)
    text = clause[:stop.start()] if stop else clause
    titled = stop is not None and re.search(r"称号|荣誉", stop.group()) is not None
    items, position = [], 0
    for part in _title_parts(text):
        cue = _ITEM_CUE.match(part)
        name = title_name(part[cue.end():] if cue else part)
        if is_honour(name) or titled and len(name) >= 4:
            items.append((offset + position + (cue.end() if cue else 0), offset + position + len(part), name))
        position += len(part) + 1
    return items


def _title_parts(text: str) -> list[str]:
    """Items split at 、 and 和, except a 和 inside one title (现代服务业和先进制造业融合发展试点)."""
    parts: list[str] = []
    for part in text.split("、"):
        halves = part.split("和")
        joined = is_honour(title_name(part)) and not is_honour(title_name(halves[0]))
        parts.extend([part] if joined else halves)
    return parts


_ITEM_CUE = re.compile(r"(?:荣获|获评|获批|入选|入围|获得|获)(?=[\u4e00-\u9fff“]{4})")
