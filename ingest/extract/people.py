"""People and their roles: "区党工委副书记、管委会主任陈立峰", "禾泰生物首席运营官周文斌".

A person name is 2–3 Han characters starting with a common surname, after a
job title of the lexicon (``resources/person_titles.txt``) or a cue word.
Each title in a 、/兼 chain before the name gives one role, in the organisation
written before it: a zone (the home zone for bare 区/开发区 and for the zone's
own 党工委/管委会), or a company (a legal or group name, or a short name before
a company title). A title with no organisation of its own inherits the previous
one. Officials of other bodies (市委书记, 市政协主席) and people removed from a
post (免去) are people with no role; bylines (记者, 编辑) are not people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.asset_text import alternation
from ingest.extract.patterns import HAN, PERSON_TITLES
from ingest.extract.zones import ENDING_RE, find_zone_names, is_dictionary_word
from kg.model import EntityType

Key = tuple[EntityType, str]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
# What may follow a name: a verb of speaking or attending, a conjunction, punctuation or a date (2日称).
_SPEECH = (r"表示|说|称|讲|出席|作|主持|指出|强调|要求|介绍|调研|带队|参加|一行|认为|讲话|致辞|会见|陪同|率队|宣读|"
           r"宣布|传达|见证|发言|考察|参观|听取|带领|一同|通报|汇报|解读|部署|总结|回答|代表|告诉|这样|透露|坦言|"
           r"下达|接受|看望|慰问|走访|现身|亮相|到场|答|分享|致词")
_VERB_AFTER = re.compile(
    rf"^(?:{_SPEECH}|在|看到|等|对|就|同志|先生|女士|分别|也|还|和|与|及|是|(?:同时)?(?:担任|兼任|任(?![务何期职命]))|[、,，。;；:：(（\s\d]|$)")
_SPEECH_AFTER = re.compile(rf"(?:{_SPEECH})")
# Titles that only a company gives: a short name before them (青松机器人董事长) is a company.
_ENTERPRISE_TITLES = frozenset(
    "首席运营官 首席执行官 首席技术官 首席财务官 首席科学家 董事长 副董事长 董事 总经理 副总经理 常务副总经理 "
    "总裁 副总裁 高级副总裁 资深副总裁 资深副总 执行总裁 总监 投资总监 技术总监 创始人 联合创始人 合伙人 厂长 副厂长 "
    "董事会主席 执行董事 经理 副经理 执行长 CEO CTO CFO COO".split())
_TITLE_ALT = alternation(PERSON_TITLES)
_ANY_TITLE = re.compile(_TITLE_ALT)
# A title is not followed by 会 (管理委员会主任: 委员 is part of the body's name).
_PART = rf"[{HAN}A-Za-z0-9()（）]{{0,20}}?(?:{_TITLE_ALT})(?!会)"
# Titles of one person are joined by 、 or 兼, or set apart by a space on some pages (党组书记 局长).
_JOIN = r"、|兼| "
CHAIN_RE = re.compile(rf"((?:{_PART}(?:{_JOIN}))*{_PART})(?= ?[{HAN}])")
_CHAIN_BEFORE = re.compile(rf"(?:{_PART}(?:{_JOIN}))*{_PART}$")
NAME_TITLE_RE = re.compile(
    rf"(?<![{HAN}])([{SURNAMES}][{HAN}]{{1,2}}?)(?:市长|区长|县长|书记|主任|局长)(?:调研|在|出席|表示|指出)"
)
# A name opening a clause before a verb of speaking (…。林远表示,…): the page quotes a person.
SPEAKER_RE = re.compile(
    rf"(?:^|(?<=[。！？!?；;,，:：”」\n]))\s*([{SURNAMES}][{HAN}]{{1,2}}?)(?=表示|指出|强调|介绍|认为|坦言|透露)")
CUE_NAME_RE = re.compile(rf"(?:负责人|居民|村民|职工|工程师|博士|教授|院士|专家|联系人[:：]?|领导)(?=[{SURNAMES}])")
_BAD_NAME = re.compile(r"[的了是在和与等年月日区市县省局委会书记主任长]")
_REMOVED = re.compile(r"免去|免职|不再担任")


@dataclass(frozen=True)
class PersonHit:
    """A person named in a sentence, with the roles the sentence gives."""

    name: str
    start: int
    end: int
    roles: tuple[tuple[str, Key], ...] = field(default=())


def person_name_at(text: str, start: int) -> str | None:
    """The 2–3 character name starting at ``start``, or None.

    A third character that opens a verb of speaking (林远说) is not part of the name.
    """
    for size in (3, 2):
        name = text[start:start + size]
        plausible = len(name) == size and re.fullmatch(rf"[{HAN}]+", name) and not _BAD_NAME.search(name[1:])
        if size == 3 and _SPEECH_AFTER.match(text, start + 2):
            continue
        if plausible and _VERB_AFTER.match(text[start + size:]):
            return name
    return None


_DEPARTMENT = re.compile(
    rf"(?:党工委|管委会|(?:管理)?委员会|办公室|[{HAN}]{{0,8}}?(?:局|党委|党支部|党总支|区委|工委|办|工作部))$"
)
_ZONE_BODIES = ("党工委", "管委会", "工委")
# A zone written by a short or unusual place name (哈经开区) that the zone finder does not take.
_SHORT_ZONE = re.compile(rf"(?![据在对由和与了])[{HAN}]{{1,6}}?(?:{ENDING_RE.pattern})")
# The zone's administration bureau, bare or after a short form of the zone's name (园区管理局, 青阳管理局长).
_ZONE_BUREAU = re.compile(rf"^(?:园区|开发区|[{HAN}]{{0,4}}?)管理局?$")
_BARE_ZONE = re.compile(
    r"^(?:该区|本区|我区|区|开发区|高新区|经开区|园区|新区|经济技术开发区|高新技术产业开发区)(?:[(（][^)）]*[)）])?")
_PUBLIC_BODY = re.compile(r"[市县省]委?$|市委|县委|省委|政府|人大|政协|[市县省]|协会|商会|学会|联合会|大学|学院")
# Words of the clause before a company's short name (活动也邀请青松机器人董事长…): the name starts after them.
_LEADING_WORDS = re.compile(r"^.*(?:邀请|请来|陪同|以及|其中|来自|包括|和|与|及)")
# 青松机器人南京厂, 蓝湾冷链华东分公司: a plant or branch of the company, named after a place.
_PLANT_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})[\u4e00-\u9fff]{2}(?:厂|工厂|分公司|分厂|基地)$")
_COMPANY = re.compile(r"^.*(?:公司|集团)")


def _split_org(prefix: str, home: Key | None, title: str) -> tuple[Key | None | str, str]:
    """Organisation of a title prefix and the department part that belongs to the title.

    Returns ("", department) when the prefix names no organisation of its own
    (the title inherits the previous one), None for a body other than a zone or a
    company (市委, 市政协), else the zone or company key. Words before the zone
    name (据, 采访了) are ignored.
    """
    zones = find_zone_names(prefix)
    if zones and (not prefix[zones[-1][1]:] or _DEPARTMENT.fullmatch(prefix[zones[-1][1]:])):
        return (EntityType.ZONE, zones[-1][2].name), prefix[zones[-1][1]:]
    bare = _BARE_ZONE.match(prefix)
    if bare and home is not None and (bare.end() == len(prefix) or _DEPARTMENT.fullmatch(prefix[bare.end():])):
        return home, prefix[bare.end():]
    short = _SHORT_ZONE.match(prefix)
    if short and (not prefix[short.end():] or _DEPARTMENT.fullmatch(prefix[short.end():])):
        return (EntityType.ZONE, short.group()), prefix[short.end():]
    if home is not None and _home_bureau(prefix, home[1]):
        return home, ""
    if not prefix or _DEPARTMENT.fullmatch(prefix):
        return "", prefix
    company = _COMPANY.match(prefix)
    if company and not _PUBLIC_BODY.search(company.group()):
        return (EntityType.ENTERPRISE, company.group()), prefix[company.end():]
    if _PUBLIC_BODY.search(prefix) or title not in _ENTERPRISE_TITLES:
        return None, prefix
    short = _PLANT_SUFFIX.sub("", _LEADING_WORDS.sub("", prefix))
    return ((EntityType.ENTERPRISE, short), "") if len(short) >= 2 else (None, prefix)


def _home_bureau(prefix: str, home_name: str) -> bool:
    """Whether ``prefix`` names the home zone's 管理局: bare, or after a short form of the zone's name."""
    bureau = _ZONE_BUREAU.match(prefix)
    if bureau is None:
        return False
    place = prefix[: prefix.index("管理")]
    return place in ("", "园区", "开发区") or place in home_name


def _roles(chain: str, home: Key | None, previous: Key | None = None) -> tuple[list[tuple[str, Key]], Key | None]:
    """Roles of a title chain and the organisation of its last title (None for another body);
    ``previous`` is that organisation for the person named just before."""
    roles: list[tuple[str, Key]] = []
    current: Key | None = previous
    for part in re.split(_JOIN, chain):
        title = re.search(rf"(?:{_TITLE_ALT})$", part)
        if title is None:
            continue
        org, department = _split_org(part[:title.start()], home, title.group())
        if org != "":
            current = org  # type: ignore[assignment]
        elif current is None and (department + title.group()).startswith(_ZONE_BODIES):
            current = home  # 党工委/管委会 are a development zone's own bodies
        if current is not None:
            roles.append((department + title.group(), current))
    return roles, current


def roles_before(sentence: str, start: int, home: Key | None) -> tuple[tuple[str, Key], ...]:
    """Roles of the person whose name starts at ``start``, from the title chain right before it."""
    chain = _CHAIN_BEFORE.search(sentence, 0, start)
    if chain is None or _removed(sentence, start):
        return ()
    return tuple(_roles(chain.group(), home)[0])


def _removed(sentence: str, start: int) -> bool:
    """Whether the clause before ``start`` removes someone from a post (免去…职务)."""
    clause = re.split(r"[,，;；。]", sentence[:start])[-1]
    return bool(_REMOVED.search(clause))


def _name_after(sentence: str, end: int) -> tuple[str | None, int]:
    """The name right after a title chain ending at ``end`` and where it starts; a page may set it apart with
    spaces (管委会副主任 李明 表示)."""
    name = person_name_at(sentence, end)
    if name is None and sentence[end : end + 1] == " ":
        spaced = person_name_at(sentence, end + 1)
        if spaced and sentence[end + 1 + len(spaced) : end + 2 + len(spaced)] in (" ", "", ":", "：", ",", "，"):
            return spaced, end + 1
    return name, end


def _continues(chain: str, previous: Key | None) -> bool:
    """Whether a title chain right after another person's name (、副主任…, 、总经理…) is in the same body."""
    if chain.startswith(("党工委", "管委会", "副", "常务")):
        return True
    return previous is not None and previous[0] is EntityType.ENTERPRISE and chain in _ENTERPRISE_TITLES


