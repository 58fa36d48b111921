"""Honours and who received them: "X、Y获评A", "被…评为A、B", "获评A、B等荣誉".

An honour is a list item after an award cue that ends like a title
(…企业, …冠军, …奖, …示范园区 …) or a generic title of the lexicon; titles
elsewhere count when they end in a strong honour ending (示范园区, 试点单位).
The recipient is the enterprise list before the cue, a legal company earlier
in the sentence, or the home zone when the clause has no other subject.
What counts as a title and its cleaned name live in honour_titles.py; the names
listed before a cue and the checks on them in honour_recipients.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.extract.honour_approvals import approved_titles
from ingest.extract.honour_recipients import (
    is_recipient_name,
    legal_company,
    opening_zone,
    recipients_before,
    split_names,
    zones_before,
)
from ingest.extract.honour_titles import BATCH_RE, TITLE_LEFT_WORDS, honours_after, is_honour, title_name, unquoted
from ingest.extract.patterns import HAN
from kg.model import EntityType

Key = tuple[EntityType, str]

CUE_RE = re.compile(
    r"被[^,，。;；]{0,8}?(?:评为|认定为|授予|列为)|分别获评|获评|荣获|荣膺|获得|入选|上榜|获批|认定为|评为|"
    r"授予|入围|(?:被)?(?:列入|纳入)(?=[^,，。;；]{2,30}名单)|成功创建|创成|升级为|成功申报|获颁|获选|荣登|摘得|夺得|斩获|榜上有名|通过(?=[^,，。；;]{4,30}认定)|"
    r"(?<![还但就这那也都])是(?=国家级|省级|市级|国家|全国)|(?<![捕收斩])获(?![得批评取悉颁选])"
)
# Aspirations ("将成为…示范园区", "努力建设…"): the title is a goal, not an honour held.
_GOAL = re.compile(r"将|力争|努力|致力|建设成|目标")
_STRONG_ENDINGS = ("示范园区", "试点园区", "试点单位", "质量奖")
STRONG_RE = re.compile(rf"[{HAN}](?:[{HAN}]|[-—－](?=[{HAN}])){{1,20}}?(?:{'|'.join(_STRONG_ENDINGS)})")
_ZONE_SUCCESS = re.compile(r"^[“”]?(?:顺利)?(?:通过验收|获批|成功创建|的优势|称号)|^的优势")
# "第五批专精特新“小巨人”企业名单…,A、B入选": the honour is the list the recipients enter.
_ROLL_RE = re.compile(
    r"(?:第[一二三四五六七八九十\d]+批|公布的|发布的|公示的|公布|发布|公示)?(?P<honour>[^,，。;；的]{3,24}?)(?:名单|榜单)"
)

# Holders counted but not named, right before the cue (园区3家企业, 7个社区治理项目, 共有14家企业).
_UNNAMED_HOLDERS = re.compile(
    r"(?:\d+|[两二三四五六七八九十百]+)(?:家|个|项|名)[^、，,；;]{0,8}(?:企业|项目|单位|公司|园区)(?:成功|顺利|先后|均|同时)?$")
# A subject that points back to the company of the sentences before.
_ANAPHOR_SUBJECT = re.compile(r"^(?:该公司|该企业|公司|企业|其)(?:又|还|也|已|先后|成功|均|曾)*$")
_ANAPHOR_OPENING = re.compile(r"(?:^|[,，;；])(?:该公司|该企业|企业|公司)")

_PERSON_HOLDER = re.compile(rf"^[{HAN}]*?(?:董事长|总经理|创始人|首席科学家|总裁|负责人|教授|博士)([{HAN}]{{2,3}})$")
_ZONE_WORDS = ("园区", "高新区", "开发区", "经开区", "本区", "该区", "我区", "全区")

# Openings of a clause that carry no subject: adverbs and times (又先后, 自2012年, 近日).
# Titles only a firm holds: a subjectless clause giving one is about a company, not the zone.
_FIRM_TITLES = ("企业", "独角兽", "瞪羚", "小巨人")
_SUBJECTLESS_LEAD = re.compile(
    r"^(?:又|还|并|也|已|逐步|先后|同时|成功|顺利|全年|自?今年|自?去年|此外|另外|近日|近年来|日前|"
    r"自?(?:20\d\d|19\d\d)年(?:以来)?|[\d一二三四五六七八九十]+月)*$")


@dataclass(frozen=True)
class Award:
    """An honour mention, with its recipient when the sentence names one."""

    honour: str
    start: int
    end: int
    recipient: Key | None = None
    recipient_start: int = 0
    recipient_end: int = 0
    anaphoric: bool = False  # the holder is the company of the sentences before (该公司获评…)


_TITLE_COUNTED = re.compile(r"(?P<t>[^,，;；、]{4,24}?)(?:\d+|[两二三四五六七八九十]+)家(?=[,，;；]|$)")


def _counted_roll(sentence: str, clause: re.Match[str]) -> tuple[int, int, str] | None:
    """"新增X企业3家,其中A、B入选": the counted title, when named holders enter it with no title of their own."""
    cue = CUE_RE.search(clause.group())
    if cue is None or honours_after(clause.group()[cue.end():], 0):
        return None
    if not recipients_before(clause.group()[:cue.start()], 0):
        return None
    return _counted_title_before(sentence, clause.start())


def _counted_title_before(sentence: str, end: int) -> tuple[int, int, str] | None:
    """"新增X企业3家,其中A、B入选": the counted title of the clause before."""
    head = sentence[:end].rstrip(",，;；")
    match = _TITLE_COUNTED.search(head)
    if match is None or match.end() != len(head):
        return None
    lead = re.match(r"^.*(?:新增|拥有|共有|培育|累计|已有)", match.group("t"))
    start = match.start("t") + (lead.end() if lead else 0)
    name = title_name(head[start:match.end("t")])
    return (start, match.end("t"), name) if is_honour(name) else None


def _roll(sentence: str, end: int) -> tuple[int, int, str] | None:
    """The honour roll named before ``end`` ("第五批专精特新“小巨人”企业名单"), if any."""
    found = None
    for match in _ROLL_RE.finditer(sentence[:end]):
        raw = BATCH_RE.sub("", re.sub(r"^.*(?:公布|发布|公示|在)|^.*中(?!小)", "", match.group("honour")))
        name = title_name(raw)
        if is_honour(name):
            found = (match.end("honour") - len(raw), match.end("honour"), name)
    return found


def _cue_awards(clause: str, offset: int, home: Key | None, company: tuple[int, int, str] | None,
                roll: tuple[int, int, str] | None = None, after_company: bool = False) -> list[Award]:
    cue = CUE_RE.search(clause)
    if cue is None:
        return []
    honours = honours_after(clause[cue.end():], offset + cue.end())
    if not honours and roll is not None and cue.group() in ("入选", "榜上有名"):
        honours = [roll]
    if cue.group().endswith("授予"):
        granted = _granted(honours)
        if granted:
            return granted
    before = clause[:cue.start()]
    zones = zones_before(before, offset)
    if zones:  # "白鹭高新区、青松开发区被认定为…": each zone holds the title
        return [Award(name, start, end, (EntityType.ZONE, who), ws, we)
                for start, end, name in honours for ws, we, who in zones]
    people = recipients_before(before, offset)
    if len(people) == 1 and people[0][2] in _ZONE_WORDS and home is not None:
        people = []  # "园区先后荣获…": the zone itself, as a subjectless clause
        before = ""
    awards = []
    for index, (start, end, name) in enumerate(honours):
        recipient: tuple[int, int, str] | None = None
        if people:
            recipient = people[index] if "分别" in clause and len(people) == len(honours) else None
            targets = [recipient] if recipient else people
        else:
            targets = [company] if company else []
        if not targets and _UNNAMED_HOLDERS.search(before):
            continue  # "3家企业入选…": a count of unnamed holders is an indicator, not an Honour (FORMAT.md)
        if not targets:
            # A zone's industry cluster (…产业集群入选…) stands for the zone.
            lead = before.strip()
            zone_ok = home is not None and (_SUBJECTLESS_LEAD.match(lead) is not None
                                            or re.sub(r"(?:成功|顺利|先后)$", "", lead).endswith("集群"))
            if zone_ok and name.endswith(_FIRM_TITLES):
                zone_ok = False  # "自去年入选…企业名单": a firm's title, so the company of the sentences before
                after_company = True
            anaphoric = not zone_ok and (_ANAPHOR_SUBJECT.match(lead) is not None
                                         or (after_company and _SUBJECTLESS_LEAD.match(lead) is not None))
            awards.append(Award(name, start, end, home if zone_ok else None, anaphoric=anaphoric))
            continue
        for who in targets:
            person = _PERSON_HOLDER.match(who[2])
            if person:  # "青松机器人董事长林向东入选…": the person, not the company
                offset_in = who[1] - len(person.group(1))
                awards.append(Award(name, start, end, (EntityType.PERSON, person.group(1)), offset_in, who[1]))
                continue
            awards.append(Award(name, start, end, (EntityType.ENTERPRISE, who[2]), who[0], who[1]))
    return awards


def _granted(honours: list[tuple[int, int, str]]) -> list[Award]:
    """授予青松开发区“绿色制造”示范园区荣誉称号: the zone or company named right after 授予 holds the title."""
    from ingest.extract.zones import find_zone_names

    awards = []
    for start, end, name in honours:
        zones = find_zone_names(name)
        company = legal_company(name)
        holder = ((EntityType.ZONE, zones[0][2].name, zones[0][1]) if zones and zones[0][0] == 0
                  else (EntityType.ENTERPRISE, company[2], company[1]) if company and company[0] == 0 else None)
        title = title_name(name[holder[2]:]) if holder else ""
        if holder and is_honour(title):
            awards.append(Award(title, start + holder[2], end, (holder[0], holder[1]), start, start + holder[2]))
    return awards


def _strong_awards(sentence: str, home: Key | None, taken: list[tuple[int, int]]) -> list[Award]:
    awards = []
    for match in STRONG_RE.finditer(sentence):
        lead = TITLE_LEFT_WORDS.match(match.group()[:-2])
        start = match.start() + (lead.end() if lead else 0)
        if any(s <= start < e or s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        name = unquoted(sentence[start:match.end()])
        if len(name) < 5:
            continue
        clause_start = max(sentence.rfind(mark, 0, start) for mark in ",，;；。") + 1
        if _GOAL.search(sentence[clause_start:start]):
            continue
        at_start = start == 0 or sentence[start - 1] in "“,，"
        success = _ZONE_SUCCESS.match(sentence[match.end():]) is not None
        recipient = home if success and (at_start or lead) else _zone_after_as(sentence, start, match.end())
        awards.append(Award(name, start, match.end(), recipient))
    return awards


def _zone_after_as(sentence: str, start: int, end: int) -> Key | None:
    """"作为<title>，<zone>…": the zone named right after holds the title."""
    if not sentence[:start].endswith("作为"):
        return None
    from ingest.extract.zones import find_zone_names

    after = sentence[end:end + 24].lstrip("”\",，")
    zones = find_zone_names(after)
    return (EntityType.ZONE, zones[0][2].name) if zones and zones[0][0] == 0 else None


# "A、B、C3家潜在独角兽": the N listed firms hold the title named after the count.
_COUNTED_HOLDERS = re.compile(
    r"((?:[^、，。；,;:：]{2,14}、)+[^、，。；,;:：]{2,14}?)(\d+|[两二三四五六七八九十]+)家([^、，。；,;和及]{2,12}?)(?=和|及|[，。；,;、]|$)")
_CHINESE_COUNT = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _counted_holders(sentence: str) -> list[Award]:
    awards = []
    for m in _COUNTED_HOLDERS.finditer(sentence):
        honour = title_name(m.group(3))
        count = m.group(2)
        number = int(count) if count.isdigit() else _CHINESE_COUNT.get(count, 0)
        items = m.group(1).split("、")
        items[0] = re.sub(r"^.*(?:包括|其中|如|有|和)", "", items[0])
        if number != len(items) or not (is_honour(honour) or honour.endswith(("独角兽", "瞪羚", "小巨人"))):
            continue
        start = m.end(1) - sum(len(item) + 1 for item in items) + 1
        for item in items:
            name = unquoted(item)
            if is_recipient_name(name):
                who = (EntityType.ENTERPRISE, name)
                awards.append(Award(honour, m.start(3), m.end(3), who, start, start + len(item)))
            start += len(item) + 1
    return awards


# "拥有国家级专精特新“小巨人”企业2家(A、B)": a counted title whose holders are named in brackets.
_BRACKETED_HOLDERS = re.compile(
    r"(?P<t>[^,，。;；、()（）]{4,30}?)(?P<n>\d+|[两二三四五六七八九十]+)家[(（](?P<names>[^()（）]{2,80})[)）]")
# Names in brackets after a count are names: only a digit or a generic word rules one out
# (a name such as 日升玻璃 opens with 日).
# A note in the brackets (唯一一家, 全市首家) names nobody.
_BRACKETED_NAME = re.compile(
    rf"(?!.*(?:企业|项目|公司$|唯一|首家|[一二两三四五六七八九十\d]+[家个]))[{HAN}A-Za-z]{{2,12}}"
    rf"|[{HAN}A-Za-z()（）]{{4,30}}有限公司")
_TITLE_LEAD = re.compile(
    r"^.*(?:聚集|集聚|拥有|共有|现有|已有|新增|培育|累计|其中|包括|有|获批|获评|入选|认定|荣获|评为)")


def _bracketed_holders(sentence: str) -> list[Award]:
    awards = []
    for m in _BRACKETED_HOLDERS.finditer(sentence) if "家(" in sentence or "家（" in sentence else ():
        lead = _TITLE_LEAD.match(m.group("t"))
        start = m.start("t") + (lead.end() if lead else 0)
        honour = title_name(sentence[start:m.end("t")])
        names = split_names(re.sub(r"等$", "", m.group("names")))
        if not is_honour(honour) or _number(m.group("n")) != len(names) \
                or not all(_BRACKETED_NAME.fullmatch(unquoted(n)) for n in names):
            continue
        position = m.start("names")
        for name in names:
            who = (EntityType.ENTERPRISE, unquoted(name))
            awards.append(Award(honour, start, m.end("t"), who, position, position + len(name)))
            position += len(name) + 1
    return awards


def find_awards(sentence: str, home: Key | None) -> list[Award]:
    """Every honour mention of a sentence with its recipient, if any."""
    awards: list[Award] = []
    company = legal_company(sentence)
    named = opening_zone(sentence)
    opened = (EntityType.ZONE, named) if named and home is not None else None
    for clause in re.finditer(r"[^,，;；。]+", sentence):
        # A clause opening with its cue ("被评为…") continues the enterprise of the clause before.
        carried = [a for a in awards if a.recipient and a.recipient[0] is EntityType.ENTERPRISE]
        subject = company
        if carried and CUE_RE.match(clause.group()):
            last = carried[-1]
            subject = (last.recipient_start, last.recipient_end, last.recipient[1])
        roll = _roll(sentence, clause.start()) if "单" in sentence[:clause.start()] else None  # 名单, 榜单
        roll = roll or _counted_roll(sentence, clause)
        # A clause after one about a company ("企业迎来…,先后入选…") continues that company, not the zone.
        zone = None if re.search(r"企业|公司", sentence[:clause.start()]) else opened or home
        after_company = _ANAPHOR_OPENING.search(sentence[:clause.start()]) is not None
        awards.extend(_cue_awards(clause.group(), clause.start(), zone, subject, roll, after_company))
    approved = [Award(title, start, end, (EntityType.ZONE, zone[2]), zone[0], zone[1])
                for start, end, title, zone in approved_titles(sentence)]
    awards = [a for a in awards if (a.start, a.end) not in {(b.start, b.end) for b in approved}] + approved
    awards.extend(_strong_awards(sentence, home, [(a.start, a.end) for a in awards]))
    unveiled = _unveiled_titles(sentence, home)
    spans = {(a.start, a.end) for a in unveiled}
    awards = [a for a in awards if (a.start, a.end) not in spans] + unveiled
    awards = _named_after(sentence, awards) + _counted_holders(sentence) + _talent_awards(sentence) \
        + _bracketed_holders(sentence)
    return [_full_group_name(sentence, a) for a in awards]


def _full_group_name(sentence: str, award: Award) -> Award:
    """"华康、远帆入选…,远帆集团获评…": a short holder is the group the sentence names in full."""
    if award.recipient is None or award.recipient[0] is not EntityType.ENTERPRISE:
        return award
    short = award.recipient[1]
    full = re.search(re.escape(short) + r"(?:控股集团|集团|控股)", sentence)
    if full is None or len(short) < 2:
        return award
    return replace(award, recipient=(EntityType.ENTERPRISE, full.group()))


# "…获得A称号,分别是X和Y" / "3家A所在企业…,分别是X、Y、Z": the holders are named after the honour.
_NAMED_AFTER = re.compile(r"(?:分别是|分别为)[:：,，]*(?P<names>[^。；;:：,，!！]+)[。；;!！]?$")
_COUNTED_TITLE = re.compile(r"(?P<n>\d+|[两二三四五六七八九十]+)家(?P<t>[^,，。;；]{4,20}?)(?=所在|位于|的|[,，]|$)")


def _named_after(sentence: str, awards: list[Award]) -> list[Award]:
    listed = _NAMED_AFTER.search(sentence)
    if listed is None:
        return awards
    text = re.sub(r"等$", "", listed.group("names"))
    names = split_names(text)
    if not all(is_recipient_name(unquoted(n)) for n in names):
        return awards
    # An honour with no holder yet, or one given to a company of the list itself.
    open_awards = [a for a in awards if a.end <= listed.start()
                   and (a.recipient is None or a.recipient_start >= listed.start("names"))]
    before = sentence[:listed.start()]
    count = re.search(r"(\d+|[两二三四五六七八九十]+)家", before)
    honour = (open_awards[-1].honour, open_awards[-1].start, open_awards[-1].end) if open_awards else None
    counted = _COUNTED_TITLE.search(before)
    title = counted and not CUE_RE.search(counted.group("t")) and title_name(counted.group("t"))
    if honour is None and counted and title and is_honour(title):
        honour = (title, counted.start("t"), counted.end("t"))
    if honour is None or (count and _number(count.group(1)) != len(names)):
        return awards
    awards = [a for a in awards if a not in open_awards[-1:]]
    start = listed.start("names")
    for name in names:
        who = (EntityType.ENTERPRISE, unquoted(name))
        awards.append(Award(honour[0], honour[1], honour[2], who, start, start + len(name)))
        start += len(name) + 1
    return awards


# A talent title before a person who leads a team ("“国千”创新人才X团队", "国家级人才计划专家X教授").
_TALENT = re.compile(
    rf"(?:“(?P<quoted>[^”]{{2,12}})”|(?P<plain>国家级人才计划|[{HAN}]{{2,8}}(?:学者|杰青|万人计划|千人计划)))"
    rf"(?:入选者|专家|创新人才|创业人才|领军人才|高层次人才|人才)?(?P<person>[{HAN}]{{2,3}}?)(?=团队|博士|教授|院士)")


def _talent_awards(sentence: str) -> list[Award]:
    awards = []
    for match in _TALENT.finditer(sentence):
        if match.group("quoted") and not re.search(r"人才|专家", match.group()[len(match.group("quoted")) + 2:]):
            continue  # a quoted word before a name is a talent title only when 人才/专家 follows it
        kind = "quoted" if match.group("quoted") else "plain"
        lead = re.match(r"^.*(?:引进|引入|聘请|邀请|包括|拥有|的|和|、)", match.group(kind))
        start = match.start(kind) + (lead.end() if lead else 0)
        who = (EntityType.PERSON, match.group("person"))
        awards.append(Award(sentence[start:match.end(kind)].strip("“”"), start, match.end(kind), who,
                            match.start("person"), match.end("person")))
    return awards


# "举行“国家X基地”、“Y试点园区”揭牌": plaques of national or provincial titles unveiled by the zone.
_UNVEILED = re.compile(r"((?:“[^“”]{4,30}”[、和及]?)+)(?:正式)?揭牌")
_RANKED_TITLE = re.compile(r"国家|全国|省级|示范|试点")


def _unveiled_titles(sentence: str, home: Key | None) -> list[Award]:
    if home is None or legal_company(sentence) is not None:
        return []
    awards = []
    for match in _UNVEILED.finditer(sentence):
        for title in re.finditer(r"“([^“”]+)”", match.group(1)):
            name = title_name(title.group(1))
            if is_honour(name) and _RANKED_TITLE.search(name):
                awards.append(Award(name, match.start(1) + title.start(1), match.start(1) + title.end(1), home))
    return awards


def _number(count: str) -> int:
    return int(count) if count.isdigit() else _CHINESE_COUNT.get(count, 0)
