"""Deterministic synthetic corpus: zone-report-like Chinese documents and their graph.

Names are drawn from pools generated out of place-name syllables, brand
syllables, industry words and legal suffixes, so no real document's names
appear. Each document plans a home zone, enterprises, projects with amounts
and awards; :func:`document_text` writes the plan as report prose for the real
pipeline, :func:`document_quads` writes the same plan straight into the graph
shape ingest emits (for store measurements at millions of triples).

    python -m bench.synth OUT_DIR --documents 10000
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.iri import doc_graph_iri, entity_iri, node_iri
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, XSD, ZONE

PLACE_SYLLABLES = "安宁江海河山泉阳平华兴丰林湖城源德庆昌溪桥岭川峰台云泰嘉临永清宜瑞盛崇洪长浦"
BRAND_SYLLABLES = "瑞恒博达鑫汇创辰宇泰钧铭睿晟凯卓禾朗峻耀启航拓智联芯微诺欣蓝翔远弘景"
INDUSTRIES = [
    "半导体", "新能源", "智能装备", "生物医药", "新材料", "光电", "电子", "精密机械", "环保科技", "汽车零部件",
]
SUFFIXES = ["科技有限公司", "股份有限公司", "有限公司", "集团有限公司", "科技股份有限公司"]
ZONE_KINDS = [("高新技术产业开发区", ZONE.HighTechZone), ("经济技术开发区", ZONE.EconomicTechnologicalZone),
              ("经济开发区", ZONE.EconomicDevelopmentZone), ("工业园区", ZONE.IndustrialPark)]
PROJECT_KINDS = ["生产基地项目", "研发中心项目", "产业园项目", "扩建项目"]
HONOURS = [
    "专精特新小巨人企业", "高新技术企业", "科技型中小企业", "瞪羚企业", "制造业单项冠军企业", "省级专精特新中小企业",
]
STATUS = {"签约": ZONE.signed, "开工建设": ZONE.started, "竣工投产": ZONE.in_production}
YEARS = ["2021", "2022", "2023"]
FILLER = ["坚持项目为王,持续优化营商环境。", "围绕主导产业开展精准招商,产业链条不断延伸。",
          "深化“放管服”改革,审批效率进一步提升。", "加强人才引进和科技创新平台建设。",
          "统筹推进安全生产和生态环境保护工作。"]


@dataclass(frozen=True)
class Project:
    """A planned project: name, investor, amount in 亿元 and status verb."""

    name: str
    investor: str
    yi: int
    status: str
    year: str


@dataclass(frozen=True)
class Plan:
    """Everything one synthetic document states."""

    doc_id: str
    city: str
    zone: str
    zone_class: NamedNode
    enterprises: list[str]
    projects: list[Project]
    awards: list[tuple[str, str, str]] = field(default_factory=list)
    """(enterprise, honour, year)."""


class Pools:
    """Name pools generated from a seed; the same seed gives the same names."""

    def __init__(self, seed: int = 7, cities: int = 60, brands: int = 3000) -> None:
        rng = random.Random(seed)
        self.cities = _distinct(rng, cities, lambda: _pick(rng, PLACE_SYLLABLES, 2) + "市")
        kinds = [rng.choice(ZONE_KINDS) for _ in self.cities]
        self.zones = [(city[:-1] + kind, cls) for city, (kind, cls) in zip(self.cities, kinds, strict=True)]
        self.enterprises = _distinct(
            rng, brands, lambda: _pick(rng, BRAND_SYLLABLES, 2) + rng.choice(INDUSTRIES) + rng.choice(SUFFIXES)
        )


def _pick(rng: random.Random, alphabet: str, count: int) -> str:
    return "".join(rng.sample(alphabet, count))


def _distinct(rng: random.Random, count: int, make) -> list[str]:  # type: ignore[no-untyped-def]
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(), None)
    return list(seen)


def plans(documents: int, seed: int = 7, pools: Pools | None = None) -> Iterator[Plan]:
    """The plans of ``documents`` synthetic documents, deterministic in ``seed``."""
    pools = pools or Pools(seed)
    rng = random.Random(seed * 7919 + 1)
    for number in range(documents):
        zone_index = rng.randrange(len(pools.zones))
        enterprises = rng.sample(pools.enterprises, rng.randint(2, 4))
        projects = [_project(rng, name) for name in enterprises[: rng.randint(1, 2)]]
        honoured = enterprises[len(enterprises) - rng.randint(0, 2) :]
        awards = [(name, rng.choice(HONOURS), rng.choice(YEARS)) for name in honoured]
        zone, zone_class = pools.zones[zone_index]
        yield Plan(f"synth-{number:07d}", pools.cities[zone_index], zone, zone_class, enterprises, projects, awards)


def _project(rng: random.Random, investor: str) -> Project:
    industry = next(word for word in INDUSTRIES if word in investor)
    name = f"{investor[:2]}{industry}{rng.choice(PROJECT_KINDS)}"
    return Project(name, investor, rng.randint(1, 120), rng.choice(list(STATUS)), rng.choice(YEARS))


# -- text --------------------------------------------------------------------


def document_text(plan: Plan) -> str:
    """The plan as a short zone work report, one statement per sentence."""
    lines = [f"{plan.zone}{plan.projects[0].year}年工作总结", "", FILLER[len(plan.doc_id) % len(FILLER)]]
    for name in plan.enterprises:
        lines.append(f"{name}落户{plan.zone}。")
    for p in plan.projects:
        lines.append(f"{p.year}年,{p.investor}总投资{p.yi}亿元的{p.name}{p.status}。")
    for name, honour, year in plan.awards:
        lines.append(f"{year}年,{name}获评{honour}。")
    lines.append(FILLER[int(plan.doc_id[-1]) % len(FILLER)])
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, documents: int, seed: int = 7) -> list[Plan]:
    """Write ``documents`` UTF-8 .txt reports into ``folder``; returns their plans."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for plan in plans(documents, seed):
        (folder / f"{plan.doc_id}.txt").write_text(document_text(plan), encoding="utf-8")
        written.append(plan)
    return written