def find_people(sentence: str, home: Key | None) -> list[PersonHit]:
    """People of a sentence with roles from the title chain before their names."""
    hits: dict[int, PersonHit] = {}
    speakers = [(m.start(1), m.group(1)) for m in SPEAKER_RE.finditer(sentence)
                if not _BAD_NAME.search(m.group(1)[1:]) and not is_dictionary_word(m.group(1))]  # 公司表示
    if not _ANY_TITLE.search(sentence) and not CUE_NAME_RE.search(sentence):
        return [PersonHit(name, start, start + len(name)) for start, name in speakers]
    previous: tuple[int, Key | None] = (-1, None)
    for match in CHAIN_RE.finditer(sentence):
        name, start = _name_after(sentence, match.end())
        unusual = name is not None and name[0] not in SURNAMES
        if not name or unusual and (not _SPEECH_AFTER.match(sentence, start + len(name)) or is_dictionary_word(name)):
            continue  # a name with a rare surname before a verb of speaking, but no word (县长联合主持)
        follows = previous[0] == match.start() - 1 and sentence[match.start() - 1] in "、,，"
        inherit = previous[1] if follows and _continues(match.group(1), previous[1]) else None
        roles, last = _roles(match.group(1), home, inherit)
        previous = (start + len(name), last)
        removed = _removed(sentence, start)
        hits[start] = PersonHit(name, start, start + len(name), () if removed else tuple(roles))
    for match in _APPOINTEE.finditer(sentence):
        hits.setdefault(match.start(1), PersonHit(match.group(1), match.start(1), match.end(1)))
    for start, hit in list(hits.items()):
        appointed = _appointed_roles(sentence, hit.end, home)
        if appointed:
            hits[start] = PersonHit(hit.name, hit.start, hit.end, tuple(dict.fromkeys(hit.roles + appointed)))
    for match in NAME_TITLE_RE.finditer(sentence):
        hits.setdefault(match.start(1), PersonHit(match.group(1), match.start(1), match.end(1)))
    for match in CUE_NAME_RE.finditer(sentence):
        name = person_name_at(sentence, match.end())
        if name:
            hits.setdefault(match.end(), PersonHit(name, match.end(), match.end() + len(name)))
    for start, name in speakers:
        hits.setdefault(start, PersonHit(name, start, start + len(name)))
    return list(hits.values())


# A person opening a clause of an appointment decision ("决定:X同志任…").
_APPOINTEE = re.compile(rf"(?:^|(?<=[:：,，;；。]))([{SURNAMES}][{HAN}]{{1,2}}?)同志(?:同时)?(?:担任|兼任|出任|任)")
# "X同志任管委会主任、党工委委员", "X兼任开发区工委副书记": the posts a person is given, after the name.
_APPOINTED = re.compile(rf"(?:同志)?(?:同时)?(?:担任|兼任|出任|任)((?:{_PART}(?:{_JOIN}))*{_PART})(?=[,，;；。]|$)")


def _appointed_roles(sentence: str, end: int, home: Key | None) -> tuple[tuple[str, Key], ...]:
    """Roles of the posts the person named right before ``end`` is appointed to."""
    match = _APPOINTED.match(sentence, end)
    return tuple(_roles(match.group(1), home)[0]) if match else ()
