"""Entity mentions found by pattern: legal company names and named projects.

Enumerations (lists.py), honours (honours.py), people (people.py) and zones
(zones.py) have their own modules; this one holds the single-name rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.boundaries import BRAND_STOP, COMPANY_LEFT_STOP
from ingest.extract.numbers import Amount, parse_amount
from ingest.extract.patterns import ENTERPRISE_ENDINGS, HAN, STATUS_CUES

# A legal company name ending in a legal-form suffix; a space may part two Latin words (AB XYZ公司), a
# middle dot a parent's brand and the firm's own (青松·白鹭门业有限公司); a branch may follow (X公司Y分公司).
_LEGAL_UNIT = rf"(?:[{HAN}A-Za-z0-9()（）]|(?<=[A-Za-z]) (?=[A-Za-z])|(?<=[{HAN}])·(?=[{HAN}]))"
LEGAL_RE = re.compile(rf"{_LEGAL_UNIT}{{2,30}}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|株式会社|财团)"
                      rf"(?P<branch>[{HAN}]{{1,6}}?分公司)?")
_GENERIC_COMPANY = re.compile(
    r"^(?:控股|国有|下属|上市|子|分|该|本|各|新增|一家|多家|集团|总|母|科技|外资|民营|投资|平台|管理|运营|"
    r"[一二三四五六七八九十\d]+家)(?:集团公司|公司|有限公司)$|上市公司$|(?<![电量原粒种光离])子公司$|分公司$"
)
# A named project: a name ending in 项目 (optionally 基地) after a lead verb or at sentence start.
PROJECT_RE = re.compile(rf"[{HAN}A-Za-z0-9、]{{4,40}}?项目")
_PROJECT_LEAD = re.compile(
    r"^.*?(?:加快推进|推进|完成|率先完成|实施|启动|引进|签约|建设|位于[^的]{2,12}的|的)(?:的)?"
)
_GENERIC_PROJECT = re.compile(
    r"(?:实事|^.{0,5}产业|计划|重大|重点|(?<![\u4e00-\u9fff]{6})合作|类|功能|高新|基础设施|民生|科技|创新|攻坚|亿元|重特大|工业|服务业|"
    r"招商|人才|示范|试点|改革|实验|课程|(?<!期)技改|(?<!期)扩能|新开工|开工|开复工|续建|储备|谋划|在建|签约|竣工|投产|一批|该|此|获奖|两个|各|"
    r"\d|[一二三四五六七八九十]个|[\d一二三四五六七八九十]大|等|和|年度?)(?:项目)$|^(?:项目|在|对|全|各|省|市|国家)|^.{0,3}项目$"
)
_STRICT_LEAD = re.compile(r"(?:加快推进|率先完成|位于[^的]{2,12}的)$")
_STATUS_AFTER = re.compile(r"(?:基地)?(?:开工|签约|竣工|投产|加快建设|正在|顺利|正式|建成)")
_BAD_PROJECT = re.compile(
    r"等|\d+个|一切|要|把|靠|吸引|招引|解决|过问|梳理|展示|拟|以上|级项目|领导|宣传|情况|新项目|老项目|[是对为]项目|"
    r"宣布|书记|主任|或"
)


def parse_project_amount(text: str) -> Amount | None:
    """A project's amount, 元 understood when the text leaves it out (投资9.6亿的X项目)."""
    return parse_amount(text if text.endswith("元") else text + "元")


def generic_project(name: str) -> bool:
    """A class or count of projects (重点项目, 11个产业项目), or a clause fragment, not a project's name."""
    return bool(_GENERIC_PROJECT.search(name) or _BAD_PROJECT.search(name))


@dataclass(frozen=True)
class NameHit:
    """A name found in a sentence (offsets relative to the sentence)."""

    name: str
    start: int
    end: int


def _clean(name: str) -> str:
    return re.sub(r"[“”\"‘’「」《》\s]", "", name)


