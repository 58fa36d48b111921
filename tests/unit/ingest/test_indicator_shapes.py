"""Indicator shapes met on real zone pages, checked on invented sentences of the same form."""

from __future__ import annotations

import unicodedata

from ingest.document import Document, Sentence
from ingest.extract.indicators import extract_indicators
from kg.model import EntityType

ZONE = (EntityType.ZONE, "青松经济开发区")


def _doc(*sentences: str) -> Document:
    text, parts = "", []
    for index, sentence in enumerate(sentences):
        sentence = unicodedata.normalize("NFKC", sentence)
        parts.append(Sentence(index, len(text), len(text) + len(sentence), sentence))
        text += sentence + "\n"
    return Document(doc_id="d", source_name="d.txt", raw=text, text=text, sentences=tuple(parts), home_zone=ZONE)


def _rows(*sentences: str) -> set[tuple[str, float, str, str]]:
    _, facts = extract_indicators(_doc(*sentences))
    return {(f.attr("metric"), f.attr("value"), f.attr("unit"), f.attr("kind")) for f in facts}


def test_progress_towards_a_target_is_named_after_the_count_and_is_actual() -> None:
    rows = _rows("1-8月，园区新开工亿元以上项目12个，其中10亿元以上项目3个，完成全年目标的75%。")
    assert ("新开工亿元以上项目完成全年目标", 75.0, "percent", "actual") in rows
    assert not any(metric == "全年目标" for metric, *_ in rows)


def test_share_of_an_assessment_task_is_actual() -> None:
    rows = _rows("今年以来，开发区新签约蓝湾冷链、启明光电等工业项目30个，占考核任务的90%。")
    assert ("新签约工业项目占考核任务", 90.0, "percent", "actual") in rows


def test_a_hedged_progress_figure_stays_a_target() -> None:
    rows = _rows("全年力争新开工项目20个，确保完成年度任务的100%。")
    assert all(kind == "target" for *_, kind in rows)


def test_an_area_the_phrase_does_not_name_is_no_zone_figure() -> None:
    rows = _rows("园区充分利用5万平方米孵化中心资源，完成企业入驻20家。")
    assert not any(unit == "m2" for _, _, unit, _ in rows)
    assert _rows("开发区新增工业用地300亩。") == {("新增工业用地", 300.0, "mu", "actual")}


def test_a_count_whose_words_name_the_next_figure_keeps_its_class() -> None:
    rows = _rows("活动现场，12家银行机构意向授信300亿元。")
    assert ("银行机构", 12.0, "count", "actual") in rows
    assert ("银行机构意向授信", 30_000_000_000.0, "CNY", "actual") in rows


def test_a_count_before_a_rate_of_the_same_firms() -> None:
    rows = _rows("园内38家高新技术企业营业收入比例高达47.2%。")
    assert rows == {("高新技术企业", 38.0, "count", "actual"),
                    ("高新技术企业营业收入比例", 47.2, "percent", "actual")}


def test_a_count_followed_by_its_total_still_links_it() -> None:
    rows = _rows("园区本次集中开工的20个项目总投资88亿元。")
    assert ("集中开工项目总投资", 8_800_000_000.0, "CNY", "actual") in rows


def test_a_rank_named_by_the_ranking_the_clause_before_describes() -> None:
    rows = _rows("在全省省级开发区综合考核评价中,青松经济开发区位列第三。")
    assert rows == {("全省省级开发区综合考核评价排名", 3.0, "rank", "actual")}


def test_a_ranking_of_all_zones_still_gives_the_zone_its_place() -> None:
    rows = _rows("全省开发区综合考核评价结果公布,青松经济开发区位列第七。")
    assert rows == {("全省开发区综合考核评价排名", 7.0, "rank", "actual")}
    assert _rows("全省开发区完成进出口总额100亿元。") == set()


