"""Indicator periods, moods and subjects on invented pages shaped like real ones (datelines,
numbered headings, events held for a quarter, city and project figures)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ingest.document import Document
from ingest.extract.indicator_links import shared_growth_metrics
from ingest.extract.indicator_periods import PeriodContext, dateline_year, period_for, planned_year
from ingest.extract.indicator_subjects import about_region
from ingest.extract.indicators import extract_indicators
from ingest.normalise import normalise
from ingest.segment import segment
from kg.model import EntityType

ZONE = (EntityType.ZONE, "青松高新技术产业开发区")


def _rows(text: str) -> set[tuple[str, float, str, str | None, str]]:
    doc = segment(normalise(Document(doc_id="d", source_name="d.txt", raw=text, text=text)))
    _, facts = extract_indicators(replace(doc, home_zone=ZONE))
    return {(f.attr("metric"), f.attr("value"), f.attr("unit"), f.attr("period"), f.attr("kind")) for f in facts}


def _periods(text: str) -> dict[str, str | None]:
    return {metric: period for metric, _, _, period, _ in _rows(text)}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("发布时间:2022-10-14 来源:青松发布\n正文", 2022),
        ("2014年05月12日 08:30 来源:新闻网\n正文", 2014),
        ("2021年,高新区完成产值100亿元。", None),
    ],
)
def test_dateline_year(text: str, year: int | None) -> None:
    assert dateline_year(text) == year


def test_a_numbered_heading_sets_the_topic_year() -> None:
    text = ("青松高新区2024年工作总结和2025年工作思路\n"
            "一、2024年工作总结 2024年,在市委的领导下,各项事业平稳发展。全年完成规上工业总产值512.3亿元;"
            "新引进项目37个。\n")
    assert _periods(text) == {"规上工业总产值": "2024", "新引进项目": "2024"}


def test_an_undated_page_gives_no_period_to_stock_figures() -> None:
    text = "青松高新区累计引进制造业项目180多个,协议投资超420亿元,已投产企业95家。\n"
    assert set(_periods(text).values()) == {None}


def test_relative_words_are_read_against_the_dateline() -> None:
    text = "蓝湾新闻 2022-09-29\n今年上半年,全区共签约项目64个、签约资金72亿元。\n"
    assert _periods(text) == {"签约项目": "2022-H1", "签约资金": "2022-H1"}


@pytest.mark.parametrize(
    ("before", "period"),
    [
        ("党的十八大以来,开发区地区生产总值年均增长", "2012-2022"),
        ("10年来,成功签约项目", "2012-2022"),
        ("去年,开发区新增企业", "2021"),
        ("较去年同期增长", None),
    ],
)
def test_spans_and_last_year(before: str, period: str | None) -> None:
    assert period_for(before, PeriodContext(None, report_year=2022)) == period


def test_an_event_held_for_a_quarter_dates_the_figures_that_report_it() -> None:
    text = ("发布时间:2022-10-14\n"
            "9月16日,青松区举行2022年第三季度重大项目集中签约、开工活动,本次集中签约、开工项目共26个,总投资93亿元。\n"
            "集中开工项目15个,总投资48亿元。\n"
            "另外,园区新增孵化器3家。\n")
    periods = _periods(text)
    assert periods["集中签约、开工项目"] == "2022-Q3"
    assert periods["集中开工项目总投资"] == "2022-Q3"
    # not the event's quarter: only the page's date line dates it
    assert periods["新增孵化器"] == "2022"


def test_a_plan_announced_later_in_the_sentence_makes_its_figures_targets() -> None:
    text = ("青松日报讯(记者 王一) 新增工业产值90亿元以上,完成固定资产投资135亿元以上;进出口总额增长15%以上……"
            "2月26日,开发区工作会议传来消息,2025年,该区将紧扣目标,全力推动高质量发展。\n")
    assert _rows(text) == {
        ("新增工业产值", 9_000_000_000.0, "CNY", "2025", "target"),
        ("固定资产投资", 13_500_000_000.0, "CNY", "2025", "target"),
        ("进出口总额增长", 15.0, "percent", "2025", "target"),
    }
    assert planned_year("到2025年,实现产值") is None


def test_a_hedge_before_a_semicolon_does_not_govern_the_next_piece() -> None:
    text = "今年全区地区生产总值总量和增速都将位列全省前列;工业增加值186.4亿元,增长17.3%。\n"
    kinds = {metric: kind for metric, _, _, _, kind in _rows(text)}
    assert kinds["工业增加值"] == "actual"


def test_a_short_headline_line_is_not_read_twice() -> None:
    text = ("青松高新区一季度重点项目开工——共涉及17个项目,总投资96亿元\n"
            "1月20日,高新区2021年一季度重大项目集中开工。此次开工项目共17个,总投资96亿元。\n")
    assert _rows(text) == {
        ("开工项目", 17.0, "count", "2021-Q1", "actual"),
        ("开工项目总投资", 9_600_000_000.0, "CNY", "2021-Q1", "actual"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年,全市本次共签约项目71个。",
        "2023年,蓝湾智造产业园项目主要建设3个生产厂区。",
        "2023年,项目占地160亩,一期投资12亿元。",
        "2023年,考察组走进青松机器人,察看新增年产5万吨生产线。",
        "2023年,对上年度营业收入在1亿元以上的企业给予奖励。",
        "2023年,全省共有国家级经济开发区19家。",
    ],
)
def test_figures_of_the_city_a_project_a_company_or_a_threshold_are_not_zone_indicators(sentence: str) -> None:
    assert _rows(sentence + "\n") == set()


def test_a_figure_of_the_zone_is_still_read_beside_them() -> None:
    assert ("新签约亿元以上项目投资总额", 42_000_000_000.0, "CNY", "2023", "actual") in _rows(
        "2023年,全区新签约亿元以上项目88个,投资总额420亿元。\n")


def test_about_region() -> None:
    assert about_region("全市本次共签约项目")
    assert not about_region("占全市")


def test_shared_growth_is_split_per_quantity() -> None:
    assert shared_growth_metrics("亩均税收、人均税收和亩均营业收入增长") == [
        "亩均税收增长", "人均税收增长", "亩均营业收入增长"]
    assert shared_growth_metrics("专精特新、小巨人企业增长") == []


def test_an_estimate_of_the_year_under_way_is_actual_and_a_bare_magnitude_is_an_amount() -> None:
    rows = _rows("蓝湾日报 2023-12-19\n"
                 "预计今年该区地区生产总值首次突破千亿元,总量和增速两项指标均将位列全省第三。\n")
    assert ("地区生产总值", 100_000_000_000.0, "CNY", "2023", "actual") in rows
    assert ("地区生产总值增速全省排名", 3.0, "rank", "2023", "actual") in rows


def test_an_amount_before_the_projects_it_totals_is_named_after_them() -> None:
    assert _rows("2021年,青松高新区举办秋季重大项目签约开工活动,总投资564亿元的91个项目集中签约开工。\n") == {
        ("集中签约开工项目", 91.0, "count", "2021", "actual"),
        ("集中签约开工项目总投资", 56_400_000_000.0, "CNY", "2021", "actual"),
    }


def test_a_rank_in_a_quoted_list() -> None:
    rows = _rows("2024年,青松经济开发区位列全国“省级开发区成长潜力百强”第9位。\n")
    assert rows == {("省级开发区成长潜力百强排名", 9.0, "rank", "2024", "actual")}


def test_last_year_as_a_whole_and_rates_and_short_zone_names() -> None:
    rows = _rows("发稿时间:2023-02-06\n"
                 "去年全年,青松高新区申报高企认定企业74家,同比增长5.1%;获评高企认定企业51家,通过率68.92%。\n")
    assert rows == {
        ("申报高企认定企业", 74.0, "count", "2022", "actual"),
        ("申报高企认定企业同比增长", 5.1, "percent", "2022", "actual"),
        ("获评高企认定企业", 51.0, "count", "2022", "actual"),
        ("获评高企认定企业通过率", 68.92, "percent", "2022", "actual"),
    }


def test_a_listed_honour_names_the_count_of_its_holders() -> None:
    rows = _rows("2023年1月,市科技局发布《2022年度雏鹰计划拟入库企业名单》,包括青松机器人、蓝湾冷链等在内的"
                 "6家青松高新区企业入选其中。\n")
    assert rows == {("入选雏鹰计划拟入库企业", 6.0, "count", "2023", "actual")}


def test_repeated_event_figures_collapse_and_a_total_after_a_count_is_its_own() -> None:
    rows = _rows("2021年一季度重大项目集中开工。此次开工项目共14个,总投资73亿元。\n"
                 "据了解,当天开工的项目总投资73亿元。\n"
                 "开工的14个项目中,6个工业项目总投资52.5亿元。\n")
    assert rows == {
        ("开工项目", 14.0, "count", "2021-Q1", "actual"),
        ("开工项目总投资", 7_300_000_000.0, "CNY", "2021-Q1", "actual"),
        ("工业项目", 6.0, "count", "2021-Q1", "actual"),
        ("工业项目总投资", 5_250_000_000.0, "CNY", "2021-Q1", "actual"),
    }


def test_a_look_back_is_actual_even_after_a_target_year() -> None:
    rows = _rows("到2025年,全区力争规模以上工业总产值超过2500亿元。\n"
                 "据了解,今年以来,全区已新引进亿元以上项目23个,总投资281亿元。\n")
    kinds = {metric: kind for metric, _, _, _, kind in rows}
    assert kinds["规模以上工业总产值"] == "target"
    assert kinds["新引进亿元以上项目"] == kinds["新引进亿元以上项目总投资"] == "actual"


def test_a_sentence_about_one_company_gives_no_zone_figure() -> None:
    assert _rows("2023年,青松机器人有限公司实现营业收入9亿元。\n") == set()


def test_figures_of_this_event_past_year_and_a_named_project_total() -> None:
    rows = _rows("发布时间:2023-02-13\n"
                 "2月10日上午,青松经开区迎来2023年一季度产业项目集中签约暨重大项目集中开工。\n"
                 "过去一年,经开区共签约项目41个,合同投资额268亿元。\n"
                 "今年以来,经开区本次共签约项目16个,总投资额118.2亿元。\n"
                 "其中蓝湾商业综合体总投资35亿元。\n")
    assert rows == {
        ("签约项目", 41.0, "count", "2022", "actual"),
        ("合同投资额", 26_800_000_000.0, "CNY", "2022", "actual"),
        ("签约项目", 16.0, "count", "2023-Q1", "actual"),
        ("签约项目总投资额", 11_820_000_000.0, "CNY", "2023-Q1", "actual"),
    }


def test_average_growth_and_months_are_no_counts() -> None:
    rows = _rows("上半年,青松经开区规上工业增加值同比增长19.2%,两年平均增长11.6%,持续5个月稳居全市第一。\n")
    assert rows == {
        ("规上工业增加值同比增长", 19.2, "percent", None, "actual"),
        ("规上工业增加值两年平均增长", 11.6, "percent", None, "actual"),
        ("规上工业增加值同比增长全市排名", 1.0, "rank", None, "actual"),
    }


def test_shared_growth_with_jun() -> None:
    assert shared_growth_metrics("固定资产投资、工业投资、服务业投资均增长") == [
        "固定资产投资增长", "工业投资增长", "服务业投资增长"]


def test_shares_of_the_city_fractions_and_doubling() -> None:
    assert _rows("2023年,全区拥有全市1/4的独角兽企业、超1/5的工业软件企业以及40%的动漫游戏企业。\n") == {
        ("独角兽企业占全市比重", 25.0, "percent", "2023", "actual"),
        ("工业软件企业占全市比重", 20.0, "percent", "2023", "actual"),
        ("动漫游戏企业占全市比重", 40.0, "percent", "2023", "actual"),
    }
    rows = _rows("2019年,新认定高新技术企业38家、科技型中小企业126家,均占全市的三分之一。\n")
    assert ("新认定高新技术企业、科技型中小企业占全市比重", 33.33, "percent", "2019", "actual") in rows
    assert ("跨境电商交易额增长", 100.0, "percent", "2022", "actual") in _rows(
        "2022年,全区跨境电商交易额实现翻番,固定资产投资增长12%。\n")
    assert _rows("2023年是用三年时间实现工业投资翻番的起步之年。\n") == set()


def test_a_total_right_after_an_event_is_named_after_its_projects() -> None:
    assert _rows("2019年12月24日,青松科学城举行重点项目集中签约、入驻、开工仪式,投资金额达615亿元。\n") == {
        ("集中签约、入驻、开工项目投资金额", 61_500_000_000.0, "CNY", "2019", "actual")}


def test_what_a_city_has_is_no_zone_figure_but_what_the_zone_has_is() -> None:
    assert _rows("2018年,蓝湾市有3家开发区位列前十。\n") == set()
    assert ("省级以上专精特新企业", 5.0, "count", "2022", "actual") in _rows(
        "2022年,全区在现有5家省级以上专精特新企业的基础上,力争再新增3家。\n")


def test_an_object_fronted_before_the_clause_that_counts_it() -> None:
    assert ("培育独角兽类企业", 6.0, "count", "2023", "actual") in _rows(
        "2023年,像青松公司一样的独角兽类企业,高新区已培育6家。\n")


def test_named_project_amounts_and_a_rank_of_a_total() -> None:
    assert _rows("2023年,青松医疗机器人项目签约额3亿元。\n") == set()
    rows = _rows("2021年,全区省级企业技术中心中小企业达24家,总数居全市第一。\n")
    assert ("省级企业技术中心中小企业总数全市排名", 1.0, "rank", "2021", "actual") in rows


def test_a_dateline_on_a_metadata_line_dates_figures_nothing_else_dates() -> None:
    # the 来源 line is blanked as page furniture; its date still dates the page
    text = ("来源:青松日报 2023-03-08 10:12\n"
            "3月7日,青松高新区举行重点项目集中开工活动,集中开工项目12个,总投资58亿元。\n"
            "园区现有孵化器6家。\n")
    periods = _periods(text)
    assert periods["集中开工项目"] == "2023"
    assert periods["孵化器"] == "2023"


def test_an_undated_page_gives_undated_figures_a_period_of_none() -> None:
    periods = _periods("青松高新区现有孵化器6家。\n")
    assert periods["孵化器"] is None


def test_a_status_takes_the_dateline_year_when_the_text_names_none() -> None:
    from ingest.emit import to_gold_json
    from ingest.pipeline import run

    text = ("发布时间:2021-05-20\n"
            "5月19日,青松高新区蓝湾冷链物流项目开工,总投资6亿元。\n")
    facts = to_gold_json(run(Document("d", "d.txt", text)))["facts"]
    assert [(f["o"], f["year"]) for f in facts if f["p"] == "status"] == [("started", 2021)]


def test_what_projects_are_expected_to_yield_is_a_target_named_after_them() -> None:
    rows = _rows("5月8日,青松高新区举行项目集中签约活动,签约项目12个,总投资86亿元,预计总产值150亿元。\n")
    assert ("签约项目总产值", 15e9, "CNY", None, "target") in rows
    assert ("签约项目总投资", 86e8, "CNY", None, "actual") in rows


def test_an_estimate_of_the_year_under_way_stays_actual() -> None:
    rows = _rows("2023年,青松高新区预计地区生产总值突破500亿元。\n")
    assert {(m, k) for m, _, _, _, k in rows} == {("地区生产总值", "actual")}


@pytest.mark.parametrize(
    ("text", "metric", "value", "kind"),
    [
        ("2022年,青松高新区产值已达233亿元。\n", "产值", 233e8, "actual"),
        ("2022年,该开发区实现进出口值50亿元。\n", "进出口值", 50e8, "actual"),
        ("2022年,青松高新区新获批小巨人企业数量占全市总数的1/3。\n", "新获批小巨人企业数量占全市总数", 33.33, "actual"),
        ("2022年,青松高新区蓝湾、启明等7家企业入围第四批小巨人企业。\n", "入围第四批小巨人企业", 7, "actual"),
        ("今年,青松高新区计划实施亿元以上项目30个,年度计划投资40亿元。\n", "实施亿元以上项目", 30, "target"),
        ("今年,青松高新区计划实施亿元以上项目30个,年度计划投资40亿元。\n", "年度计划投资", 40e8, "target"),
    ],
)
def test_metric_words_and_kinds(text: str, metric: str, value: float, kind: str) -> None:
    assert (metric, value, kind) in {(m, v, k) for m, v, _, _, k in _rows(text)}


def test_figures_after_a_clause_naming_one_project_are_that_projects() -> None:
    rows = _rows("2022年,在光电领域,青松高新区蓝湾显示芯片项目动工,总投资15亿元,计划年产值25亿元。\n"
                 "2022年,青松高新区开工项目12个,总投资80亿元。\n")
    assert {m for m, *_ in rows} == {"开工项目", "开工项目总投资"}


def test_ranks_take_the_year_of_the_ranking_they_come_from() -> None:
    rows = _rows("发布时间:2018-07-05\n"
                 "《2017年江南省开发区综合考评报告》显示,青松高新区在全省国家级开发区中位列第4名。\n")
    assert {(u, p) for _, _, u, p, _ in rows} == {("rank", "2017")}


def test_the_size_of_a_group_in_a_note_is_no_figure() -> None:
    rows = _rows("2024年,在西部地区(共46家高新区)中,青松高新区位居第二。\n")
    assert {u for _, _, u, _, _ in rows} == {"rank"}


def test_a_sentence_opening_with_qizhong_details_the_figures_before() -> None:
    rows = _rows("2023年3月,青松高新区召开重点项目推进会。\n"
                 "今年,青松高新区计划实施亿元以上项目40个。其中,10个投资超20亿元的重大项目,年度计划投资90亿元。\n")
    assert ("投资超20亿元重大项目", 10, "count", "2023", "target") in rows
    assert ("年度计划投资", 9e9, "CNY", "2023", "target") in rows


def test_an_industry_named_as_the_subject_names_the_figures_after_it() -> None:
    rows = _rows("2023年,以蓝湾、启明等为龙头的智能装备产业集群,集聚近80家规模企业,产值已达233亿元;"
                 "生物医药产业方面,规上产值达63亿元。\n")
    metrics = {m for m, *_ in rows}
    assert {"智能装备产业集群产值", "生物医药产业规上产值"} <= metrics


def test_figures_of_a_document_a_ministry_publishes_are_not_the_zones() -> None:
    rows = _rows("2018年,工信部发布《关于开展小巨人企业培育工作的通知》,计划利用三年时间培育600家左右小巨人企业。"
                 "青松高新区获批小巨人企业10家。\n")
    assert {(m, v) for m, v, *_ in rows} == {("获批小巨人企业", 10)}


def test_projects_designated_for_the_year_are_a_plan_the_projects_started_are_not() -> None:
    rows = _rows("2018年,青松高新区确定了总投资89亿元的16个重点建设项目,本次集中开工项目8个,总投资18亿元。\n")
    kinds = {m: k for m, _, _, _, k in rows}
    assert kinds["重点建设项目"] == "target"
    assert kinds["集中开工项目"] == "actual"


def test_the_figures_of_that_project_are_not_the_zones() -> None:
    rows = _rows("2023年,记者了解到,该项目总投资26亿元,主要建设市政道路。\n")
    assert rows == set()


def test_figures_of_a_named_trading_platform_are_not_the_zones() -> None:
    rows = _rows("2019年,青松高新区新增企业12家。蓝湾冷链电子交易平台注册用户3000余人,成交总额达1.4亿元。\n")
    assert {m for m, *_ in rows} == {"新增企业"}


def test_figures_of_an_event_the_city_holds_are_the_citys_until_a_zone_opens_a_sentence() -> None:
    rows = _rows("9月8日,青阳市举行重点项目集中开工活动,32个项目集中开工,总投资120亿元。\n"
                 "此次开工的项目中,先进制造业项目20个。\n"
                 "青松高新技术产业开发区集中开工项目9个,总投资31亿元。\n"
                 "另据统计,全年高新区规上工业产值增长12%。")
    metrics = {metric for metric, *_ in rows}
    assert not any(value in (32.0, 12_000_000_000.0, 20.0) for _, value, *_ in rows)
    assert any(value == 9.0 for _, value, *_ in rows) and any(value == 3_100_000_000.0 for _, value, *_ in rows)
    assert any("规上工业产值" in metric for metric in metrics)  # a paragraph not about the event is the zone's


def test_a_zone_holding_its_own_event_keeps_its_figures() -> None:
    rows = _rows("9月8日,青阳市青松高新技术产业开发区举行项目集中签约仪式,签约项目15个,总投资48亿元。")
    assert any(value == 15.0 for _, value, *_ in rows)


def test_a_city_total_after_this_event_is_the_citys() -> None:
    assert about_region("此次全市共有") and not about_region("本次签约项目")


def test_figures_of_a_forum_above_the_zone_are_the_forums() -> None:
    rows = _rows("11月2日,第二届某某经贸论坛暨配套活动进行了项目集中签约,20个项目签约,总金额350亿元。\n"
                 "签约的20个跨国合作项目,涉及船舶配套、冷链物流等领域,总金额350亿元。\n"
                 "2023年,青松高新区新增高新技术企业30家。")
    assert {value for _, value, *_ in rows} == {30.0}
