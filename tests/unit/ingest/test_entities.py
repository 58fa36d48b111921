"""Entity rules on real corpus sentences: zones, enumerations, named projects, companies, people, honours."""

from __future__ import annotations

import pytest

from ingest.extract.entities import find_brands, find_legal_companies, find_named_projects, statuses_in
from ingest.extract.home_zone import find_home_zone
from ingest.extract.honours import find_awards
from ingest.extract.lists import company_of_project, find_facilities, find_lists, looks_like_company
from ingest.extract.people import find_people
from ingest.extract.zones import find_zone_names, zone_class
from ingest.normalise import normalise_text
from kg.model import EntityType

HOME = (EntityType.ZONE, "南通开发区")


@pytest.mark.parametrize(
    ("sentence", "zones"),
    [
        ("其中,来自南通开发区的中天科技海缆股份有限公司参与的项目", ["南通开发区"]),
        ("南通开发区党工委书记、南通创新区党工委常务副书记保德林说。", ["南通开发区", "南通创新区"]),
        ("江阴高新技术开发区召开2019年度工作总结暨表彰大会", ["江阴高新技术开发区"]),
        ("在2021年度省级以上高新区综合评价中排名17名", []),
        ("企业兴则开发区兴,企业强则开发区强", []),
        ("青阳园区累计签约项目超过30个", ["青阳园区"]),
    ],
)
def test_entities_zone_names(sentence: str, zones: list[str]) -> None:
    assert [z.name for _, _, z in find_zone_names(sentence)] == zones


@pytest.mark.parametrize(
    ("name", "cls"),
    [("如皋高新技术产业开发区", "HighTechZone"), ("南通经济技术开发区", "EconomicTechnologicalZone"),
     ("港闸经济开发区", "EconomicDevelopmentZone"), ("南通创新区", "InnovationZone"), ("南通开发区", None)],
)
def test_entities_zone_class(name: str, cls: str | None) -> None:
    assert zone_class(name) == cls


def test_entities_home_zone_from_bare_words_and_place() -> None:
    text = "第四届中国·如皋第三代半导体论坛。2021年,高新区抢抓机遇。高新区经济社会各项工作取得了新成效。"
    home = find_home_zone(text)
    assert home is not None and home.name == "如皋高新区"


@pytest.mark.parametrize(
    ("sentence", "kind", "items", "amount"),
    [
        ("2021年签约东旭科技20亿元项目1个", "project", ["东旭科技"], 2e9),
        ("力瑞电子、宏景智能亿元项目2个", "project", ["力瑞电子", "宏景智能"], 1e8),
        ("光益丰汇、高通新能源等总部经济项目12个", "project", ["光益丰汇", "高通新能源"], None),
        ("组织卓远半导体、中科新源等企业申报科技计划项目7项", "enterprise", ["卓远半导体", "中科新源"], None),
        ("以广联达移动智慧建筑、佩尔科技新材料、亚斯特国际等为代表,总投资370亿元的41个超亿元产业项目正式落地",
         "project", ["广联达移动智慧建筑", "佩尔科技新材料", "亚斯特国际"], None),
        ("50亿元重特大项目正海磁材、10亿元重特大项目如天光电开工建设", "project", ["正海磁材"], 5e9),
        ("引导以中集特箱、中集罐箱、中集能源为代表的物流装备企业加快绿色化技改升级", "enterprise",
         ["中集特箱", "中集罐箱", "中集能源"], None),
        ("合作园目前已落地蓝湾集团、青禾科技等27个项目", "project", ["蓝湾集团", "青禾科技"], None),
        ("现场签约青禾产业投资基金及白鹭生医疗等6家企业", "enterprise", ["青禾产业投资基金", "白鹭生医疗"], None),
    ],
)
def test_entities_enumerations(sentence: str, kind: str, items: list[str], amount: float | None) -> None:
    hit = find_lists(sentence)[0]
    assert (hit.kind, [i[2] for i in hit.items], hit.amount) == (kind, items, amount)


def test_entities_enumeration_skips_industries() -> None:
    assert find_lists("低空经济、氢能、合成生物等一批未来产业项目加快布局") == []