@lru_cache(maxsize=256)
def find_legal_companies(sentence: str) -> tuple[NameHit, ...]:
    """Legal company names (…有限公司, …集团公司) with a left edge at a function word."""
    if "公司" not in sentence and "株式会社" not in sentence and "财团" not in sentence:
        return ()
    hits = []
    for match in LEGAL_RE.finditer(sentence):
        text, branch = match.group(), match.group("branch") or ""
        if branch and BRAND_STOP.search(branch):
            text, branch = text[:-len(branch)], ""  # "X公司和Y分公司": not X's branch
        hit = _legal_name(text[:len(text) - len(branch)], match.start())
        if hit is not None:  # "X公司Y分公司": a branch is named by its company and its own words
            hits.append(NameHit(hit.name + branch, hit.start, hit.end + len(branch)))
    return tuple(hits)


def _legal_name(text: str, start: int) -> NameHit | None:
    """The legal name ending ``text`` (which starts at ``start``), cut at its left stop; None when generic."""
    stops = list(COMPANY_LEFT_STOP.finditer(text[:-2]))
    cut = stops[-1].end() if stops else 0
    if stops and stops[-1].group() == "项目" and _generic_core(_legal_core(text[cut:])):
        cut = stops[-2].end() if len(stops) > 1 else 0  # X项目|管理有限公司: 项目 is inside the name
    name = _clean(text[cut:])
    core = _legal_core(name)
    if len(core) >= (3 if name == core + "公司" else 2) and not _GENERIC_COMPANY.search(name) \
            and not _generic_core(core):
        return NameHit(name, start + cut, start + len(text))
    return None


def _legal_core(name: str) -> str:
    return re.sub(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|株式会社|财团)$", "", name)


def _generic_core(core: str) -> bool:
    """A legal name whose body is only a business word or a common word (新能源集团有限公司, 多元化集团公司)."""
    from ingest.extract.zones import is_dictionary_word, word_tag

    core = core.removesuffix("集团")
    return core in ENTERPRISE_ENDINGS or is_dictionary_word(core, 5000) or (
        is_dictionary_word(core, 400) and word_tag(core).startswith(("v", "a")))


# A project's amount: 15亿元, 5,000万元, 1.2亿美元, or 9.6亿 before a particle or a comma.
AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|[\d.]+)(?:亿|万)(?:元|美元)|[\d.]+亿(?=[的,，、;；。])"
# Words between 投资 and its amount (总投资约为3亿元, 投资达到8亿元).
APPROX = r"(?:约为|约|超过|超|近|达到|高达|达|逾|为|共|合计|[:：])*"
# A short bracketed part inside a project name ("X(苏州)数字基地项目", "X公司(二期)项目").
_PAREN = r"[(（][^()（）,，;；。]{1,10}[)）]"
# One unit of a project's name in the clause rules: a character, a decimal point (2.5万吨) or a short
# bracketed part.
PROJECT_NAME_UNIT = rf"(?:[{HAN}A-Za-z0-9·.]|{_PAREN})"
# Steps of work listed inside a project name ("…研发、生产、销售项目", "…部件等研发、生产项目").
_WORK_STEPS = r"(?:等|、|及)(?=研发|生产|销售|制造|加工|应用|运营)"
# 工程 ends a works' name unless the name goes on to 项目 (X基因工程抗体药物项目) or 工程 is part of a discipline's
# name (基因工程抗体…, 软件工程中心…).
_WORKS_END = rf"工程(?![{HAN}A-Za-z0-9]{{1,12}}?项目)(?!抗体|药物|技术|中心|研究)"
# "X公司总投资20亿元的Y项目开工建设": a project with its amount, after its investor; the 的 may be left out
# when no verb follows the amount (总投资5亿元Y项目, not 投资5亿元建设Y项目: that one has its investor).
_NO_VERB_NEXT = r"(?!建设|新建|兴建|扩建|改造|用于|打造|实施|投资|引进)"
INVESTED_PROJECT_RE = re.compile(
    rf"总?投资(?:额|意向|意向额)?{APPROX}(?P<amount>{AMOUNT})(?:[、,，](?:年产|年产值|占地|用地|建筑面积|规划)[^,，;；。的]{{1,16}})?(?:(?:建设)?的|{_NO_VERB_NEXT})"
    rf"(?P<name>(?:[{HAN}A-Za-z0-9]|{_WORK_STEPS}|{_PAREN}){{2,40}}?(?:项目|{_WORKS_END}|基地(?!项目)|产业园(?!项目|区)))"
)


