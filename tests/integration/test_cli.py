"""The CLI on a real on-disk store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, Triple
from typer.testing import CliRunner

from kg.cli import app
from kg.iri import doc_graph_iri, entity_iri
from kg.model import EntityType
from kg.namespaces import RDF, RDFS, ZONE
from kg.store.oxigraph import OxigraphStore

runner = CliRunner()


def seeded_store(path: Path) -> str:
    store = OxigraphStore(path)
    company = entity_iri(EntityType.ENTERPRISE, "东旭科技")
    store.replace_graph(
        doc_graph_iri("d1"),
        [Triple(company, RDF.type, ZONE.Enterprise), Triple(company, RDFS.label, Literal("东旭科技", language="zh"))],
    )
    store.close()
    return str(path)


def test_cli_stats_counts_documents_and_classes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--store", seeded_store(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"quads": 2, "documents": 1, "classes": {"Enterprise": 1}}


def test_cli_query_prints_csv(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "s")
    result = runner.invoke(app, ["query", "SELECT ?l WHERE { ?s rdfs:label ?l }", "--format", "csv", "--store", store])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["l", "东旭科技"]


def test_cli_query_syntax_error_is_one_clean_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "SELEC nothing", "--store", seeded_store(tmp_path / "s")])
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert "Traceback" not in result.output


def test_cli_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert f"`zonekg {name}" in readme, name


def test_cli_serve_trusts_forwarded_for_only_from_the_configured_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.cli import make_settings, server_options

    monkeypatch.setenv("ZONEKG_FORWARDED_ALLOW_IPS", "10.0.0.5")
    options = server_options(make_settings(None, port=8123))
    protocol = options.pop("http")
    assert options == {"host": "127.0.0.1", "port": 8123, "proxy_headers": True, "forwarded_allow_ips": "10.0.0.5"}
    assert (protocol.max_header_bytes, protocol.max_headers, protocol.header_timeout_s) == (65536, 100, 10.0)  # type: ignore[attr-defined]
    monkeypatch.delenv("ZONEKG_FORWARDED_ALLOW_IPS")
    assert server_options(make_settings(None))["forwarded_allow_ips"] == "127.0.0.1"
