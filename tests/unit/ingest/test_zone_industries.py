"""Industries a zone targets: how list items are split (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_industries import find_industries


def industries(sentence: str) -> list[str]:
    return [c.name for c in find_industries(sentence, [])]


def test_ji_joining_only_the_last_item_is_the_lists_conjunction() -> None:
    found = industries("园区重点发展精密机械、生物科技、通讯及光电元件等产业。")
    assert found == ["精密机械", "生物科技", "通讯", "光电元件"]
    assert industries("片区主攻工业软件、储能及氢能等领域。") == ["工业软件", "储能", "氢能"]


def test_items_each_joined_by_ji_stay_whole() -> None:
    found = industries("聚焦智能网联及新能源汽车、大数据及信息技术两大主导产业。")
    assert found == ["智能网联及新能源汽车", "大数据及信息技术"]


def test_kinds_of_project_work_among_sectors_are_left_out_of_the_list() -> None:
    found = industries("本次开工的项目涉及机械制造、标准厂房、食品加工、纺织服装、包装制品、乡村道路建设等多个产业。")
    assert found == ["机械制造", "食品加工", "纺织服装", "包装制品"]


def test_a_list_mostly_of_project_work_or_counting_projects_names_no_sectors() -> None:
    assert industries("此批项目涉及工业、民生工程、基础设施、冷链物流和河道整治等5个领域。") == []
    assert industries("活动现场,先进制造、民生服务、新兴产业等14个项目集中签约。") == []


def test_sector_words_heading_a_list_of_project_kinds_are_no_sectors() -> None:
    assert industries("其中现代服务业、城市更新、社会事业项目共52个,总投资120亿元。") == []
    assert industries("片区重点培育现代服务业、数字经济等产业。") == ["现代服务业", "数字经济"]


def test_a_class_of_sectors_closing_a_list_is_no_sector_of_its_own() -> None:
    assert industries("围绕冷链物流、检验检测等现代服务业,加快招商。") == ["冷链物流", "检验检测"]
    assert industries("重点发展先进制造业和现代服务业。") == ["先进制造业", "现代服务业"]
