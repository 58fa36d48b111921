"""Hostile uploads and a trickled body against a running ``zonekg serve`` (used by bench.bench_limits).

Each pathological upload is sent while the server's RSS (process tree) is sampled; two seconds in,
a small upload and a SPARQL update are sent by another client. The update needs only the store's
write lock, so its latency shows whether the pathological upload holds it.
"""

from __future__ import annotations

import contextlib
import io
import random
import select
import socket
import subprocess
import threading
import time
import zipfile
from collections.abc import Callable

import httpx

SMALL = "示例高新区内，示例科技有限公司投资建设新项目，总投资10亿元。"
UPDATE = "INSERT DATA { GRAPH <urn:bench:probe> { <urn:bench:s> <urn:bench:p> %d } }"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    out = subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)], capture_output=True, text=True)
    return sum(int(v) for v in out.stdout.split()) / 1024


class PeakRss:
    """Samples a process tree's RSS every 0.25 s while in use."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.before = rss_mb(pid)
        self.peak = self.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def __str__(self) -> str:
        return f"server RSS {self.before:.0f} -> peak {self.peak:.0f} MB (+{self.peak - self.before:.0f})"


def near_limit_docx(target_bytes: int = 19_500_000, seed: int = 7) -> bytes:
    """A valid DOCX just under the upload limit and the zip limits: ~45 MB of paragraphs of random hanzi."""
    import docx

    rng = random.Random(seed)
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    base = io.BytesIO()
    docx.Document().save(base)
    template = zipfile.ZipFile(io.BytesIO(base.getvalue()))
    paragraphs = []
    size = 0
    while size < target_bytes * 1.9:  # random hanzi deflate to ~50%
        text = "".join(rng.choices(hanzi, k=40)) + "。"
        paragraphs.append(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
        size += len(paragraphs[-1].encode())
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{"".join(paragraphs)}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in template.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else template.read(info.filename))
    return out.getvalue()


def _upload(base: str, token: str, name: str, data: bytes) -> tuple[int, str, float]:
    started = time.monotonic()
    with httpx.Client(base_url=base, timeout=1800) as client:
        answer = client.post("/documents", files={"file": (name, data, "application/octet-stream")},
                             headers={"Authorization": f"Bearer {token}"})
    detail = answer.json().get("detail", "") if answer.status_code >= 400 else "stored"
    return answer.status_code, str(detail)[:110], time.monotonic() - started


def _update(base: str, token: str, n: int) -> float:
    started = time.monotonic()
    with httpx.Client(base_url=base, timeout=1800) as client:
        client.post("/sparql/update", data={"update": UPDATE % n}, headers={"Authorization": f"Bearer {token}"})
    return time.monotonic() - started


def hostile_upload(base: str, token: str, pid: int, name: str, data: bytes) -> str:
    """One pathological upload, with a small upload and an update sent 2 s in by another client."""
    result: list[tuple[int, str, float]] = []
    with PeakRss(pid) as rss:
        big = threading.Thread(target=lambda: result.append(_upload(base, token, name, data)))
        big.start()
        time.sleep(2)
        small = _upload(base, token, f"probe-{name}.txt", SMALL.encode())
        update_s = _update(base, token, len(name))
        running = big.is_alive()
        big.join()
    status, detail, seconds = result[0]
    return (f"{name} ({len(data) / 1e6:.1f} MB): {status} in {seconds:.1f} s — {detail}\n"
            f"    concurrent small upload {small[0]} in {small[2]:.1f} s, update {update_s:.2f} s "
            f"({'while it still ran' if running else 'after it ended'}); {rss}")


def slow_body(base: str, token: str, pid: int, give_up_s: float) -> str:
    """An upload whose body arrives one byte a second; another client is served meanwhile."""
    host, port = base.removeprefix("http://").split(":")
    with httpx.Client(base_url=base, timeout=60) as client:
        before = client.get("/documents").json()["total"]
    head = (f"POST /documents HTTP/1.1\r\nHost: b\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 1000000\r\n\r\n--XyZ\r\n").encode()
    answer, others = b"", []
    with PeakRss(pid) as rss, socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head)
        started = time.monotonic()
        while time.monotonic() - started < give_up_s:
            if select.select([conn], [], [], 1.0)[0]:
                with contextlib.suppress(OSError):
                    answer = conn.recv(200)
                break
            with contextlib.suppress(OSError):
                conn.send(b"a")
            others.append(_timed(lambda: httpx.get(f"{base}/stats", timeout=60)))
        waited = time.monotonic() - started
    with httpx.Client(base_url=base, timeout=60) as client:
        after = client.get("/documents").json()["total"]
    status = answer.split(b"\r\n")[0].decode() or f"no answer after {give_up_s:.0f} s"
    return (f"upload body trickled 1 byte/s: {status} after {waited:.1f} s; other client's GET /stats "
            f"max {max(others):.2f} s over {len(others)}; documents {before} -> {after}; {rss}")


def _timed(call: Callable[[], object]) -> float:
    started = time.monotonic()
    call()
    return time.monotonic() - started
