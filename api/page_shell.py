"""What the document view and the zone profile share: the page frame, its strict CSP, its assets
(our own from ``api/static``, ECharts from the npm package in ``node_modules``) and Chinese wording."""

from __future__ import annotations

import html
from string import Template
from urllib.parse import quote

from fastapi.responses import HTMLResponse

from api.negotiation import VARY
from api.static_assets import NODE_MODULES, read_asset
from api.terms import entity_id
from kg.model import EntityType
from kg.namespaces import RESOURCE_IRI

ASSET_PATH = "/static/pages"
# `npm ci` (scripts/install.sh) installs the published build; the repository holds only package(-lock).json.
ECHARTS_BUILD = NODE_MODULES / "echarts" / "dist"
ASSETS: dict[str, tuple[str, str]] = {
    "echarts.min.js": ("text/javascript", "npm"),
    "pages.css": ("text/css", "api"),
    "document_view.js": ("text/javascript", "api"),
    "zone_profile.js": ("text/javascript", "api"),
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PREDICATE_LABELS = {
    "locatedIn": "位于", "investor": "投资方", "awarded": "获评", "issuedPolicy": "出台政策",
    "focusIndustry": "主导产业", "hostsPlatform": "拥有平台", "role": "任职", "investment": "投资",
    "status": "进展", "award": "获评", "indicator": "指标",
}
STATUS_ORDER = ("signed", "started", "under_construction", "completed", "in_production")
STATUS_LABELS = dict(zip(STATUS_ORDER, ("签约", "开工", "在建", "竣工", "投产"), strict=True))
CURRENCY_NAMES = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元"}

FRAME = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title · 开发区知识图谱</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="$assets/pages.css">
</head>
<body class="$kind">
<header>
  <strong><a href="/graph">开发区知识图谱</a></strong>
  <nav><a href="/graph">图谱浏览</a> <a href="/sparql">SPARQL 查询</a> <a href="/docs">REST API</a></nav>
</header>
<main>
$body
</main>
$scripts
</body>
</html>
""")


def asset(name: str) -> tuple[bytes, str]:
    """(content, media type) of one page asset from the fixed list (see :func:`api.static_assets.read_asset`)."""
    return read_asset(ASSETS, ECHARTS_BUILD, name)


def charts_installed() -> bool:
    return (ECHARTS_BUILD / "echarts.min.js").is_file()


def page(title: str, body: str, *, kind: str, scripts: tuple[str, ...] = ()) -> HTMLResponse:
    """A page of the frame with the strict CSP; ``body`` is already escaped markup."""
    tags = "".join(f'<script src="{ASSET_PATH}/{name}"></script>\n' for name in scripts)
    markup = FRAME.substitute(title=html.escape(title), body=body, kind=kind, assets=ASSET_PATH, scripts=tags)
    headers = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
               **VARY}
    return HTMLResponse(markup, headers=headers)


def format_amount(amount: float, currency: str = "CNY") -> str:
    """'20亿元' for 2e9 CNY, '3000万美元' for 3e7 USD.

    >>> format_amount(2e9), format_amount(3e7, "USD"), format_amount(12.5, "GBP")
    ('20亿元', '3000万美元', '12.5 GBP')
    """
    return _magnitude(amount) + CURRENCY_NAMES.get(currency, f" {currency}")


def entity_url(iri: str) -> str:
    """Where a person reads about an entity: a zone's profile, any other entity focused in the graph page."""
    if iri.startswith(f"{RESOURCE_IRI}{EntityType.ZONE.value.lower()}/"):
        return f"/zones/{quote(entity_id(iri))}"
    return f"/graph?focus={quote(iri, safe='')}"


def evidence_url(document: str, start: int, end: int) -> str:
    """The document view with one evidence span highlighted."""
    return f"/documents/{quote(document)}?s={start}&e={end}"


def link(url: str, label: str, css: str = "") -> str:
    """An escaped ``<a>``."""
    cls = f' class="{css}"' if css else ""
    return f'<a href="{html.escape(url)}"{cls}>{html.escape(label)}</a>'


UNIT_WORDS = {"mu": "亩", "m2": "平方米", "km2": "平方公里", "t": "吨", "kWh": "千瓦时", "GW": "吉瓦", "year": "年"}


def format_value(value: float, unit: str) -> str:
    """An indicator's value in words: '42.5%', '第1名', '13', '20亿元', '38.5亿千瓦时'.

    >>> format_value(42.5, "percent"), format_value(1, "rank"), format_value(2e9, "CNY")
    ('42.5%', '第1名', '20亿元')
    >>> format_value(3850000000, "kWh"), format_value(13, "count")
    ('38.5亿千瓦时', '13')
    """
    if unit == "percent":
        return f"{value:g}%"
    if unit == "percentage_point":
        return f"{value:g}个百分点"
    if unit == "rank":
        return f"第{value:g}名"
    if unit in CURRENCY_NAMES:
        return format_amount(value, unit)
    return _magnitude(value) + ("" if unit == "count" else UNIT_WORDS.get(unit, f" {unit}"))


def _magnitude(value: float) -> str:
    for name, scale in (("亿", 1e8), ("万", 1e4)):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{name}"
    return f"{value:.4g}"


def unit_label(unit: str) -> str:
    """The unit as a reader names it: '%', '名次', '亿元' style words; '' for a plain count.

    >>> unit_label("percent"), unit_label("mu"), unit_label("count"), unit_label("CNY")
    ('%', '亩', '', '元')
    """
    names = {"percent": "%", "percentage_point": "百分点", "rank": "名次", "count": "", **CURRENCY_NAMES, **UNIT_WORDS}
    return names.get(unit, unit)
