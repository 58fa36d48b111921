"""Verbs, figures and descriptors before a zone's or a carrier's kind word are not part of its name (invented
sentences)."""

from __future__ import annotations

from ingest.extract.asset_industries import find_industries
from ingest.extract.asset_platforms import find_platforms
from ingest.extract.zones import find_zone_names


def test_verb_of_growing_before_a_bare_kind_is_no_zone() -> None:
    text = "项目达产后将进一步壮大经开区新材料产业规模。"
    assert [zone.name for _, _, zone in find_zone_names(text)] == []


def test_verb_of_ensuring_opens_no_carrier_name() -> None:
    text = "公司将加快建设速度,确保青松新材料产业园早日建成投产。"
    assert [p.name for p in find_platforms(text)] == ["青松新材料产业园"]


def test_investment_figure_before_a_carrier_is_a_headline() -> None:
    assert [p.name for p in find_platforms("衡阳开启新篇章,投资500亿建设科技城")] == []


def test_causative_before_a_generic_cluster_is_no_sector() -> None:
    assert find_industries("项目投产后,使产业集群优势更加凸显。", []) == []


def test_descriptor_made_with_hua_is_no_place() -> None:
    assert find_zone_names("青松区国际化园区招商引资实现开门红。") == []


def test_city_ending_in_hua_stays_a_place() -> None:
    assert [zone.name for _, _, zone in find_zone_names("怀化经开区招商引资实现开门红。")] == ["怀化经开区"]