def test_ranks_given_respectively_go_to_each_zone_named() -> None:
    sentence = "在全省高新区考核评价中,青松经济开发区和白鹭高新区进入前五,分别位列第二和第五。"
    _, facts = extract_indicators(_doc(sentence))
    got = {(f.subject[1], f.attr("metric"), f.attr("value")) for f in facts}
    assert got == {("青松经济开发区", "全省高新区考核评价排名", 2.0), ("白鹭高新区", "全省高新区考核评价排名", 5.0)}


def test_a_bound_of_a_ranking_is_no_count() -> None:
    assert not any(unit == "count" for _, _, unit, _ in _rows("全省开发区综合排序中,全市有3家位列前20位。"))


def test_clause_residue_is_trimmed_from_metric_names() -> None:
    rows = _rows("园区集聚了医疗器械企业35家。", "据悉,参与签约的12个项目涵盖新材料、新能源等领域。")
    assert ("集聚医疗器械企业", 35.0, "count", "actual") in rows
    assert ("签约项目", 12.0, "count", "actual") in rows


def test_visits_and_vague_counts_are_no_indicators() -> None:
    assert _rows("招商小分队先后拜访对接上下游企业40余家。") == set()
    assert _rows("片区用地集约度等多项考核指标达到100%。") == set()


def test_a_rate_compared_with_the_city_average_in_words() -> None:
    rows = _rows("园区高企认定通过率72.9%,超过全市平均通过率(60.4%)十二个百分点。")
    assert rows == {("高企认定通过率", 72.9, "percent", "actual"),
                    ("高企认定通过率超过全市平均", 12.0, "percentage_point", "actual")}


def test_the_years_planned_investment_of_started_projects_is_a_target_of_the_year() -> None:
    doc = _doc("一季度,园区集中开工项目15个。", "据了解,当天开工的项目总投资80亿元,年度投资20亿元。")
    _, facts = extract_indicators(doc)
    planned = [f for f in facts if f.attr("metric").endswith("年度投资")]
    assert [(f.attr("kind"), f.attr("value")) for f in planned] == [("target", 2_000_000_000.0)]


def test_what_a_park_may_create_in_future_is_a_target() -> None:
    rows = _rows("园区未来累计可创造超过5000个就业机会。")
    assert {kind for *_, kind in rows} == {"target"}


def test_a_size_class_of_projects_with_two_currencies_is_no_amount() -> None:
    rows = _rows("1-6月,园区新开工亿元以上项目10个,其中3亿元或2000万美元以上项目4个。")
    assert not any(unit == "CNY" for _, _, unit, _ in rows)
    assert any(metric.endswith("3亿元或2000万美元以上项目") and value == 4.0 for metric, value, _, _ in rows)


def test_approximation_and_existence_words_leave_the_metric() -> None:
    rows = _rows("另外,还有近18个产业项目已经落地,签约项目总投资接近90亿元。")
    assert ("签约项目总投资", 9_000_000_000.0, "CNY", "actual") in rows
    assert not any(metric.startswith("有") for metric, *_ in rows)


def test_figures_of_a_project_described_by_its_site_are_not_the_zones() -> None:
    assert _rows("蓝湾冷链物流园项目位于园区东部,总规划300亩,一期投资10亿元。") == set()


def test_money_written_without_yuan_after_a_money_word() -> None:
    rows = _rows("2024年,园区开复工项目25个,预计总投资60亿,年度投资18亿。")
    assert ("年度投资", 1_800_000_000.0, "CNY", "target") in rows
    assert any(value == 6_000_000_000.0 and unit == "CNY" for _, value, unit, _ in rows)


def test_livestock_heads_and_a_shared_head_noun() -> None:
    rows = _rows("园区生猪存栏和出栏分别达到3万头、1.2万头。")
    assert rows == {("生猪存栏", 30_000.0, "head", "actual"), ("生猪出栏", 12_000.0, "head", "actual")}


def test_a_standing_held_years_in_a_row_counts_the_years() -> None:
    rows = _rows("这一成绩使园区连续6年位列全省开发区综合考核第一。")
    assert ("连续位列全省开发区综合考核第一", 6.0, "year", "actual") in rows
    assert not any(unit == "year" for _, _, unit, _ in _rows("园区研发投入连续5年增长。"))


