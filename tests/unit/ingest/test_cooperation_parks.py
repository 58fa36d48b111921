"""Zones named by two partners (cooperation parks, a national innovation zone of two cities) and the forms
of one zone on a page (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_platforms import find_platforms
from ingest.extract.zone_aliases import same_zone_forms
from ingest.extract.zones import find_zone_names


def zone_names(text: str) -> list[str]:
    return [zone.name for _, _, zone in find_zone_names(text)]


def test_partner_park_is_a_zone() -> None:
    assert zone_names("2022年,衡阳启动建设“中韩产业园”,园区规划面积1200亩。") == ["中韩产业园"]


def test_host_city_before_the_partners_belongs_to_the_name() -> None:
    assert zone_names("两个项目落户衡阳中韩国际产业园。") == ["衡阳中韩国际产业园"]


def test_host_city_in_brackets_after_the_partners() -> None:
    assert zone_names("青松公司入驻中韩(衡阳)国际产业园。") == ["中韩(衡阳)国际产业园"]


def test_sector_park_is_no_zone() -> None:
    assert zone_names("青松公司入驻衡阳光电产业园。") == []


def test_partner_park_is_no_platform() -> None:
    assert [p.name for p in find_platforms("推介本区的营商环境与中韩国际产业园的发展成果。")] == []


def test_forms_of_one_partner_park_are_one_zone() -> None:
    text = "青松公司入驻中韩(衡阳)国际产业园。衡阳中韩国际产业园再添新项目。助力中韩产业园发展。"
    assert same_zone_forms(text) == [("中韩(衡阳)国际产业园", "衡阳中韩国际产业园"),
                                            ("中韩(衡阳)国际产业园", "中韩产业园")]


def test_park_written_with_and_without_its_last_qu_is_one_zone() -> None:
    text = "衡阳化学工业园区综合排名第三。衡阳化学工业园(第12位)进入榜单。"
    assert same_zone_forms(text) == [("衡阳化学工业园", "衡阳化学工业园区")]


def test_zhong_closing_a_word_opens_no_partner_pair() -> None:
    assert zone_names("推动企业集中新产业园发展。") == []


def test_national_innovation_zone_of_two_cities_is_named_by_their_initials() -> None:
    assert zone_names("青州高新区建设衡白国家级自主创新示范区。") == ["青州高新区", "衡白国家级自主创新示范区"]


def test_verb_before_a_national_innovation_zone_is_no_place() -> None:
    assert zone_names("该区获批国家级自主创新示范区。") == []


def test_abbreviated_kind_is_the_same_zone() -> None:
    text = "建设衡白国家级自主创新示范区。青州高新区是衡白国家级自创区的核心区。"
    assert ("衡白国家级自主创新示范区", "衡白国家级自创区") in same_zone_forms(text)


def test_eco_demonstration_city_of_two_partners_is_a_zone() -> None:
    assert zone_names("区委书记、中法衡阳生态示范城管委会主任王青松说。") == ["中法衡阳生态示范城"]


def test_knowledge_city_of_two_partners_is_a_zone() -> None:
    assert zone_names("中新衡阳知识城建设提速。") == ["中新衡阳知识城"]
