"""Limits on what a client may make the server do: request heads bounded in size, field count and time
(api.http_limits, 431/408), request bodies bounded in time (408), the upload token checked from the
headers alone, and each upload's extraction bounded in characters, page elements and time, outside the
store's write lock (api.extract_pool)."""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.http_limits import bounded_http_protocol
from tests.conftest import API_TOKEN, serve_app


def _exchange(base: str, head: bytes, wait_s: float = 10.0) -> tuple[bytes, bool]:
    """Send only ``head`` on a fresh connection; what comes back, and whether the server closed the connection
    (rather than going quiet for ``wait_s``)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait_s) as conn:
        conn.sendall(head)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except TimeoutError:
            return answer, False
    return answer, True


def _upload_head(token: str | None, length: int = 15 * 1024 * 1024) -> bytes:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    return (
        "POST /documents HTTP/1.1\r\nHost: t\r\n"
        "Content-Type: multipart/form-data; boundary=XyZ\r\n"
        f"Content-Length: {length}\r\n{auth}\r\n"
    ).encode()


def test_api_upload_without_token_is_refused_before_the_body(live_api: str) -> None:
    answer, _ = _exchange(live_api, _upload_head(None), wait_s=30)  # the 15 MB body is never sent
    assert answer.startswith(b"HTTP/1.1 401") and b'"token_required"' in answer
    wrong, _ = _exchange(live_api, _upload_head("not-the-token"))
    assert wrong.startswith(b"HTTP/1.1 401")


def test_api_upload_with_token_still_reaches_the_endpoint(api_client: Any) -> None:
    files = {"file": ("gate.txt", "苏州工业园区内，示例科技有限公司投资建设新项目。".encode(), "text/plain")}
    response = api_client.post("/documents", files=files, headers={"Authorization": f"Bearer {API_TOKEN}"})
    assert response.status_code == 201
    assert api_client.post("/documents", files=files).status_code == 401


@pytest.fixture
def bounded_api(api_settings: Any, sample_store: Any) -> Iterator[str]:
    """The app behind the bounded protocol with small limits: 8 KiB heads, 20 fields, 0.5 s to send a head,
    2 s to send a body."""
    from api.main import create_app

    protocol = bounded_http_protocol(max_header_bytes=8192, max_headers=20, header_timeout_s=0.5, body_timeout_s=2)
    yield from serve_app(create_app(api_settings, store=sample_store), http=protocol)


def _send_all(base: str, data: bytes, wait_s: float = 5.0) -> bytes:
    """Send ``data`` (the server may hang up part-way) and read the answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait_s) as conn:
        with contextlib.suppress(OSError):
            conn.sendall(data)
        answer = b""
        with contextlib.suppress(OSError):
            while chunk := conn.recv(65536):
                answer += chunk
    return answer


def test_api_oversized_head_is_refused_with_431(bounded_api: str) -> None:
    big = b"GET /stats HTTP/1.1\r\nHost: t\r\nX-Big: " + b"a" * 2_000_000 + b"\r\n\r\n"
    assert _send_all(bounded_api, big).startswith(b"HTTP/1.1 431")
    one_line = b"GET /stats?" + b"q" * 100_000 + b" HTTP/1.1\r\nHost: t\r\n\r\n"
    assert _send_all(bounded_api, one_line).startswith(b"HTTP/1.1 431")


def test_api_too_many_header_fields_is_refused_with_431(bounded_api: str) -> None:
    head = b"GET /stats HTTP/1.1\r\nHost: t\r\n" + b"".join(b"X-F%d: v\r\n" % i for i in range(25)) + b"\r\n"
    answer = _send_all(bounded_api, head)
    assert answer.startswith(b"HTTP/1.1 431") and b"header fields" in answer


def test_api_slow_head_is_cut_with_408(bounded_api: str) -> None:
    # Waiting 8 s tells the fixture's 0.5 s head limit from the 10 s default (and from no limit at all).
    answer, closed = _exchange(bounded_api, b"GET /stats HTTP/1.1\r\nHost: t\r\n", wait_s=8)
    assert answer.startswith(b"HTTP/1.1 408") and closed
    assert _exchange(bounded_api, b"", wait_s=8) == (b"", True)  # idle: closed without a word