def test_the_capacity_or_site_of_one_project_is_part_of_its_name() -> None:
    assert _rows("园区计划年底前开工年产3万吨高端润滑油项目。") == set()
    assert _rows("正在推进青松10万吨乳酸、5万吨聚乳酸项目建设。") == set()


def test_sum_words_and_cut_brackets_leave_metric_names() -> None:
    rows = _rows("据悉,6月份园区共新引进产业项目30个,合计投资总额90亿元。")
    assert ("新引进产业项目投资总额", 9_000_000_000.0, "CNY", "actual") in rows
    rows = _rows("截至5月底,已核准入区厂商共计36家(包含4家扩厂)。")
    assert ("核准入区厂商", 36.0, "count", "actual") in rows


def test_a_breakdown_of_the_figures_before_shares_their_year() -> None:
    _, facts = extract_indicators(_doc(
        "2023年,园区集中开工重点项目40个。",
        "同日,蓝湾冷链与园区签约,总投资20亿元的冷链物流园项目落户园区。",
        "在这40个项目中,产业项目有12个,总投资达60亿元;",
        "基础设施项目28个,包括新建道路工程6个、管网工程22个。",
    ))
    rows = {(f.attr("metric"), f.attr("value"), f.attr("period")) for f in facts}
    assert ("产业项目", 12.0, "2023") in rows and ("产业项目总投资", 6_000_000_000.0, "2023") in rows
    assert ("基础设施项目", 28.0, "2023") in rows and ("新建道路工程", 6.0, "2023") in rows
    assert not any(value == 40.0 and metric != "集中开工重点项目" for metric, value, _ in rows)


def test_a_class_of_platform_projects_is_counted() -> None:
    assert ("公共服务平台项目", 4.0, "count", "actual") in _rows("公共服务平台项目有4个,总投资达13亿元。")


def test_a_headline_after_an_exclamation_on_the_first_line_restates_the_body() -> None:
    text = "重磅!园区第二批20个重点项目集中开工\n此次园区集中开工重点项目20个,总投资达80亿元。\n"
    parts = (Sentence(0, 0, 3, "重磅!"), Sentence(1, 3, 19, text[3:19]), Sentence(2, 20, len(text) - 1, text[20:-1]))
    doc = Document(doc_id="d", source_name="d.txt", raw=text, text=text, sentences=parts, home_zone=ZONE)
    metrics = [f.attr("metric") for f in extract_indicators(doc)[1]]
    assert metrics == ["集中开工重点项目", "集中开工重点项目总投资"]


def test_a_class_named_by_the_act_that_brought_it() -> None:
    rows = _rows("孵化中心完成蓝湾冷链、青松机器人等25家企业入驻;工业园里,启明光电等18个工业实体完成入驻。")
    assert ("入驻企业", 25.0, "count", "actual") in rows
    assert ("入驻工业实体", 18.0, "count", "actual") in rows


def test_what_counted_projects_are_to_yield_is_a_target_named_after_them() -> None:
    rows = _rows("此次集中开工项目8个,总投资36亿元,预计达产后年产值60亿元,税收3亿元,解决就业约1800人。")
    assert ("集中开工项目达产后年产值", 6e9, "CNY", "target") in rows
    assert ("集中开工项目税收", 3e8, "CNY", "target") in rows
    assert ("集中开工项目解决就业", 1800.0, "count", "target") in rows
    assert ("集中开工项目总投资", 3.6e9, "CNY", "actual") in rows


def test_a_yield_without_a_counted_class_of_projects_is_not_renamed() -> None:
    rows = _rows("今年以来,园区规上工业产值达120亿元,税收8亿元。")
    assert ("税收", 8e8, "CNY", "actual") in rows


def _ranks(*sentences: str) -> set[tuple[str, str, float]]:
    _, facts = extract_indicators(_doc(*sentences))
    return {(f.subject[1], f.attr("metric"), f.attr("value")) for f in facts if f.attr("unit") == "rank"}


