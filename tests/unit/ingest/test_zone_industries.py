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
