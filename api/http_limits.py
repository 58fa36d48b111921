"""Limits on what a client may send before the app sees a request: header size, header count, header time.

uvicorn's httptools protocol accepts headers of any size and waits for them
forever (its keep-alive timer only runs between requests), so a client can hold
memory with a 50 MB header or a connection with a header sent one byte at a
time.  :func:`bounded_http_protocol` returns the same protocol with three
bounds, answered with a status line and ``Connection: close``:

* request head (request line and headers) over ``max_header_bytes``: 431;
* more than ``max_headers`` header fields: 431;
* head not complete ``header_timeout_s`` after the connection opened or the
  previous response ended: 408;
* body not complete ``body_timeout_s`` after its head (a client trickling an
  upload): 408 when no answer has started yet, and the app's ``receive`` sees
  the client gone, so the request never reaches the store.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

REASONS = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


class _HeadTooLarge(Exception):
    """Raised from the parser callback to stop parsing a head that broke a limit."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with bounds on the request head (see the module docstring)."""

    max_header_bytes = 64 * 1024
    max_headers = 100
    header_timeout_s = 10.0
    body_timeout_s = 120.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = self._field_bytes = 0
        self._head_deadline: asyncio.TimerHandle | None = None
        self._body_deadline: asyncio.TimerHandle | None = None
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        self._cancel_body_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._head_deadline is not None:
            self._head_bytes += len(data)
        super().data_received(data)  # a head that ends in this chunk stops the count (on_headers_complete)
        if self._head_deadline is not None and self._head_bytes > self.max_header_bytes:
            self._refuse(431, f"request headers over {self.max_header_bytes} bytes")

    def send_400_response(self, msg: str) -> None:
        if not self.transport.is_closing():  # a refusal of ours already answered
            super().send_400_response(msg)

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        self._field_bytes += len(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        self._field_bytes += len(name) + len(value) + 4
        if len(self.headers) > self.max_headers:
            self._refuse(431, f"more than {self.max_headers} header fields")
        elif self._field_bytes > self.max_header_bytes:
            self._refuse(431, f"request headers over {self.max_header_bytes} bytes")
        else:
            return
        raise _HeadTooLarge  # stops the parser; uvicorn's own 400 is skipped as the transport is closing

    def on_headers_complete(self) -> None:
        self._cancel_deadline()
        super().on_headers_complete()
        self._body_deadline = self.loop.call_later(self.body_timeout_s, self._body_timed_out)

    def on_message_complete(self) -> None:
        self._cancel_body_deadline()
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()

    def _await_head(self) -> None:
        self._cancel_deadline()
        self._head_bytes = self._field_bytes = 0
        self._head_deadline = self.loop.call_later(self.header_timeout_s, self._head_timed_out)

    def _cancel_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_timed_out(self) -> None:
        self._head_deadline = None
        if self._head_bytes:
            self._refuse(408, f"request headers not complete within {self.header_timeout_s:g} s")
        else:
            self.transport.close()  # an idle connection that never started a request

    def _cancel_body_deadline(self) -> None:
        if self._body_deadline is not None:
            self._body_deadline.cancel()
            self._body_deadline = None

    def _body_timed_out(self) -> None:
        self._body_deadline = None
        cycle = self.cycle
        if cycle is None or cycle.response_started:
            self.transport.close()  # answered already (e.g. 401 from the headers): only the unread body is left
            return
        cycle.disconnected = True  # the app's receive() now answers http.disconnect; nothing it sends is written
        cycle.message_event.set()
        self._refuse(408, f"request body not complete within {self.body_timeout_s:g} s")

    def _refuse(self, status: int, message: str) -> None:
        self._cancel_deadline()
        if self.transport.is_closing():
            return
        body = message.encode()
        self.transport.write(
            b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, REASONS[status], len(body), body)
        )
        self.transport.close()


def bounded_http_protocol(
    max_header_bytes: int, max_headers: int, header_timeout_s: float, body_timeout_s: float = 120.0
) -> type[HttpToolsProtocol]:
    """The bounded protocol class with these limits (uvicorn's ``http=`` option takes a class)."""
    limits = {"max_header_bytes": max_header_bytes, "max_headers": max_headers,
              "header_timeout_s": header_timeout_s, "body_timeout_s": body_timeout_s}
    return type("BoundedHttpToolsProtocol", (BoundedHttpToolsProtocol,), limits)
