"""Project shapes of real zone news, each on an INVENTED sentence: the project's name, amount,
investor and status as a reader of any zone's page would take them."""

from __future__ import annotations

from typing import Any

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.pipeline import run

OPENING = "2023年5月,青松经济开发区召开项目推进会。\n"


def _extract(text: str) -> dict[str, Any]:
    return to_gold_json(run(Document("t", "t.txt", OPENING + text)))


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    return {(f["s"], f.get("o", f.get("amount"))) for f in _extract(text)["facts"] if f["p"] == predicate}


def _projects(text: str) -> set[str]:
    return {e["name"] for e in _extract(text)["entities"] if e["type"] == "Project"}


def test_project_then_dong_gong_is_started() -> None:
    text = "在新能源领域,蓝湾控股集团高效储能电池项目动工,总投资12亿元。\n"
    assert ("蓝湾控股集团高效储能电池项目", "started") in _facts(text, "status")
    assert ("蓝湾控股集团高效储能电池项目", 1.2e9) in _facts(text, "investment")


def test_bracketed_part_stays_in_the_project_name() -> None:
    text = "总投资2.5亿元的远帆机械有限公司(二期)项目,投产后年产值可达10亿元。\n"
    assert "远帆机械有限公司(二期)项目" in _projects(text)
    assert ("远帆机械有限公司(二期)项目", 2.5e8) in _facts(text, "investment")


def test_investment_amount_and_stated_investor_after_the_project() -> None:
    text = "禾丰冷链物流项目投资额1.5亿元,投资方为禾丰食品有限公司。\n"
    assert ("禾丰冷链物流项目", 1.5e8) in _facts(text, "investment")
    assert _facts(text, "investor") == {("禾丰冷链物流项目", "禾丰食品有限公司")}


def test_signing_amount_counts_as_the_project_amount() -> None:
    text = "其中,星澜智能装备项目签约额4.5亿元,其投资方为星澜精工有限公司。\n"
    assert ("星澜智能装备项目", 4.5e8) in _facts(text, "investment")


def test_complex_with_total_investment_is_a_project_without_a_guessed_owner() -> None:
    text = "启明城市综合体总投资30亿元,将建设购物中心、写字楼等设施。\n"
    assert ("启明城市综合体", 3e9) in _facts(text, "investment")
    assert not _facts(text, "investor")


def test_driven_investment_is_not_the_project_amount() -> None:
    text = "北岭康养产业园项目建成后,带动投资5亿元。\n"
    assert not _facts(text, "investment")


def test_after_completion_is_a_prospect_not_a_status() -> None:
    text = "总投资6亿元的远帆精密轴承项目开工,建成后年产值可达20亿元。\n"
    assert _facts(text, "status") == {("远帆精密轴承项目", "started")}


def test_site_being_worked_on_is_a_project_under_construction() -> None:
    text = "在位于开发区东部的恒拓光电显示模组项目施工现场,工人们正在紧张作业。\n"
    assert _facts(text, "status") == {("恒拓光电显示模组项目", "under_construction")}


def test_this_project_takes_the_amount_of_the_project_named_before() -> None:
    text = "在恒拓光电显示模组项目施工现场,工人们正在作业。据了解,该项目总投资8亿元,预计明年投产。\n"
    assert _facts(text, "investment") == {("恒拓光电显示模组项目", 8e8)}
    assert ("恒拓光电显示模组项目", "in_production") not in _facts(text, "status")


def test_this_project_in_the_same_sentence() -> None:
    text = "主会场设在北岭智能装备产业园项目现场,该项目计划总投资12亿元,预计后年9月建成。\n"
    assert _facts(text, "investment") == {("北岭智能装备产业园项目", 1.2e9)}
    assert not _facts(text, "status")


def test_amounts_given_in_order_go_to_the_projects_in_order() -> None:
    text = "此外,总投资分别为5亿元、3亿元的北岭康养项目和南岸文旅项目等已签约落户开发区。\n"
    assert _facts(text, "investment") == {("北岭康养项目", 5e8), ("南岸文旅项目", 3e8)}
    assert _facts(text, "status") == {("北岭康养项目", "signed"), ("南岸文旅项目", "signed")}


