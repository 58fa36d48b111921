"""Amount, percentage and quantity parsing on phrases taken from zone reports."""

from __future__ import annotations

import pytest

from ingest.extract.numbers import (
    Amount,
    find_amounts,
    find_percentages,
    find_quantities,
    normalise_digits,
    parse_amount,
)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("20亿元", 2_000_000_000.0, "CNY"),
        ("428亿元", 42_800_000_000.0, "CNY"),
        ("874.2亿元", 87_420_000_000.0, "CNY"),
        ("903.6亿元", 90_360_000_000.0, "CNY"),
        ("13.88亿元", 1_388_000_000.0, "CNY"),
        ("32.3亿元", 3_230_000_000.0, "CNY"),
        ("1.5亿元", 150_000_000.0, "CNY"),
        ("5000万元", 50_000_000.0, "CNY"),
        ("1,200万元", 12_000_000.0, "CNY"),
        ("25628元", 25_628.0, "CNY"),
        ("5千万元", 50_000_000.0, "CNY"),
        ("3百万元", 3_000_000.0, "CNY"),
        ("1.2万亿元", 1_200_000_000_000.0, "CNY"),
        ("5亿美元", 500_000_000.0, "USD"),
        ("7.5亿美元", 750_000_000.0, "USD"),
        ("1.5亿美元", 150_000_000.0, "USD"),
        ("3000万美元", 30_000_000.0, "USD"),
        ("5億元", 500_000_000.0, "CNY"),
        ("3.2億美元", 320_000_000.0, "USD"),
        ("２０亿元", 2_000_000_000.0, "CNY"),
        ("１２．５万元", 125_000.0, "CNY"),
        ("二十亿元", 2_000_000_000.0, "CNY"),
        ("一百五十万元", 1_500_000.0, "CNY"),
        ("两亿元", 200_000_000.0, "CNY"),
        ("十亿元", 1_000_000_000.0, "CNY"),
        ("兩億元", 200_000_000.0, "CNY"),
        ("超10亿元", 1_000_000_000.0, "CNY"),
        ("近5亿元", 500_000_000.0, "CNY"),
        ("约3亿元", 300_000_000.0, "CNY"),
        ("总投资20亿元", 2_000_000_000.0, "CNY"),
        ("20亿元以上", 2_000_000_000.0, "CNY"),
        ("不少于12亿元", 1_200_000_000.0, "CNY"),
        ("突破10亿元", 1_000_000_000.0, "CNY"),
        ("3-5亿元", 300_000_000.0, "CNY"),
        ("2000余万元", 20_000_000.0, "CNY"),
        ("1亿元人民币", 100_000_000.0, "CNY"),
        ("500万欧元", 5_000_000.0, "EUR"),
        ("2亿港元", 200_000_000.0, "HKD"),
    ],
)
def test_numbers_parse_amount_exact(text: str, value: float, currency: str) -> None:
    assert parse_amount(text) == Amount(value, currency)


@pytest.mark.parametrize(
    "text",
    ["2021年", "第二", "第二批", "十四五", "亿元项目", "百亿级企业", "11.8%", "546亩", "", "元", "一是", "十十亿元"],
)
def test_numbers_parse_amount_rejects_non_amounts(text: str) -> None:
    assert parse_amount(text) is None


def test_numbers_find_amounts_spans_index_the_input() -> None:
    text = "上半年，开发区完成地区生产总值428亿元，实际利用外资5億美元。"
    found = find_amounts(text)
    assert [text[start:end] for start, end, _ in found] == ["428亿元", "5億美元"]
    assert [amount for _, _, amount in found] == [Amount(42_800_000_000.0, "CNY"), Amount(500_000_000.0, "USD")]


def test_numbers_find_amounts_skips_years_and_ordinals() -> None:
    assert find_amounts("2021年，开发区位列第二，2022年度工作计划") == []


