"""Enumerations of companies and projects, and the company a project is named after (invented names)."""

from __future__ import annotations

from typing import Any

import pytest

from ingest.document import Document
from ingest.emit import to_gold_json
from ingest.extract.lists import find_lists
from ingest.extract.project_owners import company_of_project
from ingest.pipeline import run


@pytest.mark.parametrize(
    ("sentence", "lists"),
    [
        ("现场签约蓝湾冷链物流、启明光电模组、恒拓新材料等15个项目",
         [("project", ["蓝湾冷链物流", "启明光电模组", "恒拓新材料"])]),
        ("澜川云图AI中台、北辰数智运营总部等鸿雁生态圈8个项目签约",
         [("project", ["澜川云图AI中台", "北辰数智运营总部"])]),
        ("青岚检测中心、云峰研究院3个功能性机构项目一并落户",
         [("project", ["青岚检测中心", "云峰研究院"])]),
        ("园区已集聚华鼎电子、青松机器人等龙头企业和远帆材料、禾丰包材等配套企业",
         [("enterprise", ["华鼎电子", "青松机器人"]), ("enterprise", ["远帆材料", "禾丰包材"])]),
        ("已汇集星岚、云杉数科等120余家世界500强及行业领军企业",
         [("enterprise", ["星岚", "云杉数科"])]),
        ("包括鹭江湾科技有限公司、澄川电子有限公司等在内的6家企业入选",
         [("enterprise", ["鹭江湾科技有限公司", "澄川电子有限公司"])]),
        ("北环快速路、滨湖大道支线等一批重点交通基础设施开工建设",
         [("facility", ["北环快速路", "滨湖大道支线"])]),
        ("泓石新材料、丰和羊绒等5个项目成功申报", [("project", ["泓石新材料", "丰和羊绒"])]),  # 和 inside a name
        # a slash between figures and an inner bracket stay in the name; a bracketed note after it goes
        ("蓝湾储能30MW/60MWh储能电站、青岚风电(北坡)二期风电等3个项目已开工",
         [("project", ["蓝湾储能30MW/60MWh储能电站", "青岚风电(北坡)二期风电"])]),
        ("当天签约启明商业广场(青松购物中心)、恒拓标准厂房等11个项目",
         [("project", ["启明商业广场", "恒拓标准厂房"])]),
        # a long item written with 项目 and a phase note is one name
        ("本次,蓝湾重工大型盾构机整机及关键部件智能化生产线扩建项目(一期)、岚松物流基地等20个项目集中签约",
         [("project", ["蓝湾重工大型盾构机整机及关键部件智能化生产线扩建项目", "岚松物流基地"])]),
        # a legal company's works are named in full, however long
        ("截至3月底,青松星河精密传动(南岭)有限公司8AT变速器技改升级、澜沣冷链仓储等20个项目开复工",
         [("project", ["青松星河精密传动(南岭)有限公司8AT变速器技改升级", "澜沣冷链仓储"])]),
        # 有 after a time word opens the list, not the first name
        ("全年有宏宇轴承三期、澜沣冷链仓储等12个项目竣工", [("project", ["宏宇轴承三期", "澜沣冷链仓储"])]),
        ("园区目前已落地金禾集团、远川电子等27个项目", [("project", ["金禾集团", "远川电子"])]),
        # named works, though the head calls them 产业 projects: a park, a platform, a short park
        ("会上共签约青岚新材料产业园、云杉仓储及冷链物流平台、禾丰产业园等30个重点产业项目",
         [("project", ["青岚新材料产业园", "云杉仓储及冷链物流平台", "禾丰产业园"])]),
    ],
)
def test_list_items_and_kind(sentence: str, lists: list[tuple[str, list[str]]]) -> None:
    assert [(hit.kind, [item[2] for item in hit.items]) for hit in find_lists(sentence)] == lists


@pytest.mark.parametrize(
    "sentence",
    [
        "涉及整车、零部件、装备制造等行业龙头企业",  # sectors, not names
        "全区已培育瞪羚企业76家、雏鹰企业653家",  # counts of kinds
        "包括一批大科学设施、一批创新转化平台、一批城市功能项目",
        "落实用地指标倾斜、重大项目用地单列、税费减免等政策",  # measures, not a project after 重大项目
    ],
)
def test_no_list_of_names(sentence: str) -> None:
    assert find_lists(sentence) == []