def _response(conn: socket.socket) -> bytes:
    """One whole response (head and Content-Length body) read from a kept-alive connection; b"" once closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        if not (chunk := conn.recv(65536)):
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    fields = dict(line.split(b":", 1) for line in head.lower().split(b"\r\n")[1:])
    while len(body) < int(fields[b"content-length"]) and (chunk := conn.recv(65536)):
        body += chunk
    return head + b"\r\n\r\n" + body


def test_api_bounded_protocol_serves_normal_requests(api_settings: Any, sample_store: Any) -> None:
    """Each request head starts its own clock: four requests a second apart on one connection outlast a 2 s head
    limit, none of them is cut."""
    from api.main import create_app

    protocol = bounded_http_protocol(max_header_bytes=8192, max_headers=20, header_timeout_s=2, body_timeout_s=10)
    server = serve_app(create_app(api_settings, store=sample_store), http=protocol)
    base = next(server)
    try:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as conn:
            for n in range(4):
                if n:
                    time.sleep(1.0)
                conn.sendall(b"GET /stats HTTP/1.1\r\nHost: t\r\n\r\n")
                assert _response(conn).startswith(b"HTTP/1.1 200")
        text = ("苏州工业园区内，示例科技有限公司投资建设新项目。" * 2000).encode()  # a body far over the head limit
        with httpx.Client(base_url=base, timeout=120) as client:
            upload = client.post("/documents", files={"file": ("big.txt", text, "text/plain")},
                                 headers={"Authorization": f"Bearer {API_TOKEN}"})
        assert upload.status_code == 201
    finally:
        next(server, None)


def _document_count(base: str) -> int:
    with httpx.Client(base_url=base, timeout=30) as client:
        return int(client.get("/documents").json()["total"])


def test_api_slow_body_is_cut_with_408_while_others_are_served(bounded_api: str) -> None:
    before = _document_count(bounded_api)
    host, port = bounded_api.removeprefix("http://").split(":")
    answer = b""
    with socket.create_connection((host, int(port)), timeout=10) as slow:
        slow.sendall(_upload_head(API_TOKEN, length=10_000) + b"--XyZ\r\n")
        served = _document_count(bounded_api)  # another client, while the upload trickles in
        for _ in range(100):  # a byte every 0.1 s: never idle, never done
            if select.select([slow], [], [], 0.1)[0]:
                break
            with contextlib.suppress(OSError):
                slow.send(b"a")
        with contextlib.suppress(OSError):
            while chunk := slow.recv(65536):
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 408") and b"request body not complete within 2 s" in answer
    assert served == before == _document_count(bounded_api)


SENTENCE = "苏州工业园区内，示例科技有限公司投资建设新项目，总投资10亿元。"


@pytest.fixture
def limited_api(tmp_path: Any, sample_store: Any, request: pytest.FixtureRequest) -> Iterator[str]:
    """The app with upload extraction limits from the test's ``limits`` marker (Settings fields)."""
    from api.main import create_app
    from kg.settings import MEMORY, Settings

    marker = request.node.get_closest_marker("limits")
    limits = marker.kwargs if marker else {}
    settings = Settings(store=MEMORY, corpus=tmp_path / "none", api_token=API_TOKEN, _env_file=None,  # type: ignore[call-arg]
                        **limits)
    yield from serve_app(create_app(settings, store=sample_store))


def _upload(base: str, name: str, data: bytes) -> httpx.Response:
    with httpx.Client(base_url=base, timeout=300) as client:
        return client.post("/documents", files={"file": (name, data, "text/plain")},
                           headers={"Authorization": f"Bearer {API_TOKEN}"})


@pytest.mark.limits(max_document_chars=100_000)
def test_api_upload_over_the_character_limit_is_refused(limited_api: str) -> None:
    before = _document_count(limited_api)
    answer = _upload(limited_api, "a.txt", b"a" * 100_001)
    assert answer.status_code == 422
    assert answer.json()["detail"] == "a.txt: 100,001 characters of text is over the limit of 100,000 per document"
    assert _document_count(limited_api) == before


def test_api_upload_of_a_million_line_breaks_is_refused(limited_api: str) -> None:
    page = b"<html><body><p>" + SENTENCE.encode() + b"</p>" + b"<br>" * 1_000_000 + b"</body></html>"
    answer = _upload(limited_api, "breaks.html", page)
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("breaks.html: 1,000,00")
    assert "HTML elements is over the limit of 300,000 per page" in answer.json()["detail"]


# 3,000 sentences take ~18 s to extract at load 15 (~2 s idle); one takes 0.01-0.03 s: a 1 s limit stops the
# first on a much faster machine and leaves the second room on a much slower one.
@pytest.mark.limits(extract_timeout_s=1.0)
def test_api_upload_over_the_time_limit_is_stopped_and_refused(limited_api: str) -> None:
    before = _document_count(limited_api)
    answer = _upload(limited_api, "long.txt", (SENTENCE * 3000).encode())
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert detail.startswith("long.txt: extraction stopped after ") and "(limit 1 s per document)" in detail
    assert _document_count(limited_api) == before
    assert _upload(limited_api, "short.txt", SENTENCE.encode()).status_code == 201  # the worker serves on


@pytest.mark.limits(extract_timeout_s=600.0)  # a loaded machine must not turn this into a timeout test
def test_api_upload_extracts_without_holding_the_write_lock(limited_api: str) -> None:
    """A write (DELETE) sent while a long upload is being extracted completes before the upload does."""
    # Every sentence names other firms and amounts, so extraction takes seconds on any machine.
    text = "".join(f"示例{i}号园区内，示例{i}科技有限公司投资建设新项目，总投资{i % 90 + 1}亿元。" for i in range(1500))
    answers: dict[str, httpx.Response] = {}
    upload = threading.Thread(target=lambda: answers.update(upload=_upload(limited_api, "long.txt", text.encode())))
    upload.start()
    time.sleep(0.5)  # the body is in; the document is in extraction (or its worker warming up)
    with httpx.Client(base_url=limited_api, timeout=300) as client:
        deleted = client.delete("/documents/sample", headers={"Authorization": f"Bearer {API_TOKEN}"})
    upload_was_running = upload.is_alive()
    upload.join(timeout=300)
    assert deleted.status_code == 204 and upload_was_running
    assert answers["upload"].status_code == 201, answers["upload"].text
