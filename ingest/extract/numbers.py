"""Exact parsing of amounts, percentages and quantities written in Chinese text.

Values are computed with :class:`decimal.Decimal` and converted to ``float`` at
the end, so ``874.2亿元`` is exactly ``87420000000.0``.  Spans returned by the
``find_*`` functions index the string passed in: the only rewriting done
before matching is a one-to-one character mapping (full-width digits,
traditional 億/萬/兩), which keeps offsets valid.

>>> parse_amount("20亿元")
Amount(value=2000000000.0, currency='CNY')
>>> parse_amount("3000万美元")
Amount(value=30000000.0, currency='USD')
>>> parse_amount("约一百五十万元")
Amount(value=1500000.0, currency='CNY')
>>> parse_amount("2021年") is None
True
>>> [(s, e, q.value, q.unit) for s, e, q in find_percentages("增长11.8%，高于平均0.9个百分点")]
[(2, 7, 11.8, 'percent'), (12, 19, 0.9, 'percentage_point')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an


@dataclass(frozen=True)
class Amount:
    """A sum of money in units of ``currency`` (ISO 4217)."""

    value: float
    currency: str


@dataclass(frozen=True)
class Quantity:
    """A measured figure: ``value`` in base units of ``unit``; ``text`` is the numeral as written."""

    value: float
    unit: str
    text: str = ""

    @property
    def is_money(self) -> bool:
        """Whether the unit is a currency code."""
        return self.unit in _CURRENCY_CODES


_CURRENCIES: dict[str, str] = {
    "元人民币": "CNY",
    "新台币": "TWD",
    "台币": "TWD",
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港元": "HKD",
    "港币": "HKD",
    "英镑": "GBP",
}
_CURRENCY_CODES = frozenset(_CURRENCIES.values())
# 新台币410亿元, 人民币3亿元: a currency named before the numeral, with 元 after it.
_CURRENCY_BEFORE_RE = re.compile(r"(?P<cur>新台币|台币|人民币|美元|港币|港元)(?:约|逾|超过|超|近|达|共计|合计)?$")
# New Taiwan dollars, or a city of Taiwan (after t2s): with Taiwan wording, a bare 元 on the page is TWD.
_TAIWAN = re.compile(r"新台币|台币|台北|新北|桃园|新竹|苗栗|台中|彰化|南投|云林|嘉义|台南|高雄|屏东|宜兰|花莲|台东"
                     r"|基隆")

# Physical and counting units; the longest spelling is tried first.
_UNITS: dict[str, str] = {
    "个百分点": "percentage_point",
    "百分点": "percentage_point",
    "%": "percent",
    "‰": "permille",
    "平方公里": "km2",
    "平方千米": "km2",
    "平方米": "m2",
    "平米": "m2",
    "㎡": "m2",
    "m2": "m2",
    "m²": "m2",
    "公顷": "km2",
    "亩": "mu",
    "千瓦时": "kWh",
    "度电": "kWh",
    "度": "kWh",
    "千瓦": "kW",
    "兆瓦时": "MWh",
    "兆瓦": "MW",
    "吉瓦时": "GWh",
    "吉瓦": "GW",
    # capacity of power plants and battery or solar lines, in the unit written (FORMAT.md: 80 GW)
    "kWh": "kWh",
    "kW": "kW",
    "MWh": "MWh",
    "MW": "MW",
    "GWh": "GWh",
    "GW": "GW",
    "吨": "t",
    "标准箱": "TEU",
    "标箱": "TEU",
    "人次": "person_time",
    "人": "person",
    "名": "person",
    "批次": "count",
    "篇次": "count",
    "户": "household",
    "头": "head",
}
# Units written in a size FORMAT.md does not use, with the factor into the one it does (8.7公顷 → 0.087 km2).
_UNIT_FACTORS: dict[str, Decimal] = {"公顷": Decimal("0.01")}
_COUNT_WORDS = "个家项座台件宗套所场批条只次栋幢处支款篇份位辆张块间"

# Characters that form words with a following 一/二/... (统一, 唯一, 逐一, 之一).
_WORD_PREFIXES = frozenset("统唯单逐划整专同如万之其任某每均合归若第")

_DIGIT_MAP = str.maketrans(
    "０１２３４５６７８９．％億萬兩",
    "0123456789.%亿万两",
)

_MULTIPLIERS: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
    "百": Decimal(10) ** 2,
}


def _alternation(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_MULT = rf"(?:{_alternation(_MULTIPLIERS)})"
# A numeral: Arabic digits with an optional multiplier, or a Chinese numeral;
# an optional range tail ("3-5亿", "10至20万") keeps the lower bound.
_NUMERAL = (
    rf"(?P<num>(?P<ar>{_ARABIC})(?:\s*(?:-|~|～|—|至|到)\s*{_ARABIC})?\s*(?:余|多)?(?P<mult>{_MULT})?"
    rf"|(?P<cn>{_CHINESE}))"
)
_APPROX_TAIL = r"(?:余|多)?"
_AMOUNT_RE = re.compile(rf"{_NUMERAL}{_APPROX_TAIL}(?P<cur>{_alternation(_CURRENCIES)})")
_UNIT_RE = re.compile(rf"{_NUMERAL}{_APPROX_TAIL}(?P<unit>{_alternation(_UNITS)}|[{_COUNT_WORDS}])")
_BARE_AMOUNT_RE = re.compile(r"(?:突破|超过|超|过|达到|迈上|迈过|跨越|逾)(?P<num>十亿|百亿|千亿|万亿)元(?!级)")
# 全市1/5的独角兽企业, 占全市总数的1/3: a share written as a fraction of digits, read only before 的 or
# right after 占…的 (not a date).
_SLASH_FRACTION_RE = re.compile(
    r"(?<![\d/.])(?P<part>[1-9])/(?P<den>[2-9]|1\d)(?![\d/.%])"
    r"(?:(?=的)|(?<=[的占近约超逾]\d/\d)|(?<=[的占近约超逾]\d/\d\d))"
)
# 实现翻番, 翻了一倍: a doubling, growth of 100 percent (not 翻番的目标, an attribute of something else).
_DOUBLING_RE = re.compile(r"翻(?:了)?一?[番倍](?![的目])")
# 超七成, 约八成, 提升至九成: tenths as a share, read only after a word of size or comparison.
_TENTHS_RE = re.compile(r"(?<=[超近约占达逾为至过])(?P<n>[一二三四五六七八九])成(?![本功为员立果绩长都交效型熟片套])")
_TENTHS = {c: float(10 * (i + 1)) for i, c in enumerate("一二三四五六七八九")}
_PERCENT_WORDS_RE = re.compile(rf"百分之(?P<cn>{_CHINESE}(?:点[零〇一二三四五六七八九]+)?|{_ARABIC})")
# 高于平均十二个百分点: percentage points written in words.
_POINT_WORDS_RE = re.compile(
    r"(?<![零〇一二三四五六七八九十两百千万亿第])(?P<cn>[一二三四五六七八九十两]{1,4}(?:点[零〇一二三四五六七八九]+)?)个百分点"
)
_FRACTION_RE = re.compile(r"(?<![百千万])(?P<den>[二三四五六七八九十]|\d+)分之(?P<part>[一二三四五六七八九]|\d+)")
_APPROX_PREFIX = re.compile(
    r"^(?:总投资|投资|总额|共计|合计|累计|超过|不少于|不低于|不超过|将近|接近|突破|高达|达到|约为|大约|"
    r"超|近|约|逾|达|共|计|超出|预计)+"
)
_APPROX_SUFFIX = re.compile(r"(?:以上|以下|左右|上下|之多)+$")


def normalise_digits(text: str) -> str:
    """Map full-width digits and traditional numeral characters one-to-one (offsets stay valid).

    >>> normalise_digits("５億元")
    '5亿元'
    """
    return text.translate(_DIGIT_MAP)


def _chinese_value(numeral: str) -> Decimal | None:
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None


def _numeral_value(match: re.Match[str]) -> Decimal | None:
    """The exact value of the numeral group of ``match`` (lower bound of a range)."""
    if match.group("cn"):
        return _chinese_value(match.group("cn"))
    value = Decimal(match.group("ar").replace(",", ""))
    mult = match.group("mult")
    return value * _MULTIPLIERS[mult] if mult else value


def _preceded_by_ordinal(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "第"


def _inside_word(match: re.Match[str], text: str) -> bool:
    """A one-character Chinese numeral glued to a word (统一, 唯一, 单一) is not a number."""
    numeral = match.group("cn")
    start = match.start()
    return bool(numeral) and len(numeral) == 1 and start > 0 and text[start - 1] in _WORD_PREFIXES


def _unit_code(unit: str) -> str:
    return _UNITS.get(unit, "count")


def _acceptable_unit(match: re.Match[str], text: str) -> bool:
    """Reject readings such as 一度 (degree) or a 度 without a power context."""
    if match.group("unit") != "度":
        return True
    following = text[match.end() : match.end() + 1]
    return bool(match.group("mult")) or following == "电"


def _amount_matches(norm: str) -> list[tuple[re.Match[str], Amount]]:
    found = []
    for match in _AMOUNT_RE.finditer(norm):
        # 一元化, 二元结构: a lone Chinese digit before 元 is a word, not money.
        if _preceded_by_ordinal(norm, match.start()) or len(match.group("cn") or "xx") == 1:
            continue
        value = _numeral_value(match)
        if value is not None:
            found.append((match, Amount(float(value), _currency(match, norm))))
    return found


def _currency(match: re.Match[str], norm: str) -> str:
    """The currency of an amount: its own word, or for a bare 元 the currency named just before the numeral."""
    before = _CURRENCY_BEFORE_RE.search(norm, max(0, match.start() - 8), match.start())
    if match.group("cur") == "元" and before:
        return _CURRENCIES[before.group("cur")]
    return _CURRENCIES[match.group("cur")]


def local_currency(text: str, regional_words: bool) -> str:
    """What a bare 元 means on a page: TWD on a page in Taiwan wording (``regional_words``) about a place in
    Taiwan, else CNY.

    >>> local_currency("台中园区投资2亿元", True), local_currency("台中园区投资2亿元", False)
    ('TWD', 'CNY')
    """
    return "TWD" if regional_words and _TAIWAN.search(text) else "CNY"


def _bare_amount_matches(norm: str) -> list[tuple[int, int, Amount]]:
    """千亿元 after 突破/过/超: a round amount written by its order of magnitude alone.

    >>> _bare_amount_matches("营业收入迈上千亿元台阶")
    [(6, 9, Amount(value=100000000000.0, currency='CNY'))]
    """
    return [(m.start("num"), m.end(), Amount(float(_MULTIPLIERS[m.group("num")]), "CNY"))
            for m in _BARE_AMOUNT_RE.finditer(norm)]


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every sum of money in ``text`` with its ``(start, end)`` span.

    >>> find_amounts("总投资20亿元，其中外资3000万美元")
    [(3, 7, Amount(value=2000000000.0, currency='CNY')), (12, 19, Amount(value=30000000.0, currency='USD'))]
    """
    return [(match.start(), match.end(), amount) for match, amount in _amount_matches(normalise_digits(text))]


