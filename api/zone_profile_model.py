"""The JSON form of a zone profile (``GET /zones/{id}/profile``): the same figures the page draws."""

from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas import Evidence, Ref


class Amount(BaseModel):
    amount: float
    currency: str = "CNY"


class StatusStep(BaseModel):
    """A project status event."""

    status: str
    label: str
    year: int | None = None


class ProjectRow(BaseModel):
    """A project of the zone: its largest reported investment per currency and its status history."""

    project: Ref
    amounts: list[Amount] = Field(default_factory=list)
    steps: list[StatusStep] = Field(default_factory=list)
    stage: str | None = None
    """The furthest status reached (signed < started < under_construction < completed < in_production)."""
    stage_year: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class PipelineStage(BaseModel):
    """Projects with a status event of this value (what ``/projects?zone=&status=`` counts)."""

    status: str
    label: str
    projects: int


class InvestmentCell(BaseModel):
    """Investment of the projects whose furthest stage is ``status``, reached in ``year`` (None: not stated)."""

    year: int | None
    status: str | None
    currency: str
    amount: float
    projects: int


class Indicator(BaseModel):
    """One reported figure: metric, value, unit, period, actual or target."""

    metric: str
    value: float
    unit: str
    period: str | None = None
    kind: str = "actual"
    evidence: list[Evidence] = Field(default_factory=list)


class HonourRow(BaseModel):
    holder: Ref
    honour: Ref
    year: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Member(BaseModel):
    """A platform, policy, industry, enterprise or person of the zone, with the sentences that tie it there."""

    item: Ref
    title: str | None = None
    year: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Totals(BaseModel):
    """Counts as the REST lists give them with ``?zone=<id>``, and summed investment per currency."""

    projects: int
    enterprises: int
    platforms: int
    policies: int
    industries: int
    people: int
    honours: int
    """Distinct honours held by entities located in the zone (``/honours?zone=``)."""
    zone_honours: int
    indicators: int
    investment: dict[str, float]
    projects_with_investment: int


class ZoneProfile(BaseModel):
    zone: Ref
    aliases: list[str]
    documents: list[str]
    totals: Totals
    pipeline: list[PipelineStage]
    investment: list[InvestmentCell]
    indicators: list[Indicator]
    projects: list[ProjectRow]
    enterprises: list[Member]
    honours: list[HonourRow]
    zone_honours: list[Member]
    platforms: list[Member]
    policies: list[Member]
    industries: list[Member]
    people: list[Member]
