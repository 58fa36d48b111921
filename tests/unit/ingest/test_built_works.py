"""Works a company's investment builds, named without 项目 (invented sentences)."""

from __future__ import annotations

from ingest.extract.entities import find_built_projects
from ingest.extract.project_facts import is_company


def built(text: str) -> list[tuple[str, str]]:
    return [(hit.name, hit.investor) for hit in find_built_projects(text)]


def test_park_built_by_an_investment_is_a_project() -> None:
    text = "青松电子公司拟投资3000万美元,在本区建设智能识别园,从事研发。"
    assert built(text) == [("智能识别园", "青松电子公司")]


def test_production_base_before_a_clause_end_is_a_project() -> None:
    text = "白鹭公司拟投资1亿美元,建设光学镀膜设备生产基地,预计明年投产。"
    assert built(text) == [("光学镀膜设备生产基地", "白鹭公司")]


def test_base_inside_a_longer_project_name_keeps_the_project() -> None:
    text = "白鹭公司拟投资1亿美元,建设光学镀膜设备生产基地项目。"
    assert built(text) == [("光学镀膜设备生产基地项目", "白鹭公司")]


def test_japanese_legal_form_names_a_company() -> None:
    assert is_company("白鹭株式会社")
