"""Limits enforced before the app reads a request: the upload token is checked from the headers alone."""

from __future__ import annotations

import socket
import time
from typing import Any

from tests.conftest import API_TOKEN


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
