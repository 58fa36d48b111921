"""Limits enforced before the app reads a request: request heads bounded in size, field count and time
(api.http_limits, 431/408), and the upload token checked from the headers alone."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api.http_limits import bounded_http_protocol
from tests.conftest import API_TOKEN, serve_app


def _exchange(base: str, head: bytes, wait_s: float = 10.0) -> bytes:
    """Send only ``head`` on a fresh connection and read what comes back until the server closes or goes quiet."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait_s) as conn:
        conn.sendall(head)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except TimeoutError:
            pass
    return answer


def _upload_head(token: str | None, length: int = 15 * 1024 * 1024) -> bytes:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    return (
        "POST /documents HTTP/1.1\r\nHost: t\r\n"
        "Content-Type: multipart/form-data; boundary=XyZ\r\n"
        f"Content-Length: {length}\r\n{auth}\r\n"
    ).encode()


def test_api_upload_without_token_is_refused_before_the_body(live_api: str) -> None:
    started = time.monotonic()
    answer = _exchange(live_api, _upload_head(None), wait_s=5)
    assert answer.startswith(b"HTTP/1.1 401") and b'"token_required"' in answer
    assert time.monotonic() - started < 5  # answered from the headers: the 15 MB body was never sent
    wrong = _exchange(live_api, _upload_head("not-the-token"))
    assert wrong.startswith(b"HTTP/1.1 401")


def test_api_upload_with_token_still_reaches_the_endpoint(api_client: Any) -> None:
    files = {"file": ("gate.txt", "苏州工业园区内，示例科技有限公司投资建设新项目。".encode(), "text/plain")}
    response = api_client.post("/documents", files=files, headers={"Authorization": f"Bearer {API_TOKEN}"})
    assert response.status_code == 201
    assert api_client.post("/documents", files=files).status_code == 401


@pytest.fixture
def bounded_api(api_settings: Any, sample_store: Any) -> Iterator[str]:
    """The app behind the bounded protocol with small limits: 8 KiB heads, 20 fields, 0.5 s to send a head."""
    from api.main import create_app

    protocol = bounded_http_protocol(max_header_bytes=8192, max_headers=20, header_timeout_s=0.5)
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
    started = time.monotonic()
    answer = _exchange(bounded_api, b"GET /stats HTTP/1.1\r\nHost: t\r\n", wait_s=5)
    assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - started < 3
    started = time.monotonic()
    assert _exchange(bounded_api, b"", wait_s=5) == b"" and time.monotonic() - started < 3  # idle: closed


def test_api_bounded_protocol_serves_normal_requests(bounded_api: str) -> None:
    head = b"GET /stats HTTP/1.1\r\nHost: t\r\n\r\n"
    host, port = bounded_api.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:  # two requests on one connection
        for _ in range(2):
            conn.sendall(head)
            answer = conn.recv(65536)
            assert answer.startswith(b"HTTP/1.1 200")
            time.sleep(0.3)  # each head starts its own clock
    text = ("苏州工业园区内，示例科技有限公司投资建设新项目。" * 2000).encode()  # a body far over the head limit
    with httpx.Client(base_url=bounded_api, timeout=60) as client:
        upload = client.post("/documents", files={"file": ("big.txt", text, "text/plain")},
                             headers={"Authorization": f"Bearer {API_TOKEN}"})
    assert upload.status_code == 201