def test_sites_of_a_tour_are_typed_by_their_ending() -> None:
    text = "调研组先后到智能装备厂房建设项目、华鼎电子项目和远拓环保有限公司等地进行督查。\n"
    entities = {(e["type"], e["name"]) for e in _extract(text)["entities"]}
    assert {("Project", "智能装备厂房建设项目"), ("Project", "华鼎电子项目"),
            ("Enterprise", "远拓环保有限公司")} <= entities
    assert ("Enterprise", "华鼎电子项目") not in entities


def test_numbered_items_lose_their_ordinal() -> None:
    text = ("一是星澜储能电池项目,计划总投资20亿元;二是禾丰食品加工项目,总投资3亿元,已完成主体施工。\n"
            "1.青松智能制造产业园项目,总投资15亿元,已于3月开工。\n")
    assert {"星澜储能电池项目", "禾丰食品加工项目", "青松智能制造产业园项目"} <= _projects(text)
    assert not any(name.startswith(("一是", "二是", "1")) for name in _projects(text))
    assert ("禾丰食品加工项目", 3e8) in _facts(text, "investment")
    assert ("青松智能制造产业园项目", "started") in _facts(text, "status")


def test_project_that_signs_successfully() -> None:
    text = "华鼎电子年产50万套汽车零部件项目成功签约,项目总投资6亿元。\n"
    assert ("华鼎电子年产50万套汽车零部件项目", 6e8) in _facts(text, "investment")
    assert ("华鼎电子年产50万套汽车零部件项目", "signed") in _facts(text, "status")


def test_projects_in_a_row_without_a_closing_head() -> None:
    text = "重点推进远帆新材料项目、蓝湾冷链物流项目、恒拓电池项目建设。\n"
    assert {"远帆新材料项目", "蓝湾冷链物流项目", "恒拓电池项目"} <= _projects(text)
    assert ("远帆新材料项目", "under_construction") in _facts(text, "status")


def test_counted_classes_of_projects_are_not_a_row_of_names() -> None:
    assert not _projects("全年实施11个重点推进项目和6个城市功能项目。\n")


def test_amount_noted_in_brackets_after_each_listed_project() -> None:
    for head in ("等5个项目集中签约", "集中签约"):
        text = f"会上,远帆智能制造项目(总投资15亿元)、蓝湾冷链物流园项目(总投资3亿元){head}。\n"
        assert _facts(text, "investment") == {("远帆智能制造项目", 1.5e9), ("蓝湾冷链物流园项目", 3e8)}, head
        assert ("远帆智能制造项目", "signed") in _facts(text, "status")


def test_invested_and_built_project_has_no_glued_particle() -> None:
    text = "投资5亿元建设的恒拓电池项目已经投产。\n"
    assert _projects(text) == {"恒拓电池项目"}


def _page(text: str) -> dict[str, Any]:
    return to_gold_json(run(Document("t", "t.txt", text)))


def test_projects_of_a_ground_breaking_page_take_the_event_status_and_date() -> None:
    page = ("青松经济开发区一季度重点项目集中开工\n\n"
            "2021年3月2日,青松经济开发区举行一季度重点项目集中开工仪式,共开工项目12个。\n\n"
            "总投资6亿元的远帆精密轴承项目,一期计划2022年底前建成。\n")
    statuses = {(f["s"], f["o"], f.get("year")) for f in _page(page)["facts"] if f["p"] == "status"}
    assert statuses == {("远帆精密轴承项目", "started", 2021)}


def test_a_page_of_signings_and_ground_breakings_gives_no_event_status() -> None:
    page = ("青松经济开发区举行项目集中签约暨集中开工活动\n\n"
            "2021年3月2日,活动现场共签约项目8个、开工项目12个。\n\n"
            "总投资6亿元的远帆精密轴承项目,一期计划2022年底前建成。\n")
    assert not [f for f in _page(page)["facts"] if f["p"] == "status"]


def test_a_row_of_kinds_of_work_is_no_row_of_projects() -> None:
    assert not _projects("要完善机制抓项目、简化流程批项目、集中力量建项目,确保完成目标。\n")
    assert not _projects("紧盯高校成果转化项目和上市公司募投项目,加快落地。\n")