def test_first_place_without_a_numeral_is_rank_one_of_the_published_ranking() -> None:
    found = _ranks("日前，海关部门揭晓了2021年度全国综合保税区综合考核排名，"
                   "白鹭综合保税区在全国150个综合保税区中独占鳌头。")
    assert found == {("白鹭综合保税区", "全国综合保税区综合考核排名", 1.0)}


def test_ranks_of_two_zones_in_a_group_go_to_the_zone_each_clause_opens_with() -> None:
    found = _ranks("在东部地区(共40家综合保税区)中，白鹭综合保税区荣登榜首，远帆综合保税区紧随其后，位居第二。")
    group = "东部地区综合保税区排名"
    assert found == {("白鹭综合保税区", group, 1.0), ("远帆综合保税区", group, 2.0)}


def test_ranks_in_brackets_after_each_listed_zone() -> None:
    found = _ranks("全省经济开发区排名前30位中，分别是白鹭化学工业园(第22位)、远帆经济开发区(第25位)。")
    assert found == {("白鹭化学工业园", "全省经济开发区排名", 22.0), ("远帆经济开发区", "全省经济开发区排名", 25.0)}


def test_the_home_zone_s_first_place_in_a_city() -> None:
    assert _ranks("园区地区生产总值增速位居全市首位。") == {("青松经济开发区", "地区生产总值增速全市排名", 1.0)}


def test_the_part_of_a_counted_class_that_reached_an_act_is_named_after_the_class() -> None:
    rows = _rows("截至目前，首轮73个重点项目，累计完工51个。")
    assert ("首轮重点项目累计完工", 51.0, "count", "actual") in rows


def test_a_comment_on_a_counted_class_is_no_part_of_its_name() -> None:
    rows = _rows("此次签约落户园区、总投资11.8亿元的5个外资项目备受瞩目。")
    assert ("外资项目", 5.0, "count", "actual") in rows


def test_a_count_restated_as_the_group_a_clause_details_is_no_new_figure() -> None:
    rows = _rows("本次集中签约的9个项目合计投资21.5亿元。", "在签约的9个项目中，青松冷链项目投资最大。")
    assert [row for row in rows if row[1] == 9.0] == [("集中签约项目", 9.0, "count", "actual")]


def test_a_figure_of_another_district_is_no_zone_figure() -> None:
    assert not _rows("近期，南岭区开竣工的项目共有42个，总投资达147亿元。")
    assert ("启动区面积", 7.8, "km2", "actual") in _rows("园区启动区面积7.8平方公里。")


def test_a_count_taken_up_again_to_describe_its_projects_is_no_new_figure() -> None:
    rows = _rows("2月3日,园区举行项目集中签约仪式,共签约16个项目,总投资52亿元。",
                 "本次签约的16个项目涉及竹木加工、冷链物流等领域,总投资52亿元。",
                 "甲公司、乙公司等16个项目均已进场施工。")
    assert {value for _, value, _, _ in rows} == {16.0, 5_200_000_000.0}
    assert len(rows) == 2


def test_a_small_count_met_again_is_a_figure_of_its_own() -> None:
    rows = _rows("2022年,园区新建企业党组织5个。", "2022年,园区打造的5个示范点全部建成。")
    assert len({metric for metric, value, _, _ in rows if value == 5.0}) == 2


def test_the_conditions_a_designation_sets_are_no_figures_of_the_zone() -> None:
    rows = _rows("据了解,入选省级领航企业需满足一系列条件,如上年度营业收入在5000万元以上;",
                 "拥有有效发明专利3项以上;研发投入占销售收入比例不低于4%。",
                 "2022年,园区新增领航企业6家。")
    assert {metric for metric, *_ in rows} == {"新增领航企业"}