def test_numbers_find_amounts_skips_words_with_yuan() -> None:
    assert find_amounts("推进一元化管理，打破城乡二元结构") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长11.8%", [(11.8, "percent")]),
        ("税收占比85.1%,居全市第一", [(85.1, "percent")]),
        ("高于全市平均增幅0.9个百分点", [(0.9, "percentage_point")]),
        ("增幅环比提升8个百分点", [(8.0, "percentage_point")]),
        ("占比百分之三十五", [(35.0, "percent")]),
        ("比重达百分之12.5", [(12.5, "percent")]),
        ("增长１５％", [(15.0, "percent")]),
        ("增长7.3%、15%", [(7.3, "percent"), (15.0, "percent")]),
        ("2021年增长", []),
        ("科技企业占全市近1/4", [(25.0, "percent")]),
        ("约1/3的企业", [(33.33, "percent")]),
    ],
)
def test_numbers_find_percentages(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for _, _, q in find_percentages(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出让工业用地4宗、面积417.7亩", [(4.0, "count"), (417.7, "mu")]),
        ("拆除违建1.3万平方米", [(13_000.0, "m2")]),
        ("拆迁签约面积11万平方米", [(110_000.0, "m2")]),
        ("规划面积12平方公里", [(12.0, "km2")]),
        ("园区占地26.5公顷", [(0.265, "km2")]),
        ("工业用电3.85亿千瓦时", [(385_000_000.0, "kWh")]),
        ("全社会用电量3.85亿度", [(385_000_000.0, "kWh")]),
        ("减排COD 972吨、氨氮115吨", [(972.0, "t"), (115.0, "t")]),
        ("新认定高新技术企业49家", [(49.0, "count")]),
        ("新增发明专利141件", [(141.0, "count")]),
        ("新开工亿元以上项目20个", [(20.0, "count")]),
        ("开展产学研项目不少于50项", [(50.0, "count")]),
        ("新增各类人才2500余人", [(2500.0, "person")]),
        ("引进紫琅英才12名", [(12.0, "person")]),
        ("接待游客3.5万人次", [(35_000.0, "person_time")]),
        ("安置农户44户", [(44.0, "household")]),
        ("十个方面", [(10.0, "count")]),
        ("两个产业分局", [(2.0, "count")]),
        ("集装箱吞吐量120万标箱", [(1_200_000.0, "TEU")]),
        ("签约20亿元项目1个", [(2_000_000_000.0, "CNY"), (1.0, "count")]),
        ("拉晶产能60GW,组件12GW", [(60.0, "GW"), (12.0, "GW")]),
        ("储能电池产能20GWh", [(20.0, "GWh")]),
        ("光伏装机300MW、风电2吉瓦", [(300.0, "MW"), (2.0, "GW")]),
        ("5G基站120座", [(120.0, "count")]),
        ("第二批", []),
        ("统一个体", []),
        ("2022年度工作计划", []),
        ("温度一度下降", []),
        ("“十四五”规划", []),
    ],
)
def test_numbers_find_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for _, _, q in find_quantities(text)] == expected


def test_numbers_find_quantities_money_is_not_also_a_count() -> None:
    found = find_quantities("总投资5亿元，用地200亩")
    assert [(q.unit, q.is_money) for _, _, q in found] == [("CNY", True), ("mu", False)]


def test_numbers_normalise_digits_keeps_length() -> None:
    text = "完成１２３．４億元，增長５％"
    assert len(normalise_digits(text)) == len(text)
    assert normalise_digits(text) == "完成123.4亿元，增長5%"


def test_numbers_a_currency_named_before_the_numeral_is_the_amounts() -> None:
    found = find_amounts("园区今年吸引投资金额逾新台币410亿元,另有人民币3亿元,美元5000万元")
    assert [amount.currency for _, _, amount in found] == ["TWD", "CNY", "USD"]
    assert found[0][2].value == 41_000_000_000.0
