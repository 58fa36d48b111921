"""Alias resolution: short ↔ legal names, company projects, zone short forms, traditional forms."""

from __future__ import annotations

import pytest

from ingest.document import Document, Fact, Mention
from ingest.resolve import company_core, is_short_form, resolve
from kg.model import EntityType, Predicate

E, P, Z = EntityType.ENTERPRISE, EntityType.PROJECT, EntityType.ZONE


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [("中天海缆", "中天科技海缆股份有限公司", True), ("励成生物", "南通励成生物工程有限公司", True),
     ("超达装备", "南通超达装备股份有限公司", True), ("中天海缆", "南通励成生物工程有限公司", False),
     ("海缆", "中天科技海缆股份有限公司", False)],
)
def test_resolve_short_forms(short: str, full: str, expected: bool) -> None:
    assert is_short_form(short, full) is expected


def test_resolve_company_core_strips_place_and_suffix() -> None:
    assert company_core("南通励成生物工程有限公司") == "励成生物工程"


def _doc(mentions: list[Mention], facts: list[Fact], raw: str = "x" * 40, home: str | None = None) -> Document:
    return Document("d", "d.txt", raw, text=raw, mentions=tuple(mentions), facts=tuple(facts),
                    home_zone=(Z, home) if home else None)


def test_resolve_merges_aliases_and_rewrites_facts() -> None:
    mentions = [Mention(E, "中天科技海缆股份有限公司", 0, 12, 0), Mention(E, "中天海缆", 20, 24, 0),
                Mention(P, "正海磁材项目", 0, 6, 0), Mention(P, "正海磁材高性能稀土永磁体研发生产基地项目", 0, 20, 0),
                Mention(Z, "开发区", 0, 3, 0), Mention(Z, "南通开发区", 0, 5, 0)]
    facts = [Fact(Predicate.LOCATED_IN, (E, "中天海缆"), (Z, "开发区"), 0),
             Fact(Predicate.LOCATED_IN, (E, "中天科技海缆股份有限公司"), (Z, "南通开发区"), 0)]
    doc = resolve(_doc(mentions, facts, home="南通经济技术开发区"))
    names = {(e.type, e.name): set(e.aliases) for e in doc.entities}
    assert names[(E, "中天科技海缆股份有限公司")] == {"中天海缆"}
    assert names[(P, "正海磁材高性能稀土永磁体研发生产基地项目")] == {"正海磁材项目"}
    assert names[(Z, "南通经济技术开发区")] == {"开发区", "南通开发区"}
    pairs = [(f.subject[1], f.obj[1]) for f in doc.facts if f.obj]
    assert pairs == [("中天科技海缆股份有限公司", "南通经济技术开发区")]


def test_resolve_keeps_traditional_forms_as_aliases() -> None:
    from ingest.normalise import normalise

    raw = "活動在南通開發區舉行"
    doc = normalise(Document("d", "d.txt", raw))
    start = doc.text.index("南通开发区")
    doc = resolve(Document("d", "d.txt", raw, text=doc.text, offsets=doc.offsets,
                           mentions=(Mention(Z, "南通开发区", start, start + 5, 0),)))
    assert doc.entities[0].aliases == ("南通開發區",)


@pytest.mark.parametrize(
    ("etype", "names", "canonical", "aliases"),
    [
        (EntityType.HONOUR, ["国家科学技术进步奖一等奖", "国家科技进步奖一等奖"], "国家科学技术进步奖一等奖",
         {"国家科技进步奖一等奖"}),
        (P, ["城东社区卫生服务中心", "城东社区卫生服务中心门诊大楼"], "城东社区卫生服务中心门诊大楼",
         {"城东社区卫生服务中心"}),
        (E, ["海润", "海润科技"], "海润科技", {"海润"}),
        (E, ["岚舜营造股份有限公司", "岚舜公司"], "岚舜营造股份有限公司", {"岚舜公司"}),  # X公司 after the legal name
    ],
)
def test_resolve_links_generic_short_forms(etype: EntityType, names: list[str], canonical: str,
                                            aliases: set[str]) -> None:
    doc = resolve(_doc([Mention(etype, n, 0, len(n), 0) for n in names], []))
    assert [(e.name, set(e.aliases)) for e in doc.entities] == [(canonical, aliases)]


def test_resolve_keeps_project_phases_apart() -> None:
    names = ["高新区实验中学", "高新区实验中学二期"]
    doc = resolve(_doc([Mention(P, n, 0, len(n), 0) for n in names], []))
    assert len(doc.entities) == 2


def test_resolve_platform_with_project_facts_stays_a_project() -> None:
    mentions = [Mention(EntityType.PLATFORM, "星河科创园", 0, 5, 0), Mention(P, "星河科创园", 0, 5, 0),
                Mention(EntityType.PLATFORM, "扬子江加速器", 6, 12, 0), Mention(P, "扬子江加速器", 6, 12, 0)]
    facts = [Fact(Predicate.STATUS, (P, "星河科创园"), None, 0, (("status", "under_construction"),))]
    types = {(e.type, e.name) for e in resolve(_doc(mentions, facts)).entities}
    assert (P, "星河科创园") in types and (P, "扬子江加速器") not in types
    assert (EntityType.PLATFORM, "扬子江加速器") in types


def test_resolve_keeps_two_legal_names_apart() -> None:
    names = ["瑞禾半导体科技有限公司", "瑞禾半导体有限公司"]
    doc = resolve(_doc([Mention(E, n, 0, len(n), 0) for n in names], []))
    assert sorted(e.name for e in doc.entities) == sorted(names)