@pytest.mark.parametrize(
    ("name", "company", "is_company"),
    [("佩尔科技新材料", "佩尔科技", False), ("天江药业二期", "天江药业", False),
     ("中芯长电3D集成芯片", "中芯长电", False), ("亚斯特国际", None, True), ("秦烯新材料", None, True),
     ("玉兰路", None, False), ("深冷储能装备", None, False)],
)
def test_entities_company_inside_project_name(name: str, company: str | None, is_company: bool) -> None:
    assert looks_like_company(name) is is_company
    if not is_company:
        assert company_of_project(name) == company


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("正海磁材高性能稀土永磁体研发生产基地项目开工仪式", ["正海磁材高性能稀土永磁体研发生产基地项目"]),
        ("加快推进高新区新城镇综合开发PPP项目,完成萧山路等7条道路的路面改造", ["高新区新城镇综合开发PPP项目"]),
        ("一切围绕项目转、一切盯着项目干", []),
        ("确保全年招引科创项目30个", []),
    ],
)
def test_entities_named_projects(sentence: str, names: list[str]) -> None:
    assert [h.name for h in find_named_projects(sentence)] == names


def test_entities_facilities_before_construction_verbs() -> None:
    hits = find_facilities("首批基础设施项目“三路四河”全部开工,玉兰路、邻里中心建设加快推进。")
    assert [[i[2] for i in h.items] for h in hits] == [["三路四河"], ["玉兰路", "邻里中心"]]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("同样来自南通开发区的南通励成生物工程有限公司参与的项目获得奖励", ["南通励成生物工程有限公司"]),
        ("南通超达装备股份有限公司成功上市", ["南通超达装备股份有限公司"]),
        ("新增上市公司1家,跨国公司地区总部2家", []),
        ("有30年历史的精密零件制造商蓝湾实业公司投入5亿元", ["蓝湾实业公司"]),
        ("国内龙头供应商青禾材料有限公司落户", ["青禾材料有限公司"]),
        ("引进蓝湾系统公司、青禾国际科技公司东坪分公司", ["蓝湾系统公司", "青禾国际科技公司东坪分公司"]),
        ("青禾科技有限公司和东坪分公司签约", ["青禾科技有限公司"]),
    ],
)
def test_entities_legal_companies(sentence: str, names: list[str]) -> None:
    assert [h.name for h in find_legal_companies(sentence)] == names


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        ("南通开发区行政审批局局长贾光辉表示,从2022年营商环境50条", "贾光辉",
         [("行政审批局局长", "南通开发区")]),
        ("江阴市委常委、高新区党工委副书记、管委会副主任陈兴华作工作报告。", "陈兴华",
         [("党工委副书记", "南通开发区"), ("管委会副主任", "南通开发区")]),
        ("励成生物首席运营官杨清浩表示,企业此次获奖", "杨清浩", [("首席运营官", "励成生物")]),
        ("上半年,吴新明市长调研开发区时", "吴新明", []),
    ],
)
def test_entities_people_and_roles(sentence: str, name: str, roles: list[tuple[str, str]]) -> None:
    person = find_people(sentence, HOME)[0]
    assert person.name == name
    assert [(title, org[1]) for title, org in person.roles] == roles


def test_entities_people_in_traditional_script() -> None:
    text, _ = normalise_text("區黨工委副書記、管委會主任保德林出席會議并講話。")
    person = find_people(text, HOME)[0]
    assert person.name == "保德林"
    assert [title for title, _ in person.roles] == ["党工委副书记", "管委会主任"]


@pytest.mark.parametrize(
    ("sentence", "awards"),
    [
        ("卓远半导体、世睿电力分别被省科技厅评为潜在独角兽企业、瞪羚企业",
         [("潜在独角兽企业", "卓远半导体"), ("瞪羚企业", "世睿电力")]),
        ("兴澄特钢、法尔胜获评国家制造业单项冠军",
         [("国家制造业单项冠军", "兴澄特钢"), ("国家制造业单项冠军", "法尔胜")]),
        ("获评国家特钢新材料大中小企业融通载体、省海外人才离岸创新创业示范基地等荣誉",
         [("国家特钢新材料大中小企业融通载体", "南通开发区"), ("省海外人才离岸创新创业示范基地", "南通开发区")]),
        ("其中,来自南通开发区的中天科技海缆股份有限公司参与的“海上风电”项目获得国家科学技术进步奖一等奖",
         [("国家科学技术进步奖一等奖", "中天科技海缆股份有限公司")]),
    ],
)
def test_entities_awards_and_recipients(sentence: str, awards: list[tuple[str, str]]) -> None:
    found = [(a.honour, a.recipient[1]) for a in find_awards(sentence, HOME) if a.recipient]
    assert found == awards


