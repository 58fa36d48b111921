"""Answer one parsed /sparql request: check it, run it where it can be stopped, build the response."""

from __future__ import annotations

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

from api.auth import require_token
from api.query_exec import QueryRequest
from api.sparql_protocol import ProtocolRequest, negotiate, service_description
from kg.update_dataset import UpdateDataset

TRUNCATED_HEADER = "X-SPARQL-MaxRows"
BYTES_CUT_HEADER = "X-SPARQL-MaxBytes"


async def answer(request: Request, parsed: ProtocolRequest) -> Response:
    """The HTTP response to a query, an update or a bare GET (the service description)."""
    state = request.app.state
    if parsed.update is not None:
        return await update(request, parsed.update, using_dataset(parsed))
    fmt = request.query_params.get("format") or request.query_params.get("output")
    results_type, graph_type = negotiate(request.headers.get("accept"), fmt)
    if parsed.query is None:
        endpoint = str(request.url.replace(query=""))
        return Response(service_description(endpoint, graph_type), media_type=graph_type)
    query = QueryRequest(
        parsed.query,
        results_type,
        graph_type,
        parsed.default_graph_uris,
        parsed.named_graph_uris,
        state.settings.max_rows,
        state.settings.max_answer_bytes,
    )
    client = request.client.host if request.client else "unknown"
    # The runner checks the text (SERVICE) before running it and marks on the ticket when it executes.
    with state.client_limiter.evaluation(client) as ticket:
        result = await run_in_threadpool(state.runner.run, query, ticket)
    headers = {TRUNCATED_HEADER: str(query.max_rows)} if result.truncated else {}
    if result.cut_bytes:
        headers[BYTES_CUT_HEADER] = str(query.max_bytes)
    return Response(result.body, media_type=result.media_type, headers=headers)


def using_dataset(parsed: ProtocolRequest) -> UpdateDataset | None:
    """The dataset ``using-graph-uri`` / ``using-named-graph-uri`` give an update, if any."""
    if not (parsed.using_graph_uris or parsed.using_named_graph_uris):
        return None
    return UpdateDataset(parsed.using_graph_uris, parsed.using_named_graph_uris)


async def update(request: Request, text: str, dataset: UpdateDataset | None = None) -> Response:
    """Run an update after the bearer-token check (with the protocol's dataset, if given); 204 on success."""
    require_token(request.headers.get("authorization"), request.app.state.settings)
    await run_in_threadpool(request.app.state.writer.update, text, dataset)
    return Response(status_code=204)