def test_project_named_after_a_sub_park_is_located_in_it_and_in_the_home_zone() -> None:
    page = ("青松经济开发区重点项目集中开工\n\n2023年3月2日,青松经济开发区举行重点项目集中开工活动,北岭新城设分会场。\n"
            "北岭新城光电研究与创新中心项目总投资10亿元。\n")
    located = {(f["s"], f["o"]) for f in _page(page)["facts"] if f["p"] == "locatedIn"}
    project = "北岭新城光电研究与创新中心项目"
    assert {(project, "北岭新城"), (project, "青松经济开发区")} <= located


def test_amount_wordings_before_and_after_a_project() -> None:
    text = ("总投资15亿元、年产10万吨的远帆高性能纤维项目正式开工。\n"
            "总投资达8亿元的蓝湾冷链物流园项目顺利投产。\n"
            "计划总投资约为3.5亿元的恒拓储能电池项目签约落户。\n"
            "会上,星澜智能装备项目总投资5,000万元,已开工建设。\n"
            "投资9.6亿的北岭汽车城项目开工。\n")
    assert _facts(text, "investment") == {
        ("远帆高性能纤维项目", 1.5e9), ("蓝湾冷链物流园项目", 8e8), ("恒拓储能电池项目", 3.5e8),
        ("星澜智能装备项目", 5e7), ("北岭汽车城项目", 9.6e8)}


def test_project_signed_by_a_verb_at_the_end_of_its_clause() -> None:
    text = "活动现场,开发区与蓝湾集团签约了蓝湾冷链物流园项目。\n"
    assert _facts(text, "status") == {("蓝湾冷链物流园项目", "signed")}


def test_amount_in_the_clause_right_after_a_project() -> None:
    text = "开发区成功引进星澜智能装备项目,总投资5亿元。\n"
    assert _facts(text, "investment") == {("星澜智能装备项目", 5e8)}
    assert not _facts("开发区引进星澜智能装备项目,带动投资5亿元。\n", "investment")


def test_project_sheet_name_and_amount_lines() -> None:
    text = "项目名称:远帆高性能纤维项目\n总投资:15亿元\n"
    assert _facts(text, "investment") == {("远帆高性能纤维项目", 1.5e9)}


def test_quoted_project_name() -> None:
    assert "禾丰食品项目" in _projects("近日,“禾丰食品”项目正式落户开发区。\n")


def test_company_investing_to_build_gets_its_project() -> None:
    text = "恒拓科技追加投资3亿元扩建厂房。\n会上表彰了投资26亿元扩建新厂及总部大楼的蓝湾电机。\n"
    assert _facts(text, "investment") == {("恒拓科技项目", 3e8), ("蓝湾电机项目", 2.6e9)}
    assert _facts(text, "investor") == {("恒拓科技项目", "恒拓科技"), ("蓝湾电机项目", "蓝湾电机")}


def test_company_investing_in_a_named_project_keeps_that_name() -> None:
    text = "星澜科技投资5亿元建设星澜储能电池项目。\n"
    assert _projects(text) == {"星澜储能电池项目"}


def test_bare_yuan_on_a_taiwanese_page_is_new_taiwan_dollars() -> None:
    page = "2024年5月,新竹軟體園區舉行投資發表會,藍灣電機投資12億元擴建新廠。\n"
    investments = [f for f in _page(page)["facts"] if f["p"] == "investment"]
    assert [(f["amount"], f["currency"]) for f in investments] == [(1.2e9, "TWD")]


def test_bare_yuan_on_a_mainland_page_about_taiwanese_firms_stays_cny() -> None:
    page = "2024年5月,青松台商投资区举行签约会,蓝湾电机投资12亿元扩建新厂,该企业来自台湾高雄。\n"
    investments = [f for f in _page(page)["facts"] if f["p"] == "investment"]
    assert [f["currency"] for f in investments] == ["CNY"]


def test_joint_investors_and_a_second_project_of_the_same_partners() -> None:
    text = "全球500强德国蓝湾拟与远帆汽车共同投资6亿元,建设智能座舱模组项目,另投资1.8亿元,建设车载雷达项目。\n"
    assert _facts(text, "investment") == {("智能座舱模组项目", 6e8), ("车载雷达项目", 1.8e8)}
    assert _facts(text, "investor") == {(p, c) for p in ("智能座舱模组项目", "车载雷达项目")
                                        for c in ("蓝湾", "远帆汽车")}


