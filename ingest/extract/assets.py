"""Zone assets: platforms, policies and industries, with the facts linking them to the zone.

Every rule is generic: names are found from their endings (lexicons under
``ingest/resources``), bounded on the left by list punctuation or by a verb or
function word, and kept only when the part before the ending is more than a
generic qualifier (国家级孵化器, 惠企政策 are kinds, not names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.document import Document, Fact, Mention
from kg.model import EntityType, Predicate

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

_CJK = "\u4e00-\u9fff"
_QUOTES = "“”\"‘’「」"
_CLOSING = "”’」\""
_NAME_CHAR = re.compile(rf"[{_CJK}A-Za-z0-9+·{_QUOTES}]")
_PHASE = "[一二三四五六七八九十0-9]期"
_MAX_PREFIX = 24

# Words that end the proper-name part when scanning leftwards from an ending.
_FUNCTION_WORDS = (
    "以", "在", "于", "和", "与", "及", "等", "的", "了", "对", "把", "将", "向", "由",
    "作为", "列为", "评为", "是", "个", "从", "此次", "今年", "去年", "明年", "全年", "以及", "包括", "其中",
)
_GENERIC_VERBS = (
    "依托", "推进", "加快", "启动", "完善", "用好", "用足", "支持", "借力", "加强",
    "申报", "入驻", "落户", "建成", "成立", "引进", "围绕", "聚焦", "实施", "开展",
    "开展好", "推动", "组建", "拥有", "设立", "新建", "筹建", "携手", "联合", "共建",
    "争创", "获批", "认定", "成为", "入选", "入围", "依靠", "利用", "发挥", "搭建",
    "做强", "做大", "壮大", "加大", "积极", "全力", "重点", "大力", "正式", "目前",
    "位于", "借助", "对接", "落实", "深化", "推行", "推出", "出台", "制定", "印发", "发布", "执行",
    "按照", "结合", "依据", "对照", "形成", "完成", "深入", "持续", "继续", "全面",
    "进一步", "认真", "率先", "抓好", "做好", "组织", "多亏", "获", "获得", "突出",
)
_PLATFORM_VERBS = (
    "建设", "优化", "改造", "提升", "打造", "运营", "发展", "投运", "开园",
)
# A zone that borrows or docks with a carrier does not host it.
_BORROWING = frozenset(("借力", "借助", "对接", "携手", "联合"))
_PLATFORM_STOPS = tuple(sorted(set(_FUNCTION_WORDS + _GENERIC_VERBS + _PLATFORM_VERBS), key=len))
_POLICY_STOPS = tuple(sorted(set(_FUNCTION_WORDS + _GENERIC_VERBS), key=len))

# Verbs by which a zone issues a policy, and verbs by which it applies someone else's.
_ISSUING_VERBS = frozenset(
    "出台 制定 印发 发布 推出 推行 实施 开展 开展好 推进 深化 启动 形成".split()
)
_APPLYING_VERBS = frozenset("落实 用好 用足 执行 按照 结合 依据 对照".split())
_POLICY_VERBS = _ISSUING_VERBS | _APPLYING_VERBS

_GENERIC_QUALIFIERS = tuple(
    sorted(
        """国家级 省级 市级 区级 国家 各类 各级 现有 异地 新型 一批 重大 重点 高端 公共
        综合 专业 科技企业 企业 科技 技术 工程 工程技术 创新 研发 特色 主导 优质 知名
        大型 国际 海外 区域 专业化 产业 一体化 世界级 千亿级 百亿级 现代 这些 相关 惠企 各项 优惠 扶持 支持 有关
        上级 配套 人才 年度 工作 行动 新 该 其 省 市 区 园区 全区 全市 一流 高水平""".split(),
        key=len,
        reverse=True,
    )
)
_OWNER_PREFIXES = ("全区", "全市", "全省", "区", "市")
_STRONG_POLICY_ENDINGS = ("一件事一次办", "一件事", "三年行动计划", "三年行动方案", "三年计划",
                          "三年行动", "英才计划", "人才计划", "英才")


@dataclass(frozen=True)
class _Span:
    """A candidate name found in one sentence (offsets relative to the sentence)."""

    type: EntityType
    name: str
    start: int
    end: int
    issued: bool = False


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[str, ...]:
    """The entries of ``ingest/resources/<name>.txt`` (comments and blanks skipped)."""
    lines = (RESOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(entries, key=len, reverse=True))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def clean_name(text: str) -> str:
    """Drop quotes, brackets and spaces from a surface form."""
    return re.sub(rf"[{_QUOTES}《》\s]", "", text)


def _cut_after_stop(prefix: str, stops: tuple[str, ...]) -> tuple[str, str | None]:
    """Cut ``prefix`` after its right-most stop word outside quotes; return (rest, stop)."""
    best_end, best_word = 0, None
    inside = _quoted_mask(prefix)
    for word in stops:
        for m in re.finditer(re.escape(word), prefix):
            if not any(inside[m.start():m.end()]) and m.end() >= best_end:
                best_end, best_word = m.end(), word
    return prefix[best_end:], best_word


def _quoted_mask(text: str) -> list[bool]:
    """Which characters lie inside a closed pair of quotes."""
    mask = [False] * len(text)
    for m in re.finditer(r"“[^“”]*”|「[^「」]*」|‘[^‘’]*’", text):
        mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def _scan_left(sentence: str, end: int, allow_list_comma: bool, limit: int = _MAX_PREFIX) -> int:
    """Index where the name-like run ending at ``end`` starts."""
    i = end
    while i > 0 and end - i < limit:
        ch = sentence[i - 1]
        if _NAME_CHAR.match(ch):
            i -= 1
        elif allow_list_comma and ch == "、" and _beside_quote(sentence, i - 1):
            i -= 1
        else:
            break
    return i


def _beside_quote(sentence: str, index: int) -> bool:
    before = sentence[index - 1] if index > 0 else ""
    after = sentence[index + 1] if index + 1 < len(sentence) else ""
    return before in "”’」" or after in "“‘「"


def is_generic(prefix: str) -> bool:
    """Whether ``prefix`` is only qualifiers (国家级, 科技企业...) and so names a kind."""
    rest = clean_name(prefix)
    changed = True
    while rest and changed:
        changed = False
        for word in _GENERIC_QUALIFIERS:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
                break
    return not rest or bool(re.fullmatch(r"[一二三四五六七八九十两]+[大套项类个条]?|[0-9]+[大套项类个]", rest))


# --- platforms ----------------------------------------------------------------


@lru_cache(maxsize=1)
def _platform_re() -> re.Pattern[str]:
    endings = _alternation(load_lexicon("platforms") + ("产业基地",))
    return re.compile(rf"(?:{endings})(?:{_PHASE})?")


def find_platforms(sentence: str) -> list[_Span]:
    """Platform names in one sentence."""
    spans = []
    for m in _platform_re().finditer(sentence):
        follow = sentence[m.end():m.end() + 2]
        if follow.startswith(("区", "有限", "公司", "集团", "股份")):
            continue
        start = _scan_left(sentence, m.start(), allow_list_comma=False)
        prefix, stop = _cut_after_stop(sentence[start:m.start()], _PLATFORM_STOPS)
        if prefix.count("“") > prefix.count("”"):
            prefix = prefix[prefix.rindex("“") + 1:]
        ending = m.group()
        if not _platform_prefix_ok(prefix, ending):
            continue
        spans.append(_Span(EntityType.PLATFORM, clean_name(prefix + ending),
                           m.end() - len(prefix) - len(ending), m.end(), stop not in _BORROWING))
    return _drop_nested(spans + list(_listed_platforms(sentence, spans)))


_CARRIER_LIST = re.compile(
    rf"([{_CJK}A-Za-z0-9]+(?:[、及][{_CJK}A-Za-z0-9]+)+)等(?:一批)?[{_CJK}]{{0,4}}?"
    r"(?:载体|平台|科创资源|创新资源)"
)
_NEIGHBOUR = re.compile(rf"、([{_CJK}A-Za-z0-9]{{2,8}}?)(?:等|申报|入选|获批|获评|成功)")


def _listed_platforms(sentence: str, found: list[_Span]) -> Iterator[_Span]:
    """Names listed next to platforms, or listed as carriers (A、B等科创载体), without an ending."""
    for m in _CARRIER_LIST.finditer(sentence):
        rest, _ = _cut_after_stop(m.group(1), tuple(w for w in _PLATFORM_STOPS if w != "及"))
        items = re.split("[、及]", rest)
        if len(items) >= 2 and not any(_is_kind(item) for item in items):
            offset = m.end(1) - len(rest)
            hosted = not m.group().endswith("资源")
            for item in items:
                yield _Span(EntityType.PLATFORM, item, offset, offset + len(item), hosted)
                offset += len(item) + 1
    for span in found:
        m = _NEIGHBOUR.match(sentence, span.end)
        if m and not is_generic(m.group(1)) and not _platform_re().search(m.group(1)):
            yield _Span(EntityType.PLATFORM, m.group(1), m.start(1), m.end(1), True)


def _is_kind(item: str) -> bool:
    """An item like 众创空间 or 科技企业孵化器: an ending after qualifiers only."""
    m = _platform_re().search(item)
    return m is not None and m.end() == len(item) and is_generic(item[:m.start()]) \
        and not re.search(f"{_PHASE}$", item) or is_generic(item)


def _platform_prefix_ok(prefix: str, ending: str) -> bool:
    if "政策" in prefix or "“" in prefix and "”" not in prefix:
        return False
    if ending.startswith("产业基地") and not prefix.startswith(("国家", "省")):
        return False
    if re.search(f"{_PHASE}$", ending):
        return True
    return not is_generic(prefix)


# --- policies -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _policy_re() -> re.Pattern[str]:
    endings = _alternation(load_lexicon("policies") + ("活动",))
    return re.compile(rf"(?:[{_QUOTES}]?\d+条|{endings})(?:[{_CLOSING}]|(?![{_CJK}])|(?=[为等的和与及]|要求|出台|实施))")


_LIST_POLICY = re.compile(rf"([^，。；：,;:]*?)等([{_CJK}]{{0,4}})(?:政策|措施)")
_CODE_MECHANISM = re.compile(rf"[{_QUOTES}]?\d+(?:\+\d+)+[{_QUOTES}]?[{_CJK}]{{2,6}}?机制")
_MEANS_PHRASE = re.compile(r"为(?:主要)?(?:抓手|指引|引领|主线|统领|驱动|重点|牵引)")


def find_policies(sentence: str) -> list[_Span]:
    """Policy names in one sentence: named ending, measure lists, code-named mechanisms."""
    spans = list(_ending_policies(sentence))
    spans.extend(_listed_policies(sentence))
    spans.extend(_titled_policies(sentence))
    for m in _CODE_MECHANISM.finditer(sentence):
        spans.append(_Span(EntityType.POLICY, clean_name(m.group()), m.start(), m.end(), True))
    return _drop_nested(spans)


# The zone itself as the owner of a titled policy (结合开发区《…》).
_ZONE_OWNERS = ("开发区", "高新区", "经开区", "园区", "本区", "我区", "该区", "管委会")
_TITLE = re.compile(r"《([^《》]{2,40})》")
_COUNTED_MEASURES = re.compile(r"(?:\d+|[一二三四五六七八九十百]+)条$")


def _titled_policies(sentence: str) -> Iterator[_Span]:
    """A title in 《》 that ends like a policy (办法, 意见, 十条...) names one."""
    for m in _TITLE.finditer(sentence):
        title = m.group(1)
        if title.endswith(load_lexicon("policies")) or _COUNTED_MEASURES.search(title) \
                or title.endswith(("规定", "规划", "纲要", "通知", "条例")):
            own = sentence[:m.start()].endswith(_ZONE_OWNERS)
            issued = own or _clause_verb(sentence[:m.start()]) not in _APPLYING_VERBS
            yield _Span(EntityType.POLICY, clean_name(title), m.start(), m.end(), issued)


def _clause_verb(text: str) -> str | None:
    """The right-most policy verb in the clause ``text`` ends with."""
    clause = re.split(r"[，。；：,;:]", text)[-1]
    hits = [(clause.rfind(v) + len(v), len(v), v) for v in _POLICY_VERBS if v in clause]
    return max(hits)[2] if hits else None


def _ending_policies(sentence: str) -> Iterator[_Span]:
    previous: _Span | None = None
    floor = 0
    for m in _policy_re().finditer(sentence):
        ending_start = m.start() + (1 if sentence[m.start()] in _QUOTES else 0)
        start = _scan_left(sentence, ending_start, allow_list_comma=True, limit=36)
        if m.start() != floor:  # an ending right after another one extends it (措施66条)
            start = max(floor, start)
        floor = m.end()
        prefix, stop = _cut_after_stop(_after_count(sentence[start:ending_start]), _POLICY_STOPS)
        begin = ending_start - len(prefix)
        ending = sentence[ending_start:m.end()]
        continued = previous is not None and sentence[previous.end:begin] == "、"
        found = _policy_from(sentence, prefix, ending, begin, m.end(), stop, continued, previous)
        for span in found:
            previous = span
            yield span


def _after_count(prefix: str) -> str:
    """The part of ``prefix`` after its last counted quantity (17人, 3个)."""
    counts = list(re.finditer(r"\d+[人个家项名件条年]", prefix))
    return (prefix[counts[-1].end():] if counts else prefix).lstrip("、")


def _policy_from(sentence: str, prefix: str, ending: str, begin: int, end: int,
                 stop: str | None, continued: bool, previous: _Span | None) -> list[_Span]:
    name_ending = clean_name(ending)
    prefix, owned = _strip_owner(prefix)
    if "等" in prefix or is_generic(prefix) or _unbalanced(prefix + ending) or re.search(_PHASE, prefix):
        return []
    strong = name_ending.endswith(_STRONG_POLICY_ENDINGS) or name_ending.endswith("条")
    quoted = any(q in prefix for q in "“「") and name_ending.endswith("计划")
    means = sentence[max(0, begin - 1):begin] == "以" and bool(_MEANS_PHRASE.match(sentence, end))
    anchored = stop in _ISSUING_VERBS or stop in _APPLYING_VERBS or continued or means
    if not (strong or quoted or anchored) or (name_ending == "活动" and not means):
        return []
    talent = name_ending.endswith(("英才", "英才计划", "人才计划"))
    issued = not owned and not talent and not means and stop not in _APPLYING_VERBS
    if continued and previous is not None:
        issued = previous.issued
    if not owned and stop == "省":
        issued = False
    return _distribute(prefix, name_ending, begin, end, issued)


def _distribute(prefix: str, ending: str, begin: int, end: int, issued: bool) -> list[_Span]:
    """Split "“A”、“B”、“C”培育计划" into one policy per item; two items stay one name."""
    items = prefix.split("、")
    if len(items) < 3:
        return [_Span(EntityType.POLICY, clean_name(prefix + ending), begin, end, issued)]
    return [_Span(EntityType.POLICY, clean_name(item + ending), begin, end, issued)
            for item in items if not is_generic(item)]


def _strip_owner(prefix: str) -> tuple[str, bool]:
    """Drop a leading owner (全区, 市...) naming a government above the zone."""
    for owner in _OWNER_PREFIXES:
        if prefix.startswith(owner) and not prefix.startswith("区域"):
            return prefix[len(owner):], True
    return prefix, prefix.startswith("省")


def _unbalanced(text: str) -> bool:
    return text.count("“") != text.count("”")


def _listed_policies(sentence: str) -> Iterator[_Span]:
    """Items of "推出A、B、C等扶持政策": each item is a named policy."""
    for m in _LIST_POLICY.finditer(sentence):
        clause = m.group(1)
        verb = _clause_verb(clause)
        if verb is None:
            continue
        cut = clause.rfind(verb) + len(verb)
        if "、" not in clause[cut:]:
            continue
        offset = m.start(1) + cut
        for item in clause[cut:].split("、"):
            name = clean_name(item)
            if 2 <= len(name) <= 14 and not is_generic(name):
                yield _Span(EntityType.POLICY, name, offset, offset + len(item), verb in _ISSUING_VERBS)
            offset += len(item) + 1


# --- industries ---------------------------------------------------------------

_INDUSTRY_CUES = ("锁定", "把握", "坚持", "发展", "培育", "布局", "打造", "面向", "涵盖", "覆盖")
_INDUSTRY_LEFT = tuple(sorted(set(_FUNCTION_WORDS + _GENERIC_VERBS + _INDUSTRY_CUES), key=len))
_INDUSTRY_STOPS = tuple(w for w in _INDUSTRY_LEFT if w not in {"和", "与", "及"})
# List items naming events or organisations rather than sectors.
_NOT_SECTOR = ("论坛", "大赛", "会", "举办", "企业", "公司", "项目", "活动")
# A term followed by one of these is part of a longer name (company, park, event).
_NOT_AFTER = ("企业", "公司", "服务商", "项目", "园", "研究院", "论坛", "大赛", "载体", "集团",
              "基地", "加速器", "创新", "孵化", "大中小", "融通", "有限", "股份", "生产")
_LIST_CUE = (
    rf"((?:[^、，。；：,;:]+、)+[^、，。；：,;:]+?)(?:[{_QUOTES}][^{_QUOTES}]*[{_QUOTES}])?"
    rf"(?:等|一批|细分|主导|未来|重点|新兴|特色|优势)*"
    rf"(?:领域|产业|板块|方面|新技术|行业|[{_CJK}]{{0,3}}服务业)"
)


@lru_cache(maxsize=1)
def _industry_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(load_lexicon('industries'))})")


def find_industries(sentence: str, taken: list[tuple[int, int]]) -> list[_Span]:
    """Industry names in one sentence; ``taken`` spans (platform/policy names) are skipped."""
    spans = list(_listed_industries(sentence, taken)) + list(_cluster_industries(sentence, taken))
    covered = taken + [(s.start, s.end) for s in spans]
    quoted = _quoted_mask(sentence)
    for m in _industry_re().finditer(sentence):
        if _overlaps(m.start(), m.end(), covered) or _inside_long_quote(quoted, m, sentence):
            continue
        after = m.end() + (2 if sentence.startswith("产业", m.end()) else 0)
        if _left_bounded(sentence, m.start()) and not sentence.startswith(_NOT_AFTER, after):
            spans.append(_Span(EntityType.INDUSTRY, m.group(), m.start(), m.end(), True))
    return spans


def _listed_industries(sentence: str, taken: list[tuple[int, int]]) -> Iterator[_Span]:
    """Every item of a sector list ("围绕A、B、C等领域") mostly made of known terms."""
    lexicon = _industry_re()
    for m in re.finditer(_LIST_CUE, sentence):
        text = m.group(1)
        rest, _ = _cut_after_stop(text, _INDUSTRY_STOPS)
        items = _split_items(rest)
        known = sum(1 for item in items if lexicon.search(item))
        events = any(word in item for item in items for word in _NOT_SECTOR)
        if len(items) < 2 or 2 * known < len(items) or events or _overlaps(m.start(1), m.end(), taken):
            continue
        offset = m.start(1) + len(text) - len(rest)
        for item in items:
            position = sentence.find(item, offset)
            name = _industry_name(item)
            if name:
                yield _Span(EntityType.INDUSTRY, name, position, position + len(item), True)


_CLUSTER = re.compile(rf"([{_CJK}]{{2,12}}?)(?:产业)?集群")
_PLACES = ("开发区", "高新区", "经开区", "园区", "新区", "市", "县", "省")


def _cluster_industries(sentence: str, taken: list[tuple[int, int]]) -> Iterator[_Span]:
    """The sector of an industry cluster (打造工程机械产业集群)."""
    for m in _CLUSTER.finditer(sentence):
        rest, _ = _cut_after_stop(m.group(1), _INDUSTRY_STOPS + _PLACES)
        rest = re.sub(r"^(?:国家级|国家|省级|市级|世界级|千亿级|百亿级|全国|全省|全市)+", "", rest)
        name = _industry_name(rest)
        if name and not _overlaps(m.start(1), m.end(1), taken):
            yield _Span(EntityType.INDUSTRY, name, m.end(1) - len(rest), m.end(1), True)


def _split_items(text: str) -> list[str]:
    items = [item for item in text.split("、") if item]
    if items and "和" in items[-1]:
        items[-1:] = [part for part in items[-1].split("和") if part]
    return items


def _industry_name(item: str) -> str | None:
    name = clean_name(item)
    if name.endswith("产业") and len(name) > 4:
        name = name[:-2]
    if not 2 <= len(name) <= 14 or re.search(r"[0-9%]", name) or is_generic(name) \
            or any(word in name for word in _NOT_SECTOR):
        return None
    return name


def _left_bounded(sentence: str, start: int) -> bool:
    """Whether a term starting at ``start`` begins a word (not the tail of a longer name)."""
    if start == 0 or not re.match(rf"[{_CJK}A-Za-z0-9]", sentence[start - 1]):
        return True
    before = sentence[max(0, start - 4):start]
    return before.endswith(_INDUSTRY_LEFT)


def _inside_long_quote(quoted: list[bool], m: re.Match[str], sentence: str) -> bool:
    if not quoted[m.start()]:
        return False
    left = sentence.rfind("“", 0, m.start())
    right = sentence.find("”", m.end())
    return right == -1 or (right - left - 1) > len(m.group()) + 2


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


# --- the extractor ------------------------------------------------------------

_ZONE_FACTS = {
    EntityType.PLATFORM: Predicate.HOSTS_PLATFORM,
    EntityType.POLICY: Predicate.ISSUED_POLICY,
    EntityType.INDUSTRY: Predicate.FOCUS_INDUSTRY,
}


def sentence_spans(sentence: str) -> list[_Span]:
    """Platform, policy and industry candidates in one sentence, longest first on overlap."""
    named = _drop_nested(find_policies(sentence) + find_platforms(sentence))
    return named + find_industries(sentence, [(s.start, s.end) for s in named])


def _drop_nested(spans: list[_Span]) -> list[_Span]:
    """Drop repeats and any span lying strictly inside a longer one (措施 inside 措施66条)."""
    kept: list[_Span] = []
    for span in dict.fromkeys(spans):
        if not any(o is not span and o.start <= span.start and span.end <= o.end
                   and (o.end - o.start) > (span.end - span.start) for o in spans):
            kept.append(span)
    return kept


def extract_assets(doc: Document) -> tuple[list[Mention], list[Fact]]:
    """Platform, policy and industry mentions, and the zone's hostsPlatform/issuedPolicy/focusIndustry facts."""
    mentions: list[Mention] = []
    facts: dict[tuple[Predicate, str], Fact] = {}
    for sentence in doc.sentences:
        for span in sentence_spans(sentence.text):
            mentions.append(Mention(span.type, span.name, sentence.start + span.start,
                                    sentence.start + span.end, sentence.index))
            if doc.home_zone is None or not span.issued:
                continue
            predicate = _ZONE_FACTS[span.type]
            facts.setdefault((predicate, span.name), Fact(
                predicate, doc.home_zone, (span.type, span.name), sentence.index))
    return mentions, list(facts.values())
