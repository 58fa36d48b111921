"""The ``zonekg`` command line. Each command parses, calls one library function, prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KgError
from kg.settings import Settings
from kg.store import GraphStore, open_store

app = typer.Typer(help="Knowledge graph of Chinese development zones.", no_args_is_help=True)

StoreOption = Annotated[
    str | None, typer.Option("--store", help="Store folder or :memory: (default: $ZONEKG_STORE or ./data/store).")
]

QUERY_FORMATS = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", "application/n-triples"),
    "tsv": ("text/tab-separated-values", "application/n-triples"),
    "ttl": ("application/sparql-results+json", "text/turtle"),
    "nt": ("application/sparql-results+json", "application/n-triples"),
}


def make_settings(store: str | None = None, **overrides: object) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store"] = store
    return Settings(**values)  # type: ignore[arg-type]


@contextmanager
def opened(settings: Settings) -> Iterator[GraphStore]:
    """Open the store, turning zonekg errors into one clean line and exit code 1."""
    try:
        store = open_store(settings)
    except KgError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    try:
        yield store
    except KgError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        store.close()


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .pdf .docx).", exists=True)],
    workers: Annotated[int, typer.Option(help="Worker processes (default: number of cores).")] = 0,
    on_error: Annotated[
        str, typer.Option(help="raise: stop at the first bad document; skip: report and go on.")
    ] = "skip",
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    store: StoreOption = None,
) -> None:
    """Extract documents into the graph, one named graph per document."""
    from ingest.runner import ingest_paths

    with opened(make_settings(store)) as st:
        report = ingest_paths(st, paths, workers=workers or None, on_error=on_error, progress=progress)
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(2)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port.")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint, the REST API and the graph page (ingests the bundled corpus into an empty store)."""
    import uvicorn

    from api.main import create_app

    settings = make_settings(store, host=host, port=port)
    uvicorn.run(create_app(settings), **server_options(settings))


def server_options(settings: Settings) -> dict[str, object]:
    """uvicorn's listening, proxy and request-head options from the settings.

    X-Forwarded-For is taken only from trusted proxies; request heads are bounded in size, field
    count and time (api.http_limits).
    """
    from api.http_limits import bounded_http_protocol

    protocol = bounded_http_protocol(settings.max_header_bytes, settings.max_headers, settings.header_timeout_s)
    return {"host": settings.host, "port": settings.port, "proxy_headers": True,
            "forwarded_allow_ips": settings.forwarded_allow_ips, "http": protocol}


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a file.", exists=True)] = None,
    fmt: Annotated[str, typer.Option("--format", help="json | xml | csv | tsv | ttl | nt")] = "json",
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query over all document graphs and print the result."""
    text = file.read_text(encoding="utf-8") if file else sparql
    if not text or fmt not in QUERY_FORMATS:
        typer.echo("error: give a query (or -f FILE) and a --format of " + ", ".join(QUERY_FORMATS), err=True)
        raise typer.Exit(2)
    results_type, graph_type = QUERY_FORMATS[fmt]
    with opened(make_settings(store)) as st:
        body, _ = st.raw_query(text, results_media_type=results_type, graph_media_type=graph_type)
    sys.stdout.write(body.decode("utf-8"))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="html | graphml | gexf | nquads | jsonld")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    zone: Annotated[str | None, typer.Option(help="Only this zone (name or IRI) and what links to it.")] = None,
    focus: Annotated[str | None, typer.Option(help="Ego network around this entity (name or IRI).")] = None,
    depth: Annotated[int, typer.Option(help="Depth of the focus view, 1-3.")] = 1,
    store: StoreOption = None,
) -> None:
    """Write the graph, or a view of it, to a file."""
    from viz.export import export_graph

    with opened(make_settings(store)) as st:
        export_graph(st, fmt, out, zone=zone, focus=focus, depth=depth)
    typer.echo(f"wrote {out}")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold annotations (JSON Lines, see FORMAT.md).", exists=True)],
    docs: Annotated[Path, typer.Option(help="Folder with the documents the gold file names.", exists=True)] = Path(
        "data/corpus"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
    out: Annotated[Path | None, typer.Option(help="Also write the predictions in the gold format.")] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Also print each document's entity and fact F1.")] = False,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per type and predicate."""
    from ingest.evaluate import evaluate_documents, format_report

    try:
        report = evaluate_documents(gold, docs, predictions_out=out)
    except KgError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(json.dumps(report, ensure_ascii=False) if as_json else format_report(report, per_document=per_doc))


@app.command()
def stats(store: StoreOption = None) -> None:
    """Count documents, quads and entities per class."""
    from kg.stats import compute_stats

    with opened(make_settings(store)) as st:
        typer.echo(json.dumps(compute_stats(st), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    app()
