"""Carriers a visit takes in are not hosted by the zone visited with them; a bare kind named as the zone's
carrier is one (invented sentences)."""

from __future__ import annotations

from ingest.extract.asset_platforms import find_platforms


def hosted(text: str) -> dict[str, bool]:
    return {p.name: p.zone_fact for p in find_platforms(text)}


def test_carriers_listed_after_a_visit_verb_are_not_hosted() -> None:
    text = "采访团实地探访青松高新区、正在建设中的白鹭智能研究院、远航声谷等,目睹了各地的发展。"
    assert hosted(text) == {"白鹭智能研究院": False, "远航声谷": False}


def test_carrier_built_by_the_zone_stays_hosted() -> None:
    assert hosted("青松高新区正在建设白鹭智能研究院。") == {"白鹭智能研究院": True}


def test_bare_kind_named_as_the_zones_carrier_is_a_platform() -> None:
    assert hosted("以孵化园为载体,实施精准招商。") == {"孵化园": True}


def test_bare_kind_in_passing_is_no_platform() -> None:
    assert hosted("推动孵化园建设。") == {}


def test_bare_kind_at_its_founding_event_is_a_platform() -> None:
    assert hosted("青州高新区政策发布暨技术研究院成立大会在青州举行。") == {"技术研究院": True}
