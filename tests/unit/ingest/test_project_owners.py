"""The company a project's name shows (project_owners.company_of_project), on invented names."""

from __future__ import annotations

import pytest

from ingest.extract.project_owners import company_of_project


@pytest.mark.parametrize(("project", "company"), [
    ("岚松激光", "岚松激光"),  # a project known only by its company: the whole name
    ("蓝湾电缆", "蓝湾电缆"),
    ("岚松总部", "岚松"),  # a kind of works after the brand is no part of the firm
    ("蓝湾二期", "蓝湾"),
    ("智能制造", None),  # common words, no brand
    ("水环境整治", None),
])
def test_project_named_only_by_its_company(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


@pytest.mark.parametrize(("project", "company"), [
    ("湖北岚松医疗", "岚松医疗"),  # FORMAT.md: the place prefix is dropped
    ("武汉岚松包装装饰新材料", "岚松"),
    ("武汉岚松科技智能装备制造", "武汉岚松科技"),  # read as written when the whole shows a firm
    ("沧州市岚松小学教学楼", None),  # a city written as an administrative body, then a school
    ("洛阳新区防水新材料产业基地", None),  # a zone's place, not a firm's prefix
])
def test_company_after_a_province_or_city(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


@pytest.mark.parametrize(("project", "company"), [
    ("蓝湾工贸年产8万吨轻质碳酸钙", "蓝湾工贸"),  # all before the yearly output names the firm
    ("年产120万吨精煤洗选厂", None),
    ("二期60万吨焦化扩建工程", None),
    ("岚能F级燃机发电机组", "岚能"),
])
def test_company_before_an_output_figure(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


@pytest.mark.parametrize(("project", "company"), [
    ("岚湾科技城", None),  # a place named so, not a firm's project
    ("青禾创客谷", None),
    ("蓝松小镇项目", None),
    ("启明创业城二期项目", None),
    ("青禾集团汽车文化城", "青禾集团"),  # a group opening the name is still its owner
])
def test_places_named_like_works_have_no_owner_in_their_name(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


@pytest.mark.parametrize(("project", "company"), [
    ("蓝湾钾资源产品精深加工", "蓝湾"),  # a raw material right after an unknown brand is its product
    ("岚弗安煤机部件加工制造", "岚弗安"),
    ("森岚客服装", "森岚客"),  # no product character: the unknown brand stays whole
])
def test_product_after_the_brand_is_no_part_of_it(project: str, company: str | None) -> None:
    assert company_of_project(project) == company


@pytest.mark.parametrize(("project", "company"), [
    ("蔚思达工业机器人", "蔚思达"),  # one unknown character, then a rare proper name: one brand
    ("昱长海服务外包基地", "昱长海"),
    ("青澜汽车零部件", "青澜"),
])
def test_unknown_character_before_a_rare_name(project: str, company: str | None) -> None:
    assert company_of_project(project) == company