def test_a_sentence_describing_one_project_named_after_a_new_material_gives_no_zone_figures() -> None:
    rows = _rows("2021年一季度,园区集中开工项目12个。",
                 "新型陶瓷及新兴涂层产业园项目主要建设3个集中制造区、4个规模化子项目以及1个技术研究院。")
    assert {metric for metric, *_ in rows} == {"集中开工项目"}


def test_the_next_item_of_a_list_keeps_a_per_unit_lead_and_its_verb() -> None:
    rows = _rows("2022年,园区每平方公里集聚了高新技术企业40家、“领航”企业5家。")
    assert {metric for metric, *_ in rows} == {"每平方公里集聚高新技术企业", "每平方公里集聚领航企业"}


def test_names_listed_before_a_count_are_no_part_of_its_metric() -> None:
    rows = _rows("2023年,园区已培育独角兽类企业6家,包括甲医、乙光、丙微电子3家未来工厂和"
                 "丁教育、戊材料、己声光3家智慧车间。")
    assert {metric for metric, *_ in rows} >= {"智慧车间"}
    assert not any("、" in metric or "包括" in metric for metric, *_ in rows)


def test_a_count_opening_a_sentence_to_say_what_its_projects_are_restates_it() -> None:
    rows = _rows("8月11日,园区举行项目签约仪式,共有18个项目签约,合同总额约90亿元。",
                 "18个项目涉及船舶配套产业、竹木加工产业以及冷链物流等。")
    assert sum(value == 18.0 for _, value, _, _ in rows) == 1


def test_projects_that_held_a_ceremony_are_named_by_its_act() -> None:
    rows = _rows("其中,甲大楼、乙厂房2个项目于同日举行了动工仪式。")
    assert ("动工项目", 2.0, "count", "actual") in rows


def test_the_total_of_a_project_named_right_after_it_is_no_zone_figure() -> None:
    rows = _rows("2022年,园区18个医药类项目均已复工,其中总投资3.2亿元甲光学镜头合作项目,已主体完工。")
    assert {value for _, value, _, _ in rows} == {18.0}


def test_a_lowered_threshold_is_no_condition_of_a_designation() -> None:
    rows = _rows("2022年,园区降低企业入驻门槛,新增入驻企业26家。")
    assert ("新增入驻企业", 26.0, "count", "actual") in rows


def test_a_count_that_doubled_grew_by_a_hundred_percent_and_keeps_its_noun() -> None:
    rows = _rows("2022年,园区高企数量实现翻倍,外贸总额翻了一番。")
    assert {(metric, value) for metric, value, _, _ in rows} == {("高企数量增长", 100.0), ("外贸总额增长", 100.0)}


def test_a_share_of_the_region_after_a_growth_is_a_share_of_the_stock() -> None:
    rows = _rows("2022年,园区科技企业数量实现翻倍,占全市近1/4。")
    assert ("科技企业数量占全市比重", 25.0, "percent", "actual") in rows


def test_a_place_held_in_a_row_is_named_in_the_scope_it_was_just_ranked_in() -> None:
    rows = _rows("2022年,园区在120家省级以上开发区中排名第5位,全省经开区排名第3位,连续3年取得第3位的好成绩。")
    assert ("连续取得全省经开区第3位", 3.0, "year", "actual") in rows


def test_the_total_of_projects_just_counted_is_theirs_not_one_projects() -> None:
    rows = _rows("今年以来,甲研发项目、乙租赁项目等8个项目签下入园协议,项目计划总投资约26亿元。")
    assert ("签下入园协议项目计划总投资", 2_600_000_000.0, "CNY", "actual") in rows


def test_an_area_written_before_a_district_of_the_zone_is_that_districts_area() -> None:
    rows = _rows("近两年,园区建好了6.5平方公里启动区的道路管网。")
    assert ("启动区面积", 6.5, "km2", "actual") in rows


def test_a_number_inside_a_documents_title_is_no_figure() -> None:
    rows = _rows("2019年,园区印发了《园区2019年工作要点》《全区8项便民工程》,新开工项目18个。")
    assert {value for _, value, _, _ in rows} == {18.0}
