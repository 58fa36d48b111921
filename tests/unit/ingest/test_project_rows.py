"""Project rows of signing and ground-breaking accounts, each on an INVENTED sentence: who signed
what, companies listed under a count of projects, projects listed one per clause after their zone,
and the boundaries of a company's short name at the start of a project's name."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.entities import statuses_in
from ingest.extract.project_owners import company_of_project
from ingest.pipeline import run

OPENING = "2023年5月,青松经济开发区召开项目推进会。\n"


def _extract(text: str) -> dict[str, Any]:
    return to_gold_json(run(Document("t", "t.txt", OPENING + text)))


def _facts(text: str, predicate: str) -> set[tuple[Any, ...]]:
    return {(f["s"], f.get("o", f.get("amount"))) for f in _extract(text)["facts"] if f["p"] == predicate}


def _names(text: str, kind: str) -> set[str]:
    return {e["name"] for e in _extract(text)["entities"] if e["type"] == kind}


SIGNED_BY = ("项目分别是:青松经济开发区管理委员会与蓝湾冷链科技有限公司签署冷库扩建项目、"
             "东山区人民政府和绿川材料有限公司签署的东山区文旅康养项目。\n")


def test_parties_who_sign_a_project_are_cut_from_its_name() -> None:
    assert {"冷库扩建项目", "东山区文旅康养项目"} <= _names(SIGNED_BY, "Project")
    assert not any("签署" in name for name in _names(SIGNED_BY, "Project"))


def test_company_party_of_a_signing_is_the_investor_and_the_project_is_signed() -> None:
    assert _facts(SIGNED_BY, "investor") == {("冷库扩建项目", "蓝湾冷链科技有限公司"),
                                             ("东山区文旅康养项目", "绿川材料有限公司")}
    assert ("东山区文旅康养项目", "signed") in _facts(SIGNED_BY, "status")
    assert not any("政府" in name for name in _names(SIGNED_BY, "Enterprise"))


def test_companies_listed_under_a_count_of_started_projects_each_bring_a_project() -> None:
    text = "活动当天同步开工项目3个,包括福州青禾、浙江蓝湾、瑞松科技,都属于储能上下游企业。\n"
    assert {"福州青禾项目", "浙江蓝湾项目", "瑞松科技项目"} <= _names(text, "Project")
    assert ("瑞松科技项目", "瑞松科技") in _facts(text, "investor")
    assert ("浙江蓝湾项目", "started") in _facts(text, "status")


def test_projects_named_under_a_count_are_not_taken_for_companies() -> None:
    text = "落地项目共2个:总投资3亿元的青禾智能装备项目和总投资2亿元的蓝湾冷链物流项目。\n"
    assert not any(name.endswith("项目项目") for name in _names(text, "Project"))
    assert ("青禾智能装备项目", 3e8) in _facts(text, "investment")


def test_a_count_smaller_than_the_list_is_no_list_of_its_projects() -> None:
    text = "开工项目2个,包括青禾、蓝湾、瑞松、绿川。\n"
    assert "青禾项目" not in _names(text, "Project")


def test_companies_signing_investment_agreements_each_bring_a_signed_project() -> None:
    text = "上周,管委会先后同青禾建筑、蓝湾建材、锦松机电设备等3家企业签订投资协议。\n"
    assert ("蓝湾建材项目", "蓝湾建材") in _facts(text, "investor")
    assert ("锦松机电设备项目", "signed") in _facts(text, "status")


def test_companies_settling_without_an_agreement_bring_no_project() -> None:
    text = "近日,青禾建筑、蓝湾建材等3家企业签约入驻开发区。\n"
    assert not {"青禾建筑项目", "蓝湾建材项目"} & _names(text, "Project")


def test_projects_listed_one_per_clause_after_their_zone() -> None:
    text = ("集中签约仪式上,东山经济开发区精工模具装配项目,西河经济技术开发区磁性元件、滤波器件项目,"
            "南湖高新区共享储能项目。\n")
    projects = _names(text, "Project")
    assert {"精工模具装配项目", "磁性元件、滤波器件项目", "共享储能项目"} <= projects
    assert ("共享储能项目", "signed") in _facts(text, "status")
    assert ("精工模具装配项目", "东山经济开发区") in _facts(text, "locatedIn")


def test_a_single_zone_project_clause_is_left_to_the_other_rules() -> None:
    text = "会上,东山经济开发区精工模具装配项目,进展顺利。\n"
    assert ("精工模具装配项目", "东山经济开发区") not in _facts(text, "locatedIn")


def test_project_with_a_planned_amount_opens_its_clause() -> None:
    text = "青禾PVC管材生产线项目拟投资2.6亿元,达产后年产管材8万吨。\n"
    assert ("青禾PVC管材生产线项目", 2.6e8) in _facts(text, "investment")
    assert ("青禾PVC管材生产线项目", "青禾") in _facts(text, "investor")


def test_park_after_its_amount_is_a_project() -> None:
    text = "在建的产业项目里,投资4亿的青禾食品农林产业园主体已封顶;投资12亿元的蓝湾北药产业园正在办理施工许可。\n"
    assert ("青禾食品农林产业园", 4e8) in _facts(text, "investment")
    assert ("蓝湾北药产业园", 1.2e9) in _facts(text, "investment")


def test_named_works_listed_before_an_industry_head_are_projects() -> None:
    text = "同日签约的另有高性能滤芯生产基地、中德护理培训实训基地、车灯模组产业基地等产业项目。\n"
    assert {"高性能滤芯生产基地", "中德护理培训实训基地"} <= _names(text, "Project")
    assert ("中德护理培训实训基地", "signed") in _facts(text, "status")


def test_sectors_listed_before_an_industry_head_are_no_projects() -> None:
    text = "当天签约的还有新能源、新材料等产业项目。\n"
    assert not {"新能源", "新材料"} & _names(text, "Project")


def test_visited_companies_are_cut_from_the_verb_and_either_status_is_none() -> None:
    text = "观摩组一行先后来到瑞风科技、青禾服装、蓝湾玩具等9个在建或投产项目。\n"
    assert {"瑞风科技项目", "青禾服装项目"} <= _names(text, "Project")
    assert not any(name.startswith("观摩") for name in _names(text, "Project") | _names(text, "Enterprise"))
    assert not _facts(text, "status")


def test_statuses_joined_by_or_are_neither() -> None:
    assert statuses_in("在建或投产") == []
    assert statuses_in("已竣工投产") == ["completed", "in_production"]


def test_done_then_after_is_a_prospect() -> None:
    assert statuses_in("项目建成投产后将新增产值") == []
    assert statuses_in("竣工投产后可实现年产5万吨") == []


@pytest.mark.parametrize(("project", "company"), [
    ("甲乙人工智能产业基地", None),  # 甲乙人工|智能 cuts a word
    ("南岭大健康饮品产业园", None),  # 南岭大|健康: 大 opens 大健康
    ("肇松半硼钢轮毂", "肇松"),  # the adjective 半 is the product's
    ("区绿色新能源开发", None),  # left over from a zone name
    ("双创服务园", None),
    ("宏宇汽车零部件", "宏宇"),
    ("澜图科技新材料", "澜图科技"),
])
def test_short_company_name_ends_where_a_word_ends(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


def test_row_of_projects_closed_by_etc_and_a_status_verb() -> None:
    text = "眼下,已有青禾集团呼叫中心外包项目、蓝湾和谷机电检测项目和瑞松印业包装印刷项目等正式签约。\n"
    assert {"青禾集团呼叫中心外包项目", "瑞松印业包装印刷项目"} <= _names(text, "Project")
    assert ("青禾集团呼叫中心外包项目", "signed") in _facts(text, "status")
    assert ("青禾集团呼叫中心外包项目", "青禾集团") in _facts(text, "investor")


def test_zone_place_opening_a_project_name_is_no_company() -> None:
    text = "东山科技小镇项目、蓝湾冷链物流项目等5个项目在东山经济开发区集中签约。\n"
    assert "东山科技" not in _names(text, "Enterprise")
    assert not any(s == "东山科技小镇项目" for s, _ in _facts(text, "investor"))
    assert ("蓝湾冷链物流项目", "蓝湾冷链") in _facts(text, "investor")


def test_project_then_a_date_and_what_happened_on_it() -> None:
    text = ("上月进展如下。其中青禾新材料项目9月3日竣工投产;"
            "蓝湾丰泽玄武岩纤维项目正在设备安装;瑞松钛白四期技改项目9月20日开始调试。\n")
    statuses = _facts(text, "status")
    assert {("青禾新材料项目", "completed"), ("青禾新材料项目", "in_production")} <= statuses
    assert ("蓝湾丰泽玄武岩纤维项目", "under_construction") in statuses
    assert ("瑞松钛白四期技改项目", "under_construction") in statuses


@pytest.mark.parametrize(("text", "company"), [
    ("另有新投产项目青禾工艺礼品有限公司。", "青禾工艺礼品有限公司"),
    ("由青禾项目管理有限公司承建。", "青禾项目管理有限公司"),
])
def test_legal_name_left_edge(text: str, company: str) -> None:
    from ingest.extract.entities import find_legal_companies

    assert [hit.name for hit in find_legal_companies(text)] == [company]


def test_generic_legal_names_are_no_companies() -> None:
    from ingest.extract.entities import find_legal_companies

    assert find_legal_companies("努力成长为的多元化集团公司") == ()
    assert find_legal_companies("与谐和能源集团有限公司签约。") == ()  # cut at 和, no firm is left
    assert find_legal_companies("鼓励村民组建联社和发展公司。") == ()


def test_cities_visited_are_no_companies() -> None:
    text = "上半年,招商小分队赴深圳、厦门、成都等地走访企业30余家。\n"
    assert not {"深圳", "厦门", "成都", "赴深圳"} & _names(text, "Enterprise")


def test_a_landmark_list_is_not_a_list_of_places() -> None:
    text = "推进青禾汇公园等地标性亮化工程。\n"
    assert "青禾汇公园" in _names(text, "Project")


def test_investor_after_a_date_plans_to_invest_in_the_zone() -> None:
    text = "这是继6月3日青禾控股集团计划在新区投资80亿元建设云谷数字园项目以后的又一大项目。\n"
    assert _facts(text, "investor") == {("云谷数字园项目", "青禾控股集团")}
    assert ("云谷数字园项目", 8e9) in _facts(text, "investment")


EVENT = ("4月12日,青禾智能传感器及精密模组产业基地项目奠基仪式在青松经济开发区举行,"
         "会上另签约项目21个、总投资64亿元。青禾基地项目投资主体为蓝湾集团,计划总投资2亿美元。\n")


def test_total_of_counted_projects_is_not_the_amount_of_the_one_named_before() -> None:
    assert ("青禾智能传感器及精密模组产业基地项目", 6.4e9) not in _facts(EVENT, "investment")


def test_short_form_of_a_project_takes_its_owner_and_amount_to_the_full_name() -> None:
    assert ("青禾智能传感器及精密模组产业基地项目", "蓝湾集团") in _facts(EVENT, "investor")
    assert ("青禾智能传感器及精密模组产业基地项目", 2e8) in _facts(EVENT, "investment")
    assert "青禾基地项目" not in _names(EVENT, "Project")


def test_project_described_by_its_site_and_size_with_the_set_it_belongs_to() -> None:
    text = ("在签约的7个项目中,青禾防水卷材生产基地项目占地约40亩,投资总额9000万元。"
            "蓝湾工业园标准厂房项目位于东片,总投资2.2亿元。\n")
    assert ("青禾防水卷材生产基地项目", 9e7) in _facts(text, "investment")
    assert ("青禾防水卷材生产基地项目", "signed") in _facts(text, "status")
    assert ("蓝湾工业园标准厂房项目", 2.2e8) in _facts(text, "investment")
    assert not any(s == "蓝湾工业园标准厂房项目" for s, _ in _facts(text, "investor"))  # 蓝湾 is the park's place


def test_rows_after_a_zone_kind_the_zone_rules_do_not_know() -> None:
    text = ("集中签约仪式上,东山经济开发区精工模具装配项目,蓝湾生态文化旅游示范区山地光伏储能项目,"
            "绿川产业集聚区特种合金基地项目。\n")
    assert {"山地光伏储能项目", "特种合金基地项目"} <= _names(text, "Project")
    assert ("特种合金基地项目", "signed") in _facts(text, "status")


def test_amount_of_a_first_phase_is_not_the_project_amount() -> None:
    text = "青禾创智科技园项目位于东片,其中一期投资6亿元。\n"
    assert ("青禾创智科技园项目", 6e8) not in _facts(text, "investment")


def test_list_with_more_items_than_its_head_counts_is_split_inside_names() -> None:
    text = "年产5千吨果酱、罐头、果汁生产线和500头奶牛、年产3万吨鲜奶牧场两个项目将于明年开工。\n"
    assert not {"罐头项目", "罐头"} & (_names(text, "Project") | _names(text, "Enterprise"))
    listed = "青禾、蓝湾、瑞松等3个项目集中签约。\n"
    assert {"青禾项目", "蓝湾项目", "瑞松项目"} <= _names(listed, "Project")
