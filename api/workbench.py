"""The SPARQL query page for people: YASGUI from the npm package installed beside the project, the
ontology's prefixes and a gallery of example queries. No CDN: every asset is served by the app."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

from api.static_assets import NODE_MODULES, read_asset
from kg.namespaces import PREFIXES

# `npm ci` (scripts/install.sh) puts the published build here; the repository holds only package(-lock).json.
YASGUI_BUILD = NODE_MODULES / "@zazuko" / "yasgui" / "build"
ASSETS: dict[str, tuple[str, str]] = {
    "yasgui.min.js": ("text/javascript", "npm"),
    "yasgui.min.css": ("text/css", "npm"),
    "workbench.js": ("text/javascript", "api"),
    "workbench.css": ("text/css", "api"),
}
ASSET_PATH = "/static/workbench"


@dataclass(frozen=True)
class Example:
    """One gallery query: a title (its first comment line) and the query text without prefixes."""

    name: str
    title: str
    query: str


def prefix_block() -> str:
    """PREFIX lines for every namespace of the ontology."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


@cache
def examples() -> tuple[Example, ...]:
    """The gallery, in file-name order (the product questions first)."""
    folder = resources.files("api").joinpath("examples")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            title = text.splitlines()[0].lstrip("# ").strip()
            found.append(Example(entry.name.removesuffix(".rq"), title, text))
    return tuple(found)


def asset(name: str) -> tuple[bytes, str]:
    """(content, media type) of one workbench asset from the fixed list (see :func:`api.static_assets.read_asset`)."""
    return read_asset(ASSETS, YASGUI_BUILD, name)


PAGE = Template("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>开发区知识图谱 · SPARQL 查询</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="$assets/yasgui.min.css">
<link rel="stylesheet" href="$assets/workbench.css">
</head>
<body>
<header>
  <strong>开发区知识图谱 · SPARQL</strong>
  <nav><a href="/graph">图谱浏览</a> <a href="/docs">REST API</a></nav>
</header>
<section id="gallery" aria-label="示例查询"></section>
$missing
<div id="yasgui"></div>
<script type="application/json" id="workbench-config">$config</script>
<script src="$assets/yasgui.min.js"></script>
<script src="$assets/workbench.js"></script>
</body>
</html>""")
MISSING = ('<p class="missing">查询编辑器未安装：请在项目目录运行 <code>npm ci</code>'
           '（scripts/install.sh 会运行它）。</p>')


def _json_island(data: object) -> str:
    """JSON safe inside a <script> element (no closing tag, no markup)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page(endpoint: str) -> str:
    """The workbench HTML for an endpoint URL."""
    config = {
        "endpoint": endpoint,
        "prefixes": PREFIXES,
        "examples": [{"name": e.name, "title": e.title, "query": prefix_block() + "\n" + e.query} for e in examples()],
    }
    installed = (YASGUI_BUILD / "yasgui.min.js").is_file()
    return PAGE.substitute(assets=ASSET_PATH, config=_json_island(config), missing="" if installed else MISSING)
