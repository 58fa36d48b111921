"""Where a project's name ends, and names that are no project (invented sentences and names)."""

from __future__ import annotations

from ingest.extract.boundaries import clean, is_fragment
from ingest.extract.entities import CLAUSE_PROJECT_RE, find_invested_projects
from kg.model import EntityType

P = EntityType.PROJECT


def test_field_of_science_with_gongcheng_stays_inside_the_name() -> None:
    hits = find_invested_projects("总投资13亿元的青松基因工程抗体药物项目,已进入设备调试阶段。")
    assert [hit.name for hit in hits] == ["青松基因工程抗体药物项目"]


def test_gongcheng_still_ends_a_works_name() -> None:
    hits = find_invested_projects("总投资3亿元的白鹭河综合治理工程,已完工。")
    assert [hit.name for hit in hits] == ["白鹭河综合治理工程"]


def test_bare_kind_of_zone_or_carrier_is_no_project() -> None:
    assert is_fragment(P, "开发区项目")
    assert is_fragment(P, "科技园项目")


def test_agreement_is_no_project() -> None:
    assert is_fragment(P, "青松风电增容融资合作协议")


def test_named_park_project_stays() -> None:
    assert not is_fragment(P, "青松科技园项目")


def test_agreement_on_a_named_project_keeps_the_project() -> None:
    cleaned = clean(P, "青松生物酵素技改项目融资合作协议")
    assert cleaned is not None and cleaned.name == "青松生物酵素技改项目"


def test_project_described_by_what_it_builds_is_named() -> None:
    found = [m.group("name") for m in CLAUSE_PROJECT_RE.finditer("。青松新材料产业园项目主要建设厂房和仓库。")]
    assert found == ["青松新材料产业园项目"]


def test_project_right_after_its_amount_without_de() -> None:
    hits = find_invested_projects("其中总投资5.6亿元青松生物疫苗国际合作项目,已开工。")
    assert [hit.name for hit in hits] == ["青松生物疫苗国际合作项目"]


def test_bare_cooperation_project_is_no_name() -> None:
    assert find_invested_projects("总投资5亿元的国际合作项目已开工。") == []