@pytest.mark.parametrize(
    ("project", "company"),
    [
        ("宏宇汽车零部件", "宏宇"),
        ("澜沣新能源热管理系统", "澜沣"),
        ("汐澜智慧农业装备基地", "汐澜"),
        ("黎川湾科技运营总部", "黎川湾科技"),
        ("云澜存储二期", "云澜存储"),
        ("鹭岛星辰科技有限公司研发大楼", "鹭岛星辰科技有限公司"),
        ("碳纤维预浸料", None),
        ("青川高新区总部经济大楼", None),  # named after the zone
        ("澜创力高端PCB", "澜创力"),  # a modifier before the Latin product name is not the brand
        ("江城氢能燃料电池电堆", "江城氢能"),  # a known word is a brand only with its business word
        ("成都智能计算硬件制造基地", None),  # a city before a business word names no firm
        ("医药健康产业园", None),
        ("兴澜路污水管网改造", None),
        ("青川国际会展中心", None),  # 国际 belongs to the works it names, not to a firm
        ("澜沣国际陆港", None),
        ("华澜国际新材料产业园", "华澜国际"),
        ("高新科技孵化园", None),  # the zone's short kind and a business word name no firm
        ("碳化硅三期", None),  # a material the dictionary knows as a proper word is no brand
        ("碳化硅炉扩建", None),
    ],
)
def test_company_named_in_project(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


REPORT = (
    "2023年9月,青川高新区举行重点项目集中签约开工活动。\n"
    "澜沣新能源热管理系统、汐澜智慧农业装备基地、黎川湾科技运营总部等6个项目签约。\n"
    "园区已引入华鼎电子、青松机器人等龙头企业。\n"
    "加快岚峰科创园、北湾数智产业园等项目建设。\n"
)


@pytest.fixture(scope="module")
def facts() -> list[dict[str, Any]]:
    return to_gold_json(run(Document("t", "t.txt", REPORT)))["facts"]


@pytest.mark.parametrize(
    "fact",
    [
        {"s": "澜沣新能源热管理系统", "p": "status", "o": "signed", "year": 2023},
        {"s": "澜沣新能源热管理系统", "p": "investor", "o": "澜沣"},
        {"s": "汐澜智慧农业装备基地", "p": "investor", "o": "汐澜"},
        {"s": "黎川湾科技运营总部", "p": "investor", "o": "黎川湾科技"},
        {"s": "华鼎电子", "p": "locatedIn", "o": "青川高新区"},
        {"s": "岚峰科创园", "p": "status", "o": "under_construction", "year": 2023},
    ],
)
def test_list_facts(facts: list[dict[str, Any]], fact: dict[str, Any]) -> None:
    assert fact in facts


def test_lead_verb_is_not_part_of_a_listed_company(facts: list[dict[str, Any]]) -> None:
    subjects = {f["s"] for f in facts if f["p"] == "locatedIn"}
    assert "青松机器人" in subjects
    assert not any(s.startswith(("园区", "已引入")) for s in subjects)


SIGNING = (
    "2022年5月,青川高新区举行项目签约仪式。\n"
    "此次签约落户青川高新区的5个台资项目备受瞩目,包括台湾澜沣电机及生物科技、汐澜游艇制造配套等项目。\n"
    "现场签约投资10亿元的鹭岛星辰科技有限公司新型电池产业园、投资9.6亿的云杉集团国际汽车城等签约项目。\n"
    "华鼎电子、青松重工等一大批知名企业纷纷投资建厂。\n"
    "港湾枢纽扩建工程顺利开工,年产十万吨乙烯项目全面投产,北环快速路建成运营。\n"
)


@pytest.fixture(scope="module")
def signing_facts() -> list[dict[str, Any]]:
    return to_gold_json(run(Document("t", "t.txt", SIGNING)))["facts"]


@pytest.mark.parametrize(
    "fact",
    [
        {"s": "台湾澜沣电机及生物科技", "p": "status", "o": "signed", "year": 2022},
        {"s": "台湾澜沣电机及生物科技", "p": "investor", "o": "澜沣"},
        {"s": "鹭岛星辰科技有限公司新型电池产业园", "p": "investment", "amount": 1e9, "currency": "CNY"},
        {"s": "鹭岛星辰科技有限公司新型电池产业园", "p": "investor", "o": "鹭岛星辰科技有限公司"},
        {"s": "云杉集团国际汽车城", "p": "investment", "amount": 9.6e8, "currency": "CNY"},
        {"s": "青松重工项目", "p": "investor", "o": "青松重工"},
        {"s": "港湾枢纽扩建工程", "p": "status", "o": "started", "year": 2022},
        {"s": "年产十万吨乙烯项目", "p": "status", "o": "in_production", "year": 2022},
    ],
)
def test_shared_clause_facts(signing_facts: list[dict[str, Any]], fact: dict[str, Any]) -> None:
    assert fact in signing_facts


def test_a_project_takes_only_its_own_clause_status(signing_facts: list[dict[str, Any]]) -> None:
    statuses = {f["o"] for f in signing_facts if f["p"] == "status" and f["s"] == "年产十万吨乙烯项目"}
    assert statuses == {"in_production"}


def test_a_visiting_company_is_not_located() -> None:
    text = ("青川高新区举行产业发展大会。\n"
            "市委书记王立,鹭岛星辰科技有限公司董事长陈航出席大会。\n"
            "蓝湾冷链科技有限公司投资5亿元建设冷链物流基地项目。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    located = {f["s"] for f in facts if f["p"] == "locatedIn"}
    assert "蓝湾冷链科技有限公司" in located
    assert "鹭岛星辰科技有限公司" not in located


def test_that_project_takes_the_investor_named_next() -> None:
    text = "青川高新区近日,澜湾海洋文旅项目正式签约。该项目由鹭岛星辰集团有限公司投资建设,总投资30亿元。\n"
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert {"s": "澜湾海洋文旅项目", "p": "investor", "o": "鹭岛星辰集团有限公司"} in facts


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("滨湖酒店项目正式开工建设,澜庭中心结顶,北岭会展中心即将竣工", ["澜庭中心"]),
        ("青岚·云帆航材保障中心等3个航空科技项目实现主体结构封顶", []),
    ],
)
def test_works_named_before_a_status(sentence: str, names: list[str]) -> None:
    from ingest.extract.entities import find_clause_projects

    assert [hit.name for hit in find_clause_projects(sentence) if "项目" not in hit.name] == names