def parse_amount(text: str) -> Amount | None:
    """Parse a text that is one amount, e.g. ``超1.5亿元`` or ``二十亿元以上``; None otherwise.

    >>> parse_amount("1.5亿元")
    Amount(value=150000000.0, currency='CNY')
    >>> parse_amount("第二") is None
    True
    """
    core = _APPROX_SUFFIX.sub("", _APPROX_PREFIX.sub("", normalise_digits(text.strip())))
    match = _AMOUNT_RE.fullmatch(core.replace(" ", ""))
    if match is None:
        return None
    value = _numeral_value(match)
    return None if value is None else Amount(float(value), _CURRENCIES[match.group("cur")])


def find_percentages(text: str) -> list[tuple[int, int, Quantity]]:
    """Percentages (``percent``) and percentage points (``percentage_point``) with spans.

    >>> [(q.value, q.unit) for _, _, q in find_percentages("占比百分之三十五，均占全市的四分之一")]
    [(35.0, 'percent'), (25.0, 'percent')]
    """
    found = [item for item in find_quantities(text) if item[2].unit in ("percent", "percentage_point")]
    return sorted(found + find_percent_words(text), key=lambda item: item[0])


def find_percent_words(text: str) -> list[tuple[int, int, Quantity]]:
    """Percentages written in words: 百分之三十五, 四分之一 (as 25 percent).

    >>> [(q.value, q.unit) for _, _, q in find_percent_words("增长百分之十二")]
    [(12.0, 'percent')]
    >>> [q.value for _, _, q in find_percent_words("占比超七成,入驻率约八成,一成不变,建成投产")]
    [70.0, 80.0]
    """
    found: list[tuple[int, int, Quantity]] = []
    norm = normalise_digits(text)
    for match in _PERCENT_WORDS_RE.finditer(norm):
        value = _percent_words_value(match.group("cn"))
        if value is not None:
            found.append((match.start(), match.end(), Quantity(float(value), "percent", match.group(0))))
    for match in _POINT_WORDS_RE.finditer(norm):
        value = _percent_words_value(match.group("cn"))
        if value is not None:
            found.append((match.start(), match.end(), Quantity(float(value), "percentage_point", match.group(0))))
    for match in _SLASH_FRACTION_RE.finditer(norm):
        share = round(int(match.group("part")) / int(match.group("den")) * 100, 2)
        found.append((match.start(), match.end(), Quantity(share, "percent", match.group(0))))
    for match in _TENTHS_RE.finditer(norm):
        found.append((match.start(), match.end(), Quantity(_TENTHS[match.group("n")], "percent", match.group(0))))
    for match in _DOUBLING_RE.finditer(norm):
        found.append((match.start(), match.end(), Quantity(100.0, "percent", match.group(0))))
    for match in _FRACTION_RE.finditer(norm):
        share = _fraction_percent(match.group("part"), match.group("den"))
        if share is not None:
            found.append((match.start(), match.end(), Quantity(share, "percent", match.group(0))))
    return found


