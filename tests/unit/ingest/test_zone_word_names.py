"""A zone's kind word opening a short name names works after the zone, not a company (invented names)."""

from __future__ import annotations

from ingest.extract.boundaries import is_fragment
from kg.model import EntityType

E = EntityType.ENTERPRISE


def test_high_tech_word_before_a_business_word_is_no_company() -> None:
    assert is_fragment(E, "高新科技")


def test_airport_economy_word_before_a_business_word_is_no_company() -> None:
    assert is_fragment(E, "临空国际")


def test_legal_name_opening_with_a_zone_word_stays_a_company() -> None:
    assert not is_fragment(E, "高新青松投资有限公司")


def test_brand_before_a_business_word_stays_a_company() -> None:
    assert not is_fragment(E, "青松科技")
