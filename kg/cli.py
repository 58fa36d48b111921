"""The ``zonekg`` command line. Each command parses, calls one library function, prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kg.errors import KgError
from kg.settings import Settings
from kg.store import GraphStore, open_store

app = typer.Typer(help="Knowledge graph of Chinese development zones.", no_args_is_help=True)

StoreOption = Annotated[
    str | None, typer.Option("--store", help="Store folder or :memory: (default: $ZONEKG_STORE or ./data/store).")
]

# --format → media type, for each query form: solutions/booleans or graphs.
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
}
FORMATS_BY_FORM = {
    "SELECT": RESULT_FORMATS,
    "ASK": {k: v for k, v in RESULT_FORMATS.items() if k in ("json", "xml")},
    "CONSTRUCT": GRAPH_FORMATS,
    "DESCRIBE": GRAPH_FORMATS,
}


def make_settings(store: str | None = None, **overrides: object) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    if store is not None:
        values["store"] = store
    return Settings(**values)  # type: ignore[arg-type]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one error line and leave with ``code`` (1: the operation failed, 2: the command line is wrong)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def opened(settings: Settings, *, read_only: bool = False) -> Iterator[GraphStore]:
    """Open the store, turning zonekg errors into one clean line and exit code 1.

    ``read_only`` commands read a point-in-time view of an embedded store, so they work while
    ``zonekg serve`` holds its lock.
    """
    try:
        store = open_store(settings, read_only=read_only)
    except KgError as exc:
        fail(str(exc))
    try:
        yield store
    except KgError as exc:
        fail(str(exc))
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
    from ingest.budget import Budget
    from ingest.runner import ingest_paths

    settings = make_settings(store)
    with opened(settings) as st:
        report = ingest_paths(st, paths, workers=workers or None, on_error=on_error, progress=progress,
                              budget=Budget.from_settings(settings))
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(2)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port.")] = None,
    cors: Annotated[
        str | None, typer.Option(help="Web origins allowed to call the API from a browser (comma-separated, or *).")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Serve the SPARQL endpoint, the REST API and the graph page (ingests the bundled corpus into an empty store)."""
    import logging

    import uvicorn

    from api.main import create_app

    # zonekg's own messages (the first-start ingest summary, refusals) beside uvicorn's.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    settings = make_settings(store, host=host, port=port, cors_origins=cors)
    uvicorn.run(create_app(settings), **server_options(settings))


def server_options(settings: Settings) -> dict[str, object]:
    """uvicorn's listening, proxy and request-head options from the settings.

    X-Forwarded-For is taken only from trusted proxies; request heads are bounded in size, field
    count and time (api.http_limits).
    """
    from api.http_limits import bounded_http_protocol

    protocol = bounded_http_protocol(settings.max_header_bytes, settings.max_headers, settings.header_timeout_s,
                                     settings.body_timeout_s)
    return {"host": settings.host, "port": settings.port, "proxy_headers": True,
            "forwarded_allow_ips": settings.forwarded_allow_ips, "http": protocol}


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL query text.")] = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Read the query from a file.", exists=True)] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="SELECT: json | xml | csv | tsv (default json); ASK: json | xml; "
                     "CONSTRUCT/DESCRIBE: ttl | nt | nq | jsonld | xml (default ttl)"),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query over the knowledge graph and print the result (SERVICE is refused, as on /sparql)."""
    from kg.sparql_guard import check_query
    from kg.store.binding import query_form

    text = file.read_text(encoding="utf-8") if file else sparql
    if not text:
        fail("give a query text or -f FILE", 2)
    try:
        check_query(text)
        form = query_form(text)
    except KgError as exc:
        fail(str(exc))
    formats = FORMATS_BY_FORM[form]
    fmt = fmt or next(iter(formats))  # json for solutions, ttl for graphs
    if fmt not in formats:
        fail(f"--format {fmt} does not fit a {form} query; use one of: {', '.join(formats)}", 2)
    media_type = formats[fmt]
    with opened(make_settings(store), read_only=True) as st:
        body, _ = st.raw_query(text, results_media_type=media_type, graph_media_type=media_type)
    output = body.decode("utf-8")
    sys.stdout.write(output if output.endswith("\n") else output + "\n")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="html | graphml | gexf | nq (N-Quads) | jsonld")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    zone: Annotated[str | None, typer.Option(help="Only this zone (name or IRI) and what links to it.")] = None,
    focus: Annotated[str | None, typer.Option(help="Ego network around this entity (name or IRI).")] = None,
    depth: Annotated[int, typer.Option(help="Depth of the focus view, 1-3.")] = 1,
    store: StoreOption = None,
) -> None:
    """Write the graph, or a view of it, to a file."""
    from viz.export import export_graph

    if not out.parent.is_dir():
        fail(f"cannot write {out}: the folder {out.parent} does not exist", 2)
    with opened(make_settings(store), read_only=True) as st:
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

    with opened(make_settings(store), read_only=True) as st:
        typer.echo(json.dumps(compute_stats(st), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    app()