def test_a_one_item_list_is_read_whole() -> None:
    hits = find_lists("青岚·云帆航材保障中心等3个航空科技项目实现主体结构封顶")
    assert [[item[2] for item in hit.items] for hit in hits] == [["青岚·云帆航材保障中心"]]


def test_a_planned_status_is_no_status() -> None:
    from ingest.extract.entities import statuses_in

    assert statuses_in("下半年仍有澜庭通用厂房等6个项目可望开工") == []
    assert statuses_in("北岭会展中心即将竣工") == ["under_construction"]


def test_a_brand_after_yi_as_leader() -> None:
    from ingest.extract.entities import find_brands

    names = [hit.name for hit in find_brands("在新能源产业上,以澜风科技、青岚电机为龙头,打造产业基地")]
    assert "澜风科技" in names and "以澜风科技" not in names


def test_nian_inside_a_name_does_not_cut_it() -> None:
    hits = find_lists("1-7月,全区新签约宁川青年创业谷、海岚工业机器人等工业项目45个")
    assert [[item[2] for item in hit.items] for hit in hits] == [["宁川青年创业谷", "海岚工业机器人"]]


def test_a_zone_word_is_no_company() -> None:
    assert company_of_project("经开区半导体特色生态产业园") is None


def test_works_listed_before_a_project_head_are_projects_without_company() -> None:
    text = "2023年,青川高新区新开工污水处理、光伏发电等项目。\n"
    result = to_gold_json(run(Document("t", "t.txt", text)))
    projects = {e["name"] for e in result["entities"] if e["type"] == "Project"}
    assert {"污水处理项目", "光伏发电项目"} <= projects
    assert not any(e["type"] == "Enterprise" for e in result["entities"])


def test_lines_of_work_listed_as_projects_are_neither_projects_nor_companies() -> None:
    text = "2024年,青川高新区实施统筹协调、产业集群培育等8项工程。\n"
    result = to_gold_json(run(Document("t", "t.txt", text)))
    assert not [e for e in result["entities"] if e["type"] in ("Project", "Enterprise")]


def test_kinds_of_projects_are_no_items() -> None:
    hits = find_lists("包括重点项目、银企合作、园区配套、智库服务等在内的40个项目集中签约")
    assert {item[2] for hit in hits for item in hit.items} <= {"重点项目"}  # vetoed later as generic


