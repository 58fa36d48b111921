"""People and their roles: "区党工委副书记、管委会主任陈立峰", "禾泰生物首席运营官周文斌".

A person name is 2–3 Han characters starting with a common surname, next to
a job title of the lexicon. Each title in a 、-chain before the name gives a
role in the organisation written before it (a zone, the home zone for bare
区/开发区, or an enterprise for company titles); a title with no organisation
of its own inherits the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.extract.patterns import HAN, PERSON_TITLES
from ingest.extract.zones import find_zone_names
from kg.model import EntityType

Key = tuple[EntityType, str]

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_VERB_AFTER = re.compile(
    r"^(?:表示|说|出席|作|主持|指出|强调|要求|介绍|调研|在|带队|参加|看到|一行|等|对|认为|讲话|致辞|会见|陪同|率队|"
    r"宣读|宣布|传达|见证|发言|考察|参观|听取|带领|一同|通报|汇报|解读|部署|总结|回答|就|"
    r"同志|先生|女士|分别|也|还|和|与|及|、|,|，|。|;|；|:|：|\s|$)"
)
_SPEECH_AFTER = re.compile(r"(?:表示|指出|强调|出席|主持|说|要求|介绍|讲话|致辞|调研)")
_ENTERPRISE_TITLES = ("首席运营官", "首席执行官", "首席技术官", "董事长", "总经理", "副总经理", "总裁", "副总裁")
_TITLE_ALT = "|".join(sorted(map(re.escape, PERSON_TITLES), key=len, reverse=True))
_ANY_TITLE = re.compile(_TITLE_ALT)
CHAIN_RE = re.compile(rf"((?:[{HAN}]{{0,16}}?(?:{_TITLE_ALT})、)*[{HAN}]{{0,16}}?(?:{_TITLE_ALT}))(?=[{HAN}])")
NAME_TITLE_RE = re.compile(
    rf"(?<![{HAN}])([{SURNAMES}][{HAN}]{{1,2}}?)(?:市长|区长|县长|书记|主任|局长)(?:调研|在|出席|表示|指出)"
)
CUE_NAME_RE = re.compile(rf"(?:负责人|居民|村民|职工|工程师|博士|教授|院士|专家)(?=[{SURNAMES}])")
_BAD_NAME = re.compile(r"[的了是在和与等年月日区市县省局委会书记主任长]")


@dataclass(frozen=True)
class PersonHit:
    """A person named in a sentence, with the roles the sentence gives."""

    name: str
    start: int
    end: int
    roles: tuple[tuple[str, Key], ...] = field(default=())


def person_name_at(text: str, start: int) -> str | None:
    """The 2–3 character name starting at ``start``, or None."""
    for size in (3, 2):
        name = text[start:start + size]
        plausible = len(name) == size and re.fullmatch(rf"[{HAN}]+", name) and not _BAD_NAME.search(name[1:])
        if plausible and _VERB_AFTER.match(text[start + size:]):
            return name
    return None


_DEPARTMENT = re.compile(r"(?:党工委|管委会|委员会|办公室|[\u4e00-\u9fff]{2,8}?局)$")
_ZONE_BODIES = ("党工委", "管委会")
_BARE_ZONE = re.compile(r"^(?:区|开发区|高新区|经开区|园区)")


def _split_org(prefix: str, home: Key | None) -> tuple[Key | None | str, str]:
    """Organisation of a title prefix and the department part that belongs to the title.

    Returns ("", department) when the prefix names no organisation of its own
    (the title inherits the previous one), None for a non-zone public body
    (市委), a zone key, or a company name.
    """
    zones = find_zone_names(prefix)
    if zones and zones[0][0] == 0:
        return (EntityType.ZONE, zones[0][2].name), prefix[zones[0][1]:]
    bare = _BARE_ZONE.match(prefix)
    if bare and home is not None:
        return home, prefix[bare.end():]
    if not prefix or _DEPARTMENT.fullmatch(prefix):
        return "", prefix
    if re.search(r"[市县省]委?$|市委|政府|人大|政协|[市县省]", prefix):
        return None, prefix
    return prefix, ""


def _roles(chain: str, home: Key | None, previous: Key | None = None) -> list[tuple[str, Key]]:
    """Roles of a title chain; ``previous`` is the organisation of the person named just before."""
    roles: list[tuple[str, Key]] = []
    current: Key | None = previous
    for part in chain.split("、"):
        title = re.search(rf"(?:{_TITLE_ALT})$", part)
        if title is None:
            continue
        org, department = _split_org(part[:title.start()], home)
        if isinstance(org, str) and org:
            current = (EntityType.ENTERPRISE, org) if title.group() in _ENTERPRISE_TITLES else None
        elif org != "":
            current = org  # type: ignore[assignment]
        elif current is None and (department + title.group()).startswith(_ZONE_BODIES):
            current = home  # 党工委/管委会 are a development zone's own bodies
        if current is not None:
            roles.append((department + title.group(), current))
    return roles


def find_people(sentence: str, home: Key | None) -> list[PersonHit]:
    """People of a sentence with roles from the title chain before their names."""
    hits: dict[int, PersonHit] = {}
    if not _ANY_TITLE.search(sentence) and not CUE_NAME_RE.search(sentence):
        return []
    previous: Key | None = None
    for match in CHAIN_RE.finditer(sentence):
        name = person_name_at(sentence, match.end())
        if name and (name[0] in SURNAMES or _SPEECH_AFTER.match(sentence[match.end() + len(name):])):
            inherit = previous if match.group(1).startswith(("党工委", "管委会", "副", "常务")) else None
            roles = tuple(_roles(match.group(1), home, inherit))
            previous = roles[-1][1] if roles else None
            hits[match.end()] = PersonHit(name, match.end(), match.end() + len(name), roles)
    for regex in (NAME_TITLE_RE,):
        for match in regex.finditer(sentence):
            hits.setdefault(match.start(1), PersonHit(match.group(1), match.start(1), match.end(1)))
    for match in CUE_NAME_RE.finditer(sentence):
        name = person_name_at(sentence, match.end())
        if name:
            hits.setdefault(match.end(), PersonHit(name, match.end(), match.end() + len(name)))
    return list(hits.values())
