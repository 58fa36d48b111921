"""Carrier endings met on zone pages of other provinces (invented names)."""

from __future__ import annotations

import pytest

from ingest.extract.asset_platforms import find_platforms


@pytest.mark.parametrize(("sentence", "name"), [
    ("白鹭澳门青年创业谷去年新引进项目21个。", "白鹭澳门青年创业谷"),
    ("园区运营的蓝湾新经济梦工厂新入驻企业13家。", "蓝湾新经济梦工厂"),
    ("作为工业设计集聚区的青松工业设计城,于去年试运营。", "青松工业设计城"),
])
def test_a_valley_a_dream_factory_and_a_design_city_are_carriers(sentence: str, name: str) -> None:
    assert name in {c.name for c in find_platforms(sentence)}


def test_a_valley_in_a_place_name_is_no_carrier() -> None:
    assert not find_platforms("项目位于白鹭山谷南侧。")