def test_each_listed_project_keeps_the_company_in_its_name() -> None:
    text = ("青川高新区签约项目,包括投资10亿元的鹭岛星辰科技有限公司新型电池产业园、"
            "投资3亿元的澜湾通信科技有限公司电子信息产业基地等签约项目。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    investors = {(f["s"], f["o"]) for f in facts if f["p"] == "investor"}
    assert ("澜湾通信科技有限公司电子信息产业基地", "澜湾通信科技有限公司") in investors
    assert ("澜湾通信科技有限公司电子信息产业基地", "鹭岛星辰科技有限公司") not in investors


def test_a_project_after_its_amount_is_read_once() -> None:
    from ingest.extract.entities import find_clause_projects

    assert find_clause_projects("2023年,鹭岛星辰科技有限公司总投资5亿元的鹭岛光电研发中心项目开工") == []


def test_zone_before_the_first_item_is_where_the_listed_projects_are() -> None:
    hit, = find_lists("其中,德兴工业园江西蓝湾镁业年产3万吨高纯镁锭及镁合金压铸件、岚松新材料扩产等5个项目已开工建设")
    assert hit.zone == "德兴工业园"  # the item is long only with the zone's name
    assert [item[2] for item in hit.items] == ["江西蓝湾镁业年产3万吨高纯镁锭及镁合金压铸件", "岚松新材料扩产"]


def test_zone_own_works_keep_the_zone_name() -> None:
    hit, = find_lists("仲山高新区总部经济大楼、滨湖学校等5个项目开工")
    assert hit.zone is None
    assert [item[2] for item in hit.items][0] == "仲山高新区总部经济大楼"


def test_projects_listed_after_a_sub_park_are_located_in_it() -> None:
    text = ("青岚循环经济试验区一季度项目建设提速。截至目前,其中,德兴工业园江西蓝湾镁业年产3万吨镁合金压铸件、"
            "岚松新材料扩产等4个项目已开复工建设。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    located = {(f["s"], f["o"]) for f in facts if f["p"] == "locatedIn"}
    assert ("江西蓝湾镁业年产3万吨镁合金压铸件", "德兴工业园") in located
    assert ("岚松新材料扩产", "德兴工业园") in located


def test_a_list_after_two_sets_of_different_status_takes_neither() -> None:
    text = ("本批新开工重大项目12个、总投资40.5亿元,竣工重大项目9个、总投资22.8亿元,其中既包括蓝湾智造城三期、"
            "岚松物流基地、青禾数据中心等产业项目。\n")
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    assert not [f for f in facts if f["p"] == "status" and f["s"] in ("岚松物流基地", "青禾数据中心")]


def test_lines_of_work_listed_under_a_project_head_are_no_projects() -> None:
    text = "青岚区推进产业生态培育、园区协同开放等6项工程,温岭拓展、蓝湾冷链等项目已经开工。\n"
    entities = to_gold_json(run(Document("t", "t.txt", text)))["entities"]
    projects = {e["name"] for e in entities if e["type"] == "Project"}
    assert not projects & {"产业生态培育", "园区协同开放"}
    assert "温岭拓展项目" in projects or "温岭拓展" in projects  # a place before a verb names a firm


def test_an_agreement_of_a_list_names_its_project_or_none() -> None:
    text = "青川经开区讯。当天还签约澜沣风电扩容融资合作协议、宏宇酵母提取技改项目融资合作协议等3个金融项目。"
    result = to_gold_json(run(Document("t", "t.txt", text)))
    projects = {e["name"] for e in result["entities"] if e["type"] == "Project"}
    assert projects == {"宏宇酵母提取技改项目"}
    assert {"s": "宏宇酵母提取技改项目", "p": "investor", "o": "宏宇"} in result["facts"]


def test_projects_pushed_at_full_speed_are_under_construction() -> None:
    text = "青川新区讯。2023年6月,总投资3亿元的宏宇精密轴承项目、总投资2亿元的澜沣冷链仓储项目等项目也都全速推进。"
    facts = to_gold_json(run(Document("t", "t.txt", text)))["facts"]
    statuses = {(f["s"], f["o"]) for f in facts if f["p"] == "status"}
    assert statuses == {("宏宇精密轴承项目", "under_construction"), ("澜沣冷链仓储项目", "under_construction")}
