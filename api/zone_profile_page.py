"""The zone profile as a page: figures, tables and lists rendered here (escaped), charts drawn by
``zone_profile.js`` with ECharts from the JSON island the page carries."""

from __future__ import annotations

import html
from collections import defaultdict
from urllib.parse import quote

from fastapi.responses import HTMLResponse

from api.page_shell import (
    STATUS_LABELS,
    STATUS_ORDER,
    charts_installed,
    entity_url,
    format_amount,
    format_value,
    link,
    page,
    unit_label,
)
from api.schemas import Evidence, Ref
from api.workbench import _json_island
from api.zone_profile_model import Indicator, Member, ZoneProfile

NO_CHARTS = ('<p class="missing">图表库未安装：请在项目目录运行 <code>npm ci</code>'
             '（scripts/install.sh 会运行它）。表格中的数字不受影响。</p>')


def _sources(evidence: list[Evidence]) -> str:
    """One link per evidence sentence to the document view, the sentence as its tooltip."""
    links = []
    for number, ev in enumerate(evidence, start=1):
        label = "原文" if len(evidence) == 1 else f"原文{number}"
        links.append(f'<a class="source" href="{html.escape(ev.url or "")}" title="{html.escape(ev.text)}">'
                     f"{label}</a>")
    return " ".join(links)


def _ref(ref: Ref) -> str:
    return link(entity_url(ref.iri), ref.label or ref.id, "entity")


def _figures(p: ZoneProfile) -> str:
    t = p.totals
    money = "、".join(format_amount(a, c) for c, a in t.investment.items())
    invested = f"已披露投资（{t.projects_with_investment} 个项目）" if money else "投资额均未披露"
    cards = [
        (str(t.projects), "项目"), (money or "—", invested),
        (str(t.enterprises), "企业"), (str(t.honours), "企业所获荣誉"), (str(t.zone_honours), "园区荣誉"),
        (str(t.platforms), "平台载体"), (str(t.policies), "政策"), (str(t.industries), "主导产业"),
        (str(t.people), "人物"), (str(t.indicators), "指标数据"),
    ]
    body = "".join(f'<div class="figure" data-figure="{html.escape(label)}"><b>{html.escape(value)}</b>'
                   f"<span>{html.escape(label)}</span></div>" for value, label in cards)
    return f'<section class="figures" aria-label="概况">{body}</section>'


def _charts(p: ZoneProfile) -> str:
    options = "".join(f'<option value="{i}">{html.escape(name)}</option>'
                      for i, name in enumerate(_metric_names(p.indicators)))
    missing = "" if charts_installed() else NO_CHARTS
    return (f'{missing}<section class="charts">'
            '<div><h2>项目进展：签约 → 开工 → 在建 → 竣工 → 投产</h2>'
            '<p class="chart-caption">每个阶段：有该进展记录的项目数（一个项目可经历多个阶段）</p>'
            '<div class="chart" id="chart-pipeline"></div></div>'
            '<div><h2>投资额：按年份与进展</h2>'
            '<p class="chart-caption">每个项目按其最新进展及其年份计入；同一项目多次报道取最大投资额</p>'
            '<div class="chart" id="chart-investment"></div></div>'
            '<div><h2>关键指标：实际与目标</h2>'
            f'<p class="chart-caption"><select id="metric" aria-label="指标">{options}</select></p>'
            '<div class="chart" id="chart-indicator"></div></div></section>')


def _metric_key(i: Indicator) -> str:
    unit = unit_label(i.unit)
    return f"{i.metric}（{unit}）" if unit else i.metric


def _metric_names(indicators: list[Indicator]) -> list[str]:
    """Metrics (with their unit), the most reported first; rankings after amounts at equal counts (a taller
    bar is a worse rank)."""
    counts: dict[str, int] = defaultdict(int)
    ranks = set()
    for i in indicators:
        counts[_metric_key(i)] += 1
        if i.unit == "rank":
            ranks.add(_metric_key(i))
    return sorted(counts, key=lambda name: (-counts[name], name in ranks, name))


def chart_data(p: ZoneProfile) -> dict[str, object]:
    """What the charts draw: the pipeline, investment by year and stage (CNY), each metric by period."""
    years = sorted({c.year for c in p.investment if c.currency == "CNY"}, key=lambda y: (y is None, y or 0))
    stages = [s for s in (*STATUS_ORDER, None) if any(c.status == s and c.currency == "CNY" for c in p.investment)]
    series = [{"status": s or "unknown", "label": STATUS_LABELS.get(s or "", "进展不详"),
               "data": [sum(c.amount for c in p.investment if c.currency == "CNY" and c.year == y and c.status == s)
                        for y in years]} for s in stages]
    metrics: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    units: dict[str, str] = {}
    for i in p.indicators:
        name = _metric_key(i)
        metrics[name][i.period or "未注明"][i.kind] = i.value
        units[name] = i.unit
    ordered = _metric_names(p.indicators)
    return {
        "pipeline": [{"status": s.status, "label": s.label, "projects": s.projects} for s in p.pipeline],
        "investment": {"years": [str(y) if y else "年份不详" for y in years], "series": series},
        "metrics": [{"name": name, "unit": units[name],
                     "periods": [{"period": period, **values} for period, values in sorted(metrics[name].items())]}
                    for name in ordered],
    }