def test_intended_investment_wording() -> None:
    text = "签约会上,投资意向高达150亿元的蓝湾滨海文旅项目备受关注。该项目由蓝湾集团投资。\n"
    assert _facts(text, "investment") == {("蓝湾滨海文旅项目", 1.5e10)}
    assert _facts(text, "investor") == {("蓝湾滨海文旅项目", "蓝湾集团")}


def test_put_into_use_and_trial_production_are_in_production() -> None:
    text = "远帆物流园项目已正式投入使用。\n蓝湾电池材料项目一期已试产。\n"
    assert _facts(text, "status") == {("远帆物流园项目", "in_production"), ("蓝湾电池材料项目", "in_production")}


def test_group_works_or_institute_opening_a_project_name_is_its_investor() -> None:
    text = "占地300亩的北岭发电总厂储灰场综合治理光伏发电项目并网发电。\n蓝湾研究院新能源材料产业园开工。\n"
    assert _facts(text, "investor") >= {("北岭发电总厂储灰场综合治理光伏发电项目", "北岭发电总厂")}


def test_counts_of_projects_by_what_became_of_them_are_no_projects() -> None:
    assert not _projects("园区今天有8个项目集中开工、6个项目集中签约。\n")


def test_science_projects_head_keeps_a_listed_works_a_project() -> None:
    text = "远帆·星辰航材检测中心等4个航天科创项目主体已封顶。\n"
    assert _facts(text, "status") == {("远帆·星辰航材检测中心", "under_construction")}


def test_roads_opened_to_traffic_and_works_built_are_completed() -> None:
    text = "远帆大道、蓝湾旅游公路北岭段率先通车,星澜会展中心建成运营。\n"
    assert _facts(text, "status") == {("远帆大道", "completed"), ("蓝湾旅游公路北岭段", "completed"),
                                      ("星澜会展中心", "completed")}


def test_works_after_completion_or_counted_are_no_project() -> None:
    assert not _projects("据介绍,星澜会展中心建成后将成为地标性建筑。\n")
    assert not _projects("第一期首3座大楼已经落成。\n")


def test_zone_figures_in_bare_yuan_on_a_taiwanese_page_are_new_taiwan_dollars() -> None:
    page = ("青松科學園區招商說明會\n"
            "2024年5月,青松科學園區吸引投資金額逾新臺幣41億元,園區軟體廠商營業額達120億元,位於台中。\n")
    figures = {(f["metric"], f["value"], f["unit"]) for f in _page(page)["facts"] if f["p"] == "indicator"}
    assert figures == {("吸引投资金额", 4.1e9, "TWD"), ("软件厂商营业额", 1.2e10, "TWD")}


def test_works_a_company_invests_in_without_the_word_project() -> None:
    text = "其中日本青岚光电公司拟投资3000万美元,在青松建设智能识别园,从事芯片研发。\n"
    assert ("智能识别园", "青岚光电公司") in _facts(text, "investor")
    assert ("智能识别园", 3e7) in _facts(text, "investment")


def test_a_discipline_ending_in_gongcheng_does_not_end_the_project_name() -> None:
    text = "总投资13亿元的青岚生物基因工程抗体药物项目、总投资3亿元的北环路拓宽工程均已复工。\n"
    assert {"青岚生物基因工程抗体药物项目", "北环路拓宽工程"} <= _projects(text)


def test_a_clause_going_on_from_the_projects_state_gives_its_status() -> None:
    text = "其中总投资6亿元的青岚生物疫苗产业化项目,已经主体建设完毕,进入设备调试阶段,有望年内试生产。\n"
    assert _facts(text, "status") == {("青岚生物疫苗产业化项目", "under_construction")}


def test_a_project_singled_out_from_counted_signed_projects_is_signed() -> None:
    text = "今年上半年,全区共签约项目40个、签约资金300亿元,特别是引进了总投资50亿元的青岚智能终端项目,为全市之最。\n"
    assert ("青岚智能终端项目", "signed") in _facts(text, "status")


