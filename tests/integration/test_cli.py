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


def test_cli_query_refuses_service_in_one_line_without_fetching(tmp_path: Path) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = runner.invoke(app, ["query", query, "--store", seeded_store(tmp_path / "s")])
    assert result.exit_code == 1
    assert result.output == "error: SERVICE is not allowed on this endpoint\n"


def test_cli_query_format_must_fit_the_query_form(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "s")
    select = runner.invoke(app, ["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "ttl", "--store", store])
    assert select.exit_code == 2
    assert "--format ttl does not fit a SELECT query" in select.output
    construct = runner.invoke(app, ["query", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv", "--store", store])
    assert construct.exit_code == 2
    turtle = runner.invoke(app, ["query", "CONSTRUCT WHERE { ?s rdfs:label ?o }", "--store", store])
    assert turtle.exit_code == 0, turtle.output
    assert "东旭科技" in turtle.output and "@prefix" not in turtle.output.split("\n")[-1]


def test_cli_query_output_ends_with_a_newline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--store", seeded_store(tmp_path / "s")])
    assert result.exit_code == 0
    assert json.loads(result.output)["boolean"] is True
    assert result.output.endswith("}\n")


def test_cli_readers_work_while_another_process_holds_the_store(tmp_path: Path) -> None:
    path = seeded_store(tmp_path / "s")
    writer = OxigraphStore(Path(path))  # holds the RocksDB lock, as `zonekg serve` does
    try:
        query = runner.invoke(app, ["query", "SELECT ?l { ?s rdfs:label ?l }", "--format", "tsv", "--store", path])
        stats = runner.invoke(app, ["stats", "--store", path])
    finally:
        writer.close()
    assert query.exit_code == 0, query.output
    assert query.output.splitlines()[1] == '"东旭科技"@zh'
    assert json.loads(stats.output)["documents"] == 1


def test_cli_reader_on_a_missing_store_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.output.startswith("error: no store at ")


def test_cli_export_to_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    out, store = tmp_path / "no" / "x.html", seeded_store(tmp_path / "s")
    result = runner.invoke(app, ["export", "--format", "html", "--out", str(out), "--store", store])
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot write ") and "Traceback" not in result.output


def test_cli_export_nq_loads_back_as_n_quads(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, parse

    out = tmp_path / "all.nq"
    store = seeded_store(tmp_path / "s")
    result = runner.invoke(app, ["export", "--format", "nq", "--out", str(out), "--store", store])
    assert result.exit_code == 0, result.output
    assert len(list(parse(out.read_bytes(), format=RdfFormat.N_QUADS))) == 2


def test_cli_query_dataset_follows_the_endpoint_rules(tmp_path: Path) -> None:
    """FROM makes the default graph, a graph named twice counts once, FROM alone leaves no named graphs."""
    store = seeded_store(tmp_path / "s")
    d1 = doc_graph_iri("d1")

    def count(query: str) -> str:
        result = runner.invoke(app, ["query", query, "--format", "csv", "--store", store])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()[1]

    assert count(f"SELECT (COUNT(*) AS ?n) FROM {d1} FROM {d1} WHERE {{ ?s ?p ?o }}") == "2"
    assert count(f"SELECT (COUNT(*) AS ?n) FROM zr:doc\\/d1 FROM {d1} WHERE {{ ?s ?p ?o }}") == "2"
    assert count(f"SELECT (COUNT(*) AS ?n) FROM {d1} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == "0"
    assert count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == "2"