def _fraction_percent(numerator: str, denominator: str) -> float | None:
    """``四分之一`` → 25.0, rounded to two decimals (三分之一 → 33.33)."""
    nom, den = _percent_words_value(numerator), _percent_words_value(denominator)
    if not nom or not den:
        return None
    return round(float(nom / den * 100), 2)


def _percent_words_value(numeral: str) -> Decimal | None:
    if re.fullmatch(_ARABIC, numeral):
        return Decimal(numeral.replace(",", ""))
    return _chinese_value(numeral)


def _quantity_at(match: re.Match[str], text: str) -> Quantity | None:
    if _preceded_by_ordinal(text, match.start()) or _inside_word(match, text) or not _acceptable_unit(match, text):
        return None
    value = _numeral_value(match)
    if value is None:
        return None
    unit = match.group("unit")
    return Quantity(float(value * _UNIT_FACTORS.get(unit, 1)), _unit_code(unit), match.group("num"))


class _Spans:
    """Sorted, non-overlapping spans with a logarithmic overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps any span."""
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.spans[index][1] > start


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every figure with a unit: money (unit = currency code), percentages, areas, counts...

    Amounts win over other readings of the same numeral (``5亿元`` is money,
    never a count), and a numeral is never read twice.

    >>> [(q.value, q.unit) for _, _, q in find_quantities("腾退土地546亩，拆除违建1.3万平方米，新增企业12家")]
    [(546.0, 'mu'), (13000.0, 'm2'), (12.0, 'count')]
    >>> find_quantities("2021年第二批")
    []
    """
    norm = normalise_digits(text)
    found: list[tuple[int, int, Quantity]] = [
        (match.start(), match.end(), Quantity(amount.value, amount.currency, match.group("num")))
        for match, amount in _amount_matches(norm)
    ]
    found += [(start, end, Quantity(amount.value, amount.currency, norm[start:end]))
              for start, end, amount in _bare_amount_matches(norm)]
    taken = _Spans([(start, end) for start, end, _ in found])
    for match in _UNIT_RE.finditer(norm):
        if taken.overlaps(match.start(), match.end()):
            continue
        quantity = _quantity_at(match, norm)
        if quantity is not None:
            found.append((match.start(), match.end(), quantity))
    return sorted(found, key=lambda item: item[0])