@pytest.mark.parametrize(
    ("clause", "statuses"),
    [
        ("深冷储能装备、中特棒材深加工等16个项目开工建设", ["started"]),
        ("冉溪环保竣工投产", ["completed", "in_production"]),
        ("推动塑之源等项目及早开工", []),
        ("2021年签约东旭科技20亿元项目1个", ["signed"]),
    ],
)
def test_entities_status_cues(clause: str, statuses: list[str]) -> None:
    assert statuses_in(clause) == statuses


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("秦烯新材料、卓远半导体等4家企业进入市创业大赛决赛,向方机电、六一电子进入南通决赛阶段",
         ["秦烯新材料", "卓远半导体", "向方机电", "六一电子"]),
        ("青阳园区累计签约项目超过30个,3个项目完成土地摘牌,冉溪环保竣工投产", ["冉溪环保"]),
        ("延续哲华电子28小时齐“五证”的成功经验", ["哲华电子"]),
        ("引导企业加快智能制造、新能源发展", []),
    ],
)
def test_entities_short_company_names(sentence: str, names: list[str]) -> None:
    assert [h.name for h in find_brands(sentence)] == names


def test_entities_partners_are_external() -> None:
    hit = find_lists("引导企业与爱波瑞、新松机器人等智能制造服务商对接")[0]
    assert hit.kind == "enterprise" and hit.external
    assert not find_lists("组织卓远半导体、中科新源等企业申报")[0].external


def test_entities_second_person_inherits_the_organisation() -> None:
    sentence = "苏州工业园区党工委书记沈觅、管委会副主任孙仁出席活动。"
    people = find_people(sentence, (EntityType.ZONE, "苏州工业园区"))
    assert [(p.name, [(t, o[1]) for t, o in p.roles]) for p in people] == [
        ("沈觅", [("党工委书记", "苏州工业园区")]), ("孙仁", [("管委会副主任", "苏州工业园区")])]


def test_entities_short_company_name_before_investment() -> None:
    sentence = "其中,信达生物投资50亿元建设的生物药生产基地项目落户园区"
    assert [h.name for h in find_brands(sentence)] == ["信达生物"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("青松羊业产业化项目完成标准化圈舍主体建设。", ["青松羊业产业化项目"]),
    ("蓝湾可降解材料产业园项目现已完成道路工程。", ["蓝湾可降解材料产业园项目"]),
    ("远帆集团万吨级聚乳酸项目,正在确认投产情况。", ["远帆集团万吨级聚乳酸项目"]),
    ("这些项目带动性强,特别是华鼎碳基材料产业园项目,借力高校技术优势。", ["华鼎碳基材料产业园项目"]),
    ("园区持续推进项目建设,进展顺利。", []),
])
def test_projects_that_open_their_clause_or_are_its_topic(sentence: str, expected: list[str]) -> None:
    from ingest.extract.entities import find_clause_projects

    assert [hit.name for hit in find_clause_projects(sentence)] == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("占地1500亩青松电厂光伏发电项目", "青松电厂光伏发电项目"),
    ("加快推进蓝湾新城综合开发PPP项目", "蓝湾新城综合开发PPP项目"),
    ("特别是华鼎碳基材料产业园项目", "华鼎碳基材料产业园项目"),
])
def test_area_and_lead_words_are_cut_from_projects(raw: str, expected: str) -> None:
    from ingest.extract.boundaries import clean

    cleaned = clean(EntityType.PROJECT, raw)
    assert cleaned is not None and cleaned.name == expected


def test_a_topic_clause_with_an_investor_and_verb_is_no_project_name() -> None:
    from ingest.extract.entities import find_clause_projects

    assert find_clause_projects("青松装备有限公司投资26亿元建设液压件智能制造基地项目,年内开工。") == []


@pytest.mark.parametrize(
    ("name", "company"),
    [
        # a dictionary abbreviation of a firm opens the project name
        ("中冶钢构加工基地", "中冶"),
        ("国电储能示范", "国电"),
        # kinds of firms or works are no firm
        ("技改扩能", None),
        # a modifier between the brand and the product is no part of the brand
        ("蓝湾澜图高端智能化装备产业园", "蓝湾澜图"),
        # a project named by the company alone keeps the company's name as written
        ("钜澜机械", "钜澜机械"),
        # 科技城 names a place, not a firm ending in 科技: the brand is before it
        ("启澜科技城医药供应链", "启澜"),
    ],
)
def test_entities_company_abbreviations_and_modifiers(name: str, company: str | None) -> None:
    assert company_of_project(name) == company


def test_entities_kinds_of_works_a_class_covers_are_no_list_of_projects() -> None:
    assert find_lists("民生项目60个,涵盖公租房、养老院、学校改造等项目") == []
    assert [i[2] for i in find_lists("民生项目60个,包括青禾人才公寓、白鹭安置小区等项目")[0].items] == [
        "青禾人才公寓", "白鹭安置小区"]