@dataclass(frozen=True)
class InvestedProject:
    """A project named right after its investment amount (offsets relative to the sentence)."""

    name: str
    start: int
    end: int
    amount: str


def find_invested_projects(sentence: str) -> list[InvestedProject]:
    """Projects in "总投资N亿元的<name>项目" phrases."""
    if "投资" not in sentence:
        return []
    hits = []
    for match in INVESTED_PROJECT_RE.finditer(sentence):
        name = _clean(match.group("name"))
        if _GENERIC_PROJECT.search(name) or _BAD_PROJECT.search(name):
            continue
        hits.append(InvestedProject(name, match.start("name"), match.end("name"), match.group("amount")))
    return hits


def find_named_projects(sentence: str) -> list[NameHit]:
    """Named projects: a headline "…生产基地项目开工仪式" or "加快推进…PPP项目"."""
    hits: list[NameHit] = []
    if "项目" not in sentence:
        return hits
    for match in PROJECT_RE.finditer(sentence):
        text = match.group()
        lead = _PROJECT_LEAD.match(text[:-2])
        cut = lead.end() if lead else 0
        name = _clean(text[cut:])
        if len(name) < 6 or _GENERIC_PROJECT.search(name) or _BAD_PROJECT.search(name):
            continue
        rest = sentence[match.end():]
        headline = match.start() == 0 and (len(rest) <= 8 or _STATUS_AFTER.match(rest) is not None)
        led = lead is not None and _STRICT_LEAD.search(text[:cut])
        if (headline or led) and not ("、" in name and not headline):
            hits.append(NameHit(name, match.start() + cut, match.end()))
    return hits


_BRAND_ENDINGS = ("新材料", "半导体", "新能源", "科技", "电子", "机电", "环保", "电影", "智能", "医药", "药业", "装备",
                  "电力", "通信", "精密", "重工", "特钢", "光电", "能源", "生物", "化工", "电气", "机械", "软件",
                  "动力", "电机", "电器", "风机", "股份")
# A short company name standing alone in a list or before a company verb.
BRAND_RE = re.compile(
    rf"(?:^|[,，、;；。:：“”]|延续|推动|支持|鼓励|引导|帮助|助推|签约|引进|组织|服务|打造)"
    rf"(?P<name>(?P<brand>[{HAN}]{{2,3}}?)(?:{'|'.join(_BRAND_ENDINGS)}))"
    rf"(?=[、,，;；。]|竣工|投产|开工|进入|获|被|等|和|与|在|\d|正式|成功|分别|进行|落户|入驻|投资|总投资|追加|通过|"
    rf"入选|入围|荣获|为)"
)
# A preposition the brand pattern swallows before a three-character brand (由东岳光电投资…).
_BRAND_LEAD = re.compile(r"^[由被经]")
# "以X科技、Y电机为龙头": 以 opens the phrase, not the brand.
_AS_LEADER = re.compile(r"[^,，;；。]{0,30}?为(?:龙头|代表|核心|引领|主体|重点|主导)")


def find_brands(sentence: str) -> list[NameHit]:
    """Short company names (向阳机电, 清溪环保): a rare brand word plus a business ending."""
    from ingest.extract.zones import is_dictionary_word

    hits = []
    for match in BRAND_RE.finditer(sentence):
        brand, name, start = match.group("brand"), match.group("name"), match.start("name")
        led = brand[0] == "以" and _AS_LEADER.match(sentence, match.end())
        if len(brand) == 3 and (_BRAND_LEAD.match(brand) or led):
            brand, name, start = brand[1:], name[1:], start + 1
        if BRAND_STOP.search(brand) or is_dictionary_word(brand, 100) or is_dictionary_word(name, 1):
            continue
        hits.append(NameHit(name, start, match.end("name")))
    return hits