def _indicator_table(p: ZoneProfile) -> str:
    periods = sorted({i.period or "未注明" for i in p.indicators})
    cells: dict[str, dict[str, list[Indicator]]] = defaultdict(lambda: defaultdict(list))
    for i in p.indicators:
        cells[_metric_key(i)][i.period or "未注明"].append(i)
    head = "".join(f"<th>{html.escape(period)}</th>" for period in periods)
    rows = []
    for name in _metric_names(p.indicators):
        tds = []
        for period in periods:
            parts = [f'<span class="{"target" if i.kind == "target" else "actual"}">'
                     f'{"目标 " if i.kind == "target" else ""}{html.escape(format_value(i.value, i.unit))}</span> '
                     f"{_sources(i.evidence)}" for i in cells[name][period]]
            tds.append(f'<td class="num">{"<br>".join(parts)}</td>')
        rows.append(f"<tr><th>{html.escape(name)}</th>{''.join(tds)}</tr>")
    if not rows:
        return '<p class="hint">没有抽取到指标。</p>'
    return f'<table id="indicators"><thead><tr><th>指标</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _project_table(p: ZoneProfile) -> str:
    rows = []
    for row in p.projects:
        steps = " ".join(f'<span class="status {s.status}">{html.escape(s.label)}{s.year or ""}</span>'
                         for s in row.steps) or '<span class="hint">未提及</span>'
        money = "、".join(format_amount(a.amount, a.currency) for a in row.amounts)
        rows.append(f'<tr data-project="{html.escape(row.project.id)}"><td>{_ref(row.project)}</td><td>{steps}</td>'
                    f'<td class="num">{html.escape(money)}</td><td>{_sources(row.evidence)}</td></tr>')
    if not rows:
        return '<p class="hint">没有抽取到项目。</p>'
    return ('<table id="projects"><thead><tr><th>项目</th><th>进展</th><th>投资额</th><th>来源</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _honour_table(p: ZoneProfile) -> str:
    rows = [f"<tr><td>{_ref(h.holder)}</td><td>{_ref(h.honour)}</td><td>{h.year or ''}</td>"
            f"<td>{_sources(h.evidence)}</td></tr>" for h in p.honours]
    if not rows:
        return '<p class="hint">没有抽取到企业荣誉。</p>'
    return ('<table id="honours"><thead><tr><th>获得者</th><th>荣誉</th><th>年份</th><th>来源</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _member_list(items: list[Member], ident: str, empty: str) -> str:
    if not items:
        return f'<p class="hint">{html.escape(empty)}</p>'
    lis = []
    for m in items:
        extra = f" {html.escape(m.title)}" if m.title else ""
        extra += f"（{m.year}年）" if m.year else ""
        lis.append(f"<li>{_ref(m.item)}{extra} {_sources(m.evidence)}</li>")
    return f'<ul class="items" id="{ident}">{"".join(lis)}</ul>'


def render(p: ZoneProfile) -> HTMLResponse:
    """The profile page."""
    zone = p.zone
    docs = "、".join(link(f"/documents/{quote(d)}", d) for d in p.documents)
    aliases = f"又称 {html.escape('、'.join(p.aliases))} · " if p.aliases else ""
    head = (f'<h1>{html.escape(zone.label or zone.id)}</h1><p class="meta">{aliases}来源文档 {docs or "无"} · '
            f'{link("/graph?focus=" + quote(zone.iri, safe=""), "在图谱中查看")} · '
            f'{link(f"/zones/{quote(zone.id)}/profile", "JSON")}</p>')
    sections = [
        head, _figures(p), _charts(p),
        "<h2>关键指标（按期间）</h2>", _indicator_table(p),
        f"<h2>项目（{p.totals.projects}）</h2>", _project_table(p),
        f"<h2>企业荣誉（{len(p.honours)}）</h2>", _honour_table(p),
        "<h2>园区荣誉</h2>", _member_list(p.zone_honours, "zone-honours", "没有抽取到园区荣誉。"),
        f"<h2>平台载体（{p.totals.platforms}）</h2>", _member_list(p.platforms, "platforms", "没有抽取到平台。"),
        f"<h2>政策（{p.totals.policies}）</h2>", _member_list(p.policies, "policies", "没有抽取到政策。"),
        f"<h2>主导产业（{p.totals.industries}）</h2>", _member_list(p.industries, "industries", "没有抽取到产业。"),
        f"<h2>人物（{p.totals.people}）</h2>", _member_list(p.people, "people", "没有抽取到人物。"),
        f"<h2>企业（{p.totals.enterprises}）</h2>", _member_list(p.enterprises, "enterprises", "没有抽取到企业。"),
        f'<script type="application/json" id="profile-data">{_json_island(chart_data(p))}</script>',
    ]
    scripts = ("echarts.min.js", "zone_profile.js") if charts_installed() else ()
    return page(zone.label or zone.id, "\n".join(sections), kind="zone-profile", scripts=scripts)
