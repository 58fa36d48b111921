"""A zone's profile: key figures by period, projects with their pipeline and investment, honours of its
companies, platforms, policies, industries and people, each fact with its evidence sentences.

Which entities belong to the zone is decided by the same service as the REST lists with ``?zone=``
(:func:`api.entity_service.list_entities`), so the profile's counts are the API's; the facts come from
``profile_*`` templates that keep distinct rows (the default graph may repeat a triple per document).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode

from api.entity_service import entity_iri_for, fullest, list_entities
from api.page_shell import STATUS_LABELS, STATUS_ORDER, evidence_url
from api.schemas import Evidence, Ref
from api.terms import entity_id, literal_value, make_ref
from api.zone_profile_model import (
    Amount,
    HonourRow,
    Indicator,
    InvestmentCell,
    Member,
    PipelineStage,
    ProjectRow,
    StatusStep,
    Totals,
    ZoneProfile,
)
from kg.errors import NotFound
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, SKOS, ZONE, ZONE_IRI
from kg.sparql import load_query
from kg.store import GraphStore
from kg.store.terms import Term

Row = dict[str, Term]
ALL = 1_000_000


def _evidence(row: Row) -> Evidence | None:
    if "text" not in row:
        return None
    doc, start, end = entity_id(row["doc"].value), int(_number(row["start"])), int(_number(row["end"]))
    return Evidence(document=doc, text=row["text"].value, start=start, end=end, url=evidence_url(doc, start, end))


def _number(term: Term) -> float:
    assert isinstance(term, Literal)
    return float(literal_value(term))


def _year(row: Row, name: str = "year") -> int | None:
    return int(row[name].value[:4]) if name in row and row[name].value[:4].isdigit() else None


def _add(found: list[Evidence], evidence: Evidence | None) -> None:
    if evidence is not None and evidence not in found:
        found.append(evidence)


def members(store: GraphStore, zone: NamedNode, entity_type: EntityType) -> list[Ref]:
    """The entities of one type ``/{collection}?zone=`` lists for the zone."""
    return list_entities(store, entity_type, q="", zone=zone, limit=ALL, offset=0).items


def build_profile(store: GraphStore, ident: str) -> ZoneProfile:
    """The profile of the zone ``/zones/{ident}`` names.

    Raises:
        NotFound: no zone has this id.
    """
    zone = entity_iri_for(EntityType.ZONE, ident)
    own: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("api_entity_out"), bindings={"item": zone}):
        own[row["p"].value].append(row["o"].value)
    if EntityType.ZONE.iri.value not in own[RDF.type.value]:
        raise NotFound(f"no Zone with id {ident!r}")
    label = fullest(own[RDFS.label.value])
    refs = {t: members(store, zone, t) for t in EntityType if t is not EntityType.ZONE}
    projects = _projects(store, zone, refs[EntityType.PROJECT])
    links = _links(store, zone)
    honours = _honours(store, zone, refs[EntityType.HONOUR])
    indicators = _indicators(store, zone)
    zone_honours = list(links.get(ZONE.awarded.value, {}).values())
    for member in zone_honours:
        member.item.type = EntityType.HONOUR.value
    totals = _totals(refs, projects, indicators, zone_honours)
    return ZoneProfile(
        zone=make_ref(zone.value, label, [EntityType.ZONE.iri.value]),
        aliases=sorted(set(own[SKOS.altLabel.value] + own[RDFS.label.value]) - {label}),
        documents=sorted(entity_id(d) for d in set(own[ZONE.mentionedIn.value])),
        totals=totals,
        pipeline=_pipeline(projects),
        investment=_investment(projects),
        indicators=indicators,
        projects=projects,
        enterprises=_with_evidence(refs[EntityType.ENTERPRISE], links.get(ZONE.locatedIn.value, {})),
        honours=honours,
        zone_honours=sorted(zone_honours, key=lambda m: m.item.label or ""),
        platforms=_with_evidence(refs[EntityType.PLATFORM], links.get(ZONE.hostsPlatform.value, {})),
        policies=_with_evidence(refs[EntityType.POLICY], links.get(ZONE.issuedPolicy.value, {})),
        industries=_with_evidence(refs[EntityType.INDUSTRY], links.get(ZONE.focusIndustry.value, {})),
        people=_with_evidence(refs[EntityType.PERSON], links.get(ZONE.role.value, {})),
    )


def _projects(store: GraphStore, zone: NamedNode, refs: list[Ref]) -> list[ProjectRow]:
    rows = {ref.iri: ProjectRow(project=ref) for ref in refs}
    amounts: dict[str, dict[str, float]] = defaultdict(dict)
    steps: dict[str, set[tuple[str, int | None]]] = defaultdict(set)
    for row in store.select(load_query("profile_projects"), bindings={"zone": zone}):
        iri = row["project"].value
        if iri not in rows:
            continue
        if "amount" in row:
            currency = row["currency"].value
            amounts[iri][currency] = max(amounts[iri].get(currency, 0.0), _number(row["amount"]))
        if "status" in row:
            steps[iri].add((row["status"].value.removeprefix(ZONE_IRI), _year(row)))
        _add(rows[iri].evidence, _evidence(row))
    for iri, project in rows.items():
        project.amounts = [Amount(amount=a, currency=c) for c, a in sorted(amounts[iri].items())]
        ordered = sorted(steps[iri], key=lambda s: (_rank(s[0]), s[1] or 0))
        project.steps = [StatusStep(status=s, label=STATUS_LABELS.get(s, s), year=y) for s, y in ordered]
        if ordered:
            project.stage = ordered[-1][0]
            project.stage_year = max((y for s, y in ordered if s == project.stage and y), default=None)
    return sorted(rows.values(), key=lambda p: (-_rank(p.stage), -(p.stage_year or 0), p.project.label or ""))


def _rank(status: str | None) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def _pipeline(projects: list[ProjectRow]) -> list[PipelineStage]:
    return [
        PipelineStage(status=s, label=STATUS_LABELS[s], projects=sum(any(t.status == s for t in p.steps)
                                                                     for p in projects))
        for s in STATUS_ORDER
    ]


def _investment(projects: list[ProjectRow]) -> list[InvestmentCell]:
    cells: dict[tuple[int | None, str | None, str], InvestmentCell] = {}
    for project in projects:
        for amount in project.amounts:
            key = (project.stage_year, project.stage, amount.currency)
            cell = cells.setdefault(key, InvestmentCell(year=key[0], status=key[1], currency=key[2], amount=0,
                                                        projects=0))
            cell.amount += amount.amount
            cell.projects += 1
    return sorted(cells.values(), key=lambda c: (c.year or 0, _rank(c.status), c.currency))


def _links(store: GraphStore, zone: NamedNode) -> dict[str, dict[str, Member]]:
    """Predicate IRI → item IRI → the item with the sentences that tie it to the zone."""
    found: dict[str, dict[str, Member]] = defaultdict(dict)
    labels: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("profile_links"), bindings={"zone": zone}):
        iri = row["item"].value
        member = found[row["p"].value].setdefault(iri, Member(item=make_ref(iri, None, [])))
        if "title" in row:
            member.title = row["title"].value
        member.year = member.year or _year(row)
        _add(member.evidence, _evidence(row))
        labels[iri] += [row["label"].value] if "label" in row else []
    for ties in found.values():
        for iri, member in ties.items():
            member.item.label = fullest(labels[iri])
    return found


def _with_evidence(refs: Iterable[Ref], ties: dict[str, Member]) -> list[Member]:
    out = []
    for ref in refs:
        tie = ties.get(ref.iri)
        out.append(Member(item=ref, title=tie.title if tie else None, year=tie.year if tie else None,
                          evidence=tie.evidence if tie else []))
    return out


def _honours(store: GraphStore, zone: NamedNode, refs: list[Ref]) -> list[HonourRow]:
    honours = {ref.iri: ref for ref in refs}
    rows: dict[tuple[str, str], HonourRow] = {}
    holder_names: dict[str, list[str]] = defaultdict(list)
    for row in store.select(load_query("profile_honours"), bindings={"zone": zone}):
        holder, honour = row["holder"].value, row["honour"].value
        if honour not in honours:
            continue
        if "holderLabel" in row:
            holder_names[holder].append(row["holderLabel"].value)
        entry = rows.setdefault((holder, honour), HonourRow(holder=make_ref(holder, None, []),
                                                            honour=honours[honour]))
        entry.year = entry.year or _year(row)
        _add(entry.evidence, _evidence(row))
    for (holder, _), entry in rows.items():
        entry.holder.label = fullest(holder_names[holder])
    return sorted(rows.values(), key=lambda r: (-(r.year or 0), r.holder.label or "", r.honour.label or ""))


def _indicators(store: GraphStore, zone: NamedNode) -> list[Indicator]:
    """Observations, one per distinct (metric, value, unit, period, kind), with every sentence that reports it."""
    found: dict[tuple[str, float, str, str | None, str], Indicator] = {}
    for row in store.select(load_query("profile_indicators"), bindings={"zone": zone}):
        kind = row["kind"].value.removeprefix(ZONE_IRI) if "kind" in row else "actual"
        period = row["period"].value if "period" in row else None
        key = (row["metric"].value, _number(row["value"]), row["unit"].value, period, kind)
        entry = found.setdefault(key, Indicator(metric=key[0], value=key[1], unit=key[2], period=period, kind=kind))
        _add(entry.evidence, _evidence(row))
    return sorted(found.values(), key=lambda i: (i.metric, i.period or "", i.kind))


def _totals(refs: dict[EntityType, list[Ref]], projects: list[ProjectRow], indicators: list[Indicator],
            zone_honours: list[Member]) -> Totals:
    investment: dict[str, float] = defaultdict(float)
    for project in projects:
        for amount in project.amounts:
            investment[amount.currency] += amount.amount
    return Totals(
        projects=len(refs[EntityType.PROJECT]),
        enterprises=len(refs[EntityType.ENTERPRISE]),
        platforms=len(refs[EntityType.PLATFORM]),
        policies=len(refs[EntityType.POLICY]),
        industries=len(refs[EntityType.INDUSTRY]),
        people=len(refs[EntityType.PERSON]),
        honours=len(refs[EntityType.HONOUR]),
        zone_honours=len(zone_honours),
        indicators=len(indicators),
        investment=dict(sorted(investment.items())),
        projects_with_investment=sum(1 for p in projects if p.amounts),
    )