# Words before a status cue that make it a plan, not a fact.
_FUTURE = re.compile(r"(?:确保|争取|尽快|及早|力争|早日|计划|拟|将|推动|促进|要|可望|有望|预计|即将)[^,，;；。]*$")


_DONE = ("completed", "in_production")
# "建成后", "建成投产后": what follows once the project is done, not that it is.
_PROSPECT_AFTER = re.compile(r"(?:投产|投用|运营|达产)?后")


def statuses_in(text: str) -> list[str]:
    """ProjectStatus values a clause states (future or planned cues excluded)."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for cue, status in STATUS_CUES:
        for match in re.finditer(cue, text):
            if any(s <= match.start() < e for s, e in taken) or _FUTURE.search(text[:match.start()]) \
                    or status in _DONE and _PROSPECT_AFTER.match(text, match.end()) \
                    or text.startswith("或", match.end()) or text.endswith("或", 0, match.start()):
                continue  # 建成后, 建成投产后: a prospect; 在建或投产: either, so neither is stated
            taken.append((match.start(), match.end()))
            if status not in found:
                found.append(status)
    return found


# Works a company's investment builds, named without 项目 when the clause ends there (…建设X生产基地,).
_BUILT_WORKS = r"生产基地|研发基地|园|工厂|研发中心"
_BUILT_WORKS_RE = re.compile(_BUILT_WORKS)
# "X公司(计划|拟)投资N亿元(,在Y)建设Z项目": the investor opens the clause, the project follows the amount.
BUILDS_PROJECT_RE = re.compile(
    rf"(?P<lead>[^,，;；。:：]{{1,30}}?|(?<=[,，]))(?:计划|拟|将)?(?:在[^,，;；。投]{{1,8}}?)?(?:总?投资|投入){APPROX}"
    rf"(?P<amount>{AMOUNT})"
    rf"[,，]?(?:在[^,，;；。]{{2,20}}?)?(?:建设|新建|布局|设立|打造|实施)(?P<name>[{HAN}A-Za-z0-9]{{2,30}}?"
    rf"(?:项目|(?:{_BUILT_WORKS})(?=[,，;；。])))"
)
# "由X公司投资建设的Y项目": the investor after 由, the project after 的; without 由 the investor opens
# the clause and 投资 is required ("；X投资建设的Y项目已竣工投产").
BY_INVESTOR_RE = re.compile(
    rf"(?:由(?P<lead>[^,，;；。由的]{{2,30}}?)(?:投资)?|(?:^|(?<=[,，;；。]))(?P<opening>[^,，;；。由的]{{2,30}}?)投资)"
    rf"(?:建设|兴建|打造|实施)的(?P<name>[{HAN}A-Za-z0-9]{{2,30}}?项目)"
)
# A date opening the clause before its investor ("此为继8月15日X集团计划…").
_DATE_LEAD = re.compile(r"^.*?(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{1,2}月份?)")
_CLAUSE_LEAD = re.compile(r"^(?:其中|此外|同时|另外|目前|今年|近日|另|再|还)")
# An ordinal opening an item of a numbered account ("一是X项目,…;二是Y项目,…", "1.X项目,…").
_ORDINAL = (r"[一二三四五六七八九十]是|其[一二三四五]|第[一二三四五六七八九十]+[,，、]?|\d{1,2}[.、．]"
            r"|[(（][一二三四五六七八九十\d]{1,2}[)）]")
# Other words for a project's amount, right after its name ("X项目投资额1.5亿元", "签约额3亿元").
_AMOUNT_CUE = r"投资额|签约额|签约金额|协议投资额?|计划总?投资|投资(?=[\d约超近达逾])"
# Where the project is and how large, right after its name ("X项目位于Y区", "X项目占地约55亩").
_SITE_CUE = r"位于|选址|坐落|占地|用地面积|规划用地|总用地|建筑面积|总建筑面积"
# Who owns the project, right after its name ("X项目投资主体为Y集团").
_OWNER_CUE = r"其?(?:投资方|投资主体|建设主体|项目业主|业主单位)(?:为|是)"
# A date, then what happened on it: "X项目9月3日竣工".
_DATED_STEP = r"(?:20\d\d年)?\d{1,2}月(?:\d{1,2}日)?(?:已|正式|顺利|全面)?(?:开工|动工|竣工|建成|投产|签约|完成|开始)"
# A project named at the start of a clause and then described: "Y项目总投资N亿元,于4月开工".
CLAUSE_PROJECT_RE = re.compile(
    rf"(?:^|(?<=[,，;；。:：的]))(?:{_ORDINAL})?(?P<name>(?:[{HAN}A-Za-z0-9“”]|{_PAREN}){{4,40}}?(?:项目|{_WORKS_END}))"
    rf"(?:[一二三四五六七八九十]期)?"
    rf"(?=[,，]?(?:计划|预计|拟)?总投资|拟投资|{_AMOUNT_CUE}|已|于|正式|成功|目前|顺利|如期|全面|全部|率先|即将|签约|开工|动工|奠基|竣工|建成|投产|"
    rf"落户|完成|现已|正在|并网|封顶|结顶|设备安装|设备调试|主要建设|建设内容|将(?:建设|新建|建成|打造)|{_DATED_STEP}|{_OWNER_CUE}|{_SITE_CUE})"
)
# A project that is the topic of its sentence, then a comma: "Y项目,正在…", "特别是Y项目,借力…".
TOPIC_PROJECT_RE = re.compile(
    rf"(?:^(?:{_ORDINAL})?|(?<=特别是|尤其是)|(?<=[;；:：])(?:{_ORDINAL}))(?P<name>[{HAN}A-Za-z0-9]{{4,40}}?项目)(?=[,，])")
# A clause, not a name: an investor and its verb before the project (X公司投资26亿元建设Y项目).
_CLAUSE_VERBS = re.compile(r"投资|建设|实施|引进|签约|推进")
# A building or base named at the start of a clause and then given a status: "X中心结顶", "Y产业园开工".
# Roads, bridges and tunnels, and a section of one (X公路Y段): works a zone builds.
_ROAD = rf"公路(?:[{HAN}]{{2,4}}段)?|大道|大桥|隧道|快速路"
CLAUSE_WORKS_RE = re.compile(
    rf"(?:^|(?<=[,，;；。:：]))(?P<name>[{HAN}A-Za-z0-9·]{{2,12}}?(?:中心|大厦|大楼|基地|工厂|产业园|厂房|酒店|综合体|科技城|小镇"
    rf"|{_ROAD}))"
    rf"(?=(?:正式|顺利|全面|率先|已经|已)?(?:开工|动工|奠基|结顶|封顶|竣工|建成|投产|投用|通车)(?!后)|(?:计划|预计)?总投资)"
)
_COUNTED_WORKS = re.compile(r"^(?:第|首|该|此|其|各|这|多)|\d+(?:座|栋|幢|个|处)")
_WORKS_CUE = re.compile(r"投资|开工|动工|奠基|结顶|封顶|竣工|建成|投产|投用|通车")
CLAUSE_AMOUNT_RE = re.compile(
    rf"(?<!带动)(?<!拉动)(?<!撬动)(?<!完成)(?<!累计)(?<!新增)(?<!期)"
    rf"(?:总投资额?|投资总额|{_AMOUNT_CUE}){APPROX}(?P<amount>{AMOUNT})")


@dataclass(frozen=True)
class BuiltProject:
    """A project with the company that invests in it (offsets relative to the sentence)."""

    name: str
    start: int
    end: int
    amount: str
    investor: str
    investor_start: int


def find_built_projects(sentence: str) -> list[BuiltProject]:
    """Projects in "X公司投资N亿元建设Y项目" phrases, with their investor."""
    if "投" not in sentence or "项目" not in sentence and not _BUILT_WORKS_RE.search(sentence):
        return []
    hits = []
    for match in BUILDS_PROJECT_RE.finditer(sentence):
        lead = match.group("lead")
        cut = _CLAUSE_LEAD.match(lead) or _DATE_LEAD.match(lead)
        investor = _clean(lead[cut.end():] if cut else lead)
        name = _clean(match.group("name"))
        if len(investor) == 1 or _GENERIC_PROJECT.search(name) or _BAD_PROJECT.search(name):
            continue  # no investor at all (",投资2.1亿元,建设Y项目") is kept: the one before may be meant
        start = match.start("lead") + (cut.end() if cut else 0)
        hits.append(BuiltProject(name, match.start("name"), match.end("name"), match.group("amount"), investor, start))
    return hits


def find_projects_by(sentence: str) -> list[BuiltProject]:
    """Projects in "由X公司投资建设的Y项目" phrases, with their investor (amount found later in the clause)."""
    if "的" not in sentence or "项目" not in sentence:
        return []
    hits = []
    for match in BY_INVESTOR_RE.finditer(sentence):
        name = _clean(match.group("name"))
        if _GENERIC_PROJECT.search(name) or _BAD_PROJECT.search(name):
            continue
        group = "lead" if match.group("lead") else "opening"
        investor = _clean(match.group(group))
        hits.append(BuiltProject(name, match.start("name"), match.end("name"), "", investor, match.start(group)))
    return hits


# A run of projects, each its own clause with its amount after a comma: "其中,X项目,总投资5亿元;Y项目,…".
_RUN_ITEM_START = re.compile(r"(?:[;；:：]|(?:其中|此外|另外|另有)[,，])$")


def _comma_led_amount(sentence: str, match: re.Match[str]) -> bool:
    """A "X项目,总投资…" clause outside such a run: the words before 项目 may be a clause (开发区引进X项目)."""
    if sentence[match.end("name"):match.end("name") + 1] not in (",", "，"):
        return False
    in_run = _RUN_ITEM_START.search(sentence, 0, match.start("name"))
    return not in_run or bool(_CLAUSE_VERBS.search(match.group("name")))


def find_clause_projects(sentence: str) -> list[NameHit]:
    """Projects that open a clause and are described by it ("Y项目总投资N亿元,已开工")."""
    if "项目" not in sentence and _WORKS_CUE.search(sentence) is None:
        return []
    hits = []
    matches = [*CLAUSE_PROJECT_RE.finditer(sentence), *TOPIC_PROJECT_RE.finditer(sentence),
               *CLAUSE_WORKS_RE.finditer(sentence)]
    for match in sorted(matches, key=lambda m: m.start()):
        text = match.group("name")
        cut = _CLAUSE_LEAD.match(text)
        owner = text.rfind("的")
        if owner >= 0 and re.search(r"由|(?:投资|建设|打造|实施|元)$", text[:owner]):
            continue  # "由X投资建设的Y项目", "X总投资5亿元的Y项目": the investor rules read them
        skip = max(cut.end() if cut else 0, owner + 1)  # "年加工150万吨油料的X项目已…": after 的
        name = _clean(text[skip:])
        topic = match.re is TOPIC_PROJECT_RE or sentence[match.end():match.end() + 1] in (",", "，")
        if topic and _CLAUSE_VERBS.search(name.removesuffix("项目")[:-2]):
            continue  # "X引进Y项目,总投资…": a clause before the name, read by the lead-verb rules
        if match.re is CLAUSE_PROJECT_RE and _comma_led_amount(sentence, match):
            continue
        short = 4 if match.re is CLAUSE_WORKS_RE else 6
        if match.re is CLAUSE_WORKS_RE and _COUNTED_WORKS.search(name):
            continue  # "第一期首3座大楼": part of a project counted, not a name
        if len(name) < short or generic_project(name) or re.search("[、由]", name) \
                or re.search("项目[和及与]", name):  # two projects joined: the row rule reads them
            continue
        hits.append(NameHit(name, match.start("name") + skip, match.end("name")))
    return hits