# -- graph -------------------------------------------------------------------


def document_quads(plan: Plan) -> list[Quad]:
    """The plan in the graph shape ingest emits (see tests/data/sample.trig)."""
    g = doc_graph_iri(plan.doc_id)
    text = document_text(plan)
    out = _Emitter(g, plan.doc_id, text)
    out.document(plan)
    zone = out.entity(EntityType.ZONE, plan.zone, ZONE.Zone, plan.zone_class)
    for name in plan.enterprises:
        company = out.entity(EntityType.ENTERPRISE, name, ZONE.Enterprise)
        out.fact(company, ZONE.locatedIn, zone, f"{name}落户{plan.zone}。")
    for p in plan.projects:
        out.project(p, zone)
    for name, honour, year in plan.awards:
        out.award(name, honour, year)
    return out.quads


class _Emitter:
    """Collects one document's quads."""

    def __init__(self, graph: NamedNode, doc_id: str, text: str) -> None:
        self.graph, self.doc_id, self.text = graph, doc_id, text
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def document(self, plan: Plan) -> None:
        self.add(self.graph, RDF.type, ZONE.Document)
        self.add(self.graph, ZONE.docId, Literal(plan.doc_id))
        self.add(self.graph, ZONE.sourceName, Literal(f"{plan.doc_id}.txt"))
        self.add(self.graph, ZONE.encoding, Literal("utf-8"))

    def entity(self, kind: EntityType, name: str, *classes: NamedNode) -> NamedNode:
        iri = entity_iri(kind, name)
        for cls in classes:
            self.add(iri, RDF.type, cls)
        self.add(iri, RDFS.label, Literal(name, language="zh"))
        self.add(iri, ZONE.mentionedIn, self.graph)
        return iri

    def evidence(self, sentence: str) -> NamedNode:
        start = max(self.text.find(sentence), 0)
        ev = node_iri("evidence", self.doc_id, str(start))
        self.add(ev, RDF.type, ZONE.Evidence)
        self.add(ev, ZONE.sentenceText, Literal(sentence, language="zh"))
        self.add(ev, ZONE.charStart, Literal(str(start), datatype=XSD.integer))
        self.add(ev, ZONE.charEnd, Literal(str(start + len(sentence)), datatype=XSD.integer))
        self.add(ev, ZONE.inDocument, self.graph)
        return ev

    def fact(self, s: NamedNode, p: NamedNode, o: NamedNode, sentence: str) -> None:
        self.add(s, p, o)
        statement = node_iri("fact", s.value, p.value, o.value)
        self.add(statement, RDF.type, RDF.Statement)
        self.add(statement, RDF.subject, s)
        self.add(statement, RDF.predicate, p)
        self.add(statement, RDF.object, o)
        self.add(statement, ZONE.evidence, self.evidence(sentence))

    def project(self, p: Project, zone: NamedNode) -> None:
        sentence = f"{p.year}年,{p.investor}总投资{p.yi}亿元的{p.name}{p.status}。"
        iri = self.entity(EntityType.PROJECT, p.name, ZONE.Project)
        self.fact(iri, ZONE.investor, entity_iri(EntityType.ENTERPRISE, p.investor), sentence)
        self.fact(iri, ZONE.locatedIn, zone, sentence)
        ev = self.evidence(sentence)
        investment = node_iri("investment", iri.value, str(p.yi))
        self.add(iri, ZONE.investment, investment)
        self.add(investment, RDF.type, ZONE.Investment)
        self.add(investment, ZONE.amount, Literal(str(p.yi * 100_000_000), datatype=XSD.decimal))
        self.add(investment, ZONE.currency, Literal("CNY"))
        self.add(investment, ZONE.evidence, ev)
        status = node_iri("status", iri.value, p.status, str(p.year))
        self.add(iri, ZONE.status, status)
        self.add(status, RDF.type, ZONE.StatusEvent)
        self.add(status, ZONE.statusValue, STATUS[p.status])
        self.add(status, ZONE.year, Literal(p.year, datatype=XSD.gYear))
        self.add(status, ZONE.evidence, ev)

    def award(self, name: str, honour: str, year: str) -> None:
        sentence = f"{year}年,{name}获评{honour}。"
        company = entity_iri(EntityType.ENTERPRISE, name)
        title = self.entity(EntityType.HONOUR, honour, ZONE.Honour)
        self.fact(company, ZONE.awarded, title, sentence)
        award = node_iri("award", company.value, honour, year)
        self.add(company, ZONE.award, award)
        self.add(award, RDF.type, ZONE.Award)
        self.add(award, ZONE.honour, title)
        self.add(award, ZONE.year, Literal(year, datatype=XSD.gYear))
        self.add(award, ZONE.evidence, self.evidence(sentence))


def nquads(quads: list[Quad]) -> bytes:
    """Quads as N-Quads bytes."""
    return "".join(f"{q} .\n" for q in quads).encode()


def main() -> None:
    """Write a synthetic corpus of .txt reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = write_corpus(args.out, args.documents, args.seed)
    print(f"wrote {len(written)} documents to {args.out}")


if __name__ == "__main__":
    main()