def test_projects_of_a_sentence_set_at_a_signing_ceremony_are_signed() -> None:
    text = "当天还举行了开工仪式。\n在签约仪式上,投资意向高达80亿元的青岚海湾文旅项目也成为一大亮点。\n"
    assert ("青岚海湾文旅项目", "signed") in _facts(text, "status")


def test_projects_brought_in_over_the_years_do_not_take_the_signing_event_s_status() -> None:
    text = ("青松经开区举行重大项目集中签约仪式,签约项目12个。\n"
            "近年来先后引进了宏宇轴承、澜沣冷链、青岚光电等一批大项目,构建了特色产业集群。\n")
    statuses = {s for s, _ in _facts(text, "status")}
    assert not statuses & {"宏宇轴承项目", "澜沣冷链项目", "青岚光电项目", "宏宇轴承", "澜沣冷链", "青岚光电"}


def test_projects_each_with_its_amount_after_a_comma_in_a_run_of_clauses() -> None:
    text = ("当天集中开工项目8个,总投资达60亿元。其中,青禾数谷项目,总投资21.5亿元;"
            "远川智能家居项目,总投资9亿元。\n")
    assert {"青禾数谷项目", "远川智能家居项目"} <= _projects(text)
    assert ("青禾数谷项目", 2.15e9) in _facts(text, "investment")
    assert ("远川智能家居项目", "started") in _facts(text, "status")


def test_works_named_under_a_count_of_projects_are_projects_as_written() -> None:
    text = ("此次集中开工项目中,文旅类项目3个,包括青湾归雁小镇、云栖智谷、松江新悦酒店,总投资41亿元;"
            "制造业项目5个,包括伊坦精密轴承项目、禾川新材料基地等,总投资60亿元。\n")
    assert {"青湾归雁小镇", "云栖智谷", "松江新悦酒店", "伊坦精密轴承项目"} <= _projects(text)
    assert ("松江新悦酒店", "started") in _facts(text, "status")
    assert not _facts(text, "investment")


def test_kinds_a_count_of_projects_covers_are_no_projects() -> None:
    text = "其中,民生项目90个,涵盖青年公寓、养老服务、学校改造、医疗卫生等项目,已全部开工。\n"
    assert not _projects(text) & {"青年公寓项目", "医疗卫生项目", "学校改造项目", "青年公寓"}


def test_a_building_handed_over_on_time_is_completed() -> None:
    text = "年底,园区喜讯频传:青禾机械公司新建厂房项目如期交付,远川物流仓储项目顺利投产。\n"
    assert ("青禾机械公司新建厂房项目", "completed") in _facts(text, "status")


def test_projects_listed_before_their_count_take_the_class_status() -> None:
    text = "当天的开工项目有禾丰恒远标准厂房、青松云湖商业广场等9个,总投资20亿元;竣工项目有双禾冷链食品加工等4个。\n"
    assert {("禾丰恒远标准厂房", "started"), ("青松云湖商业广场", "started"),
            ("双禾冷链食品加工", "completed")} <= _facts(text, "status")


def test_a_project_named_before_what_it_will_build_is_a_project_of_the_event() -> None:
    text = ("4月8日,园区举行重大项目集中签约仪式,30个项目集中签约。\n"
            "其中,青湖创新中心项目将建设具有科技特色的商务区;云付移动支付项目将建设公司运营总部。\n")
    assert {"青湖创新中心项目", "云付移动支付项目"} <= _projects(text)
    assert ("青湖创新中心项目", "signed") in _facts(text, "status")


def test_a_count_of_big_projects_is_no_project() -> None:
    text = "青松经济开发区28大项目引资350亿元\n5月9日,开发区召开招商大会,28大项目现场签约落户。\n"
    assert not {p for p in _projects(text) if p.endswith("大项目")}


def test_works_called_one_of_the_events_projects_are_a_project_of_their_investor() -> None:
    text = "远帆科技投资的“绿色循环”再生材料中试基地是本次集中开工的重大项目之一。\n"
    assert ("绿色循环再生材料中试基地", "started") in _facts(text, "status")
    assert ("绿色循环再生材料中试基地", "远帆科技") in _facts(text, "investor")
