"""Start and stop real SPARQL servers on loopback for the store contract suite.

``oxigraph serve`` comes from the ``oxigraph`` pip package (``.venv/bin/oxigraph``);
Virtuoso is the Debian ``virtuoso-opensource`` package (``virtuoso-t`` and ``isql-vt``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

VIRTUOSO_PROCEDURES = (
    "SPARUL_DROP SPARUL_CLEAR SPARUL_CREATE SPARUL_MOVE SPARUL_COPY SPARUL_ADD SPARUL_RUN "
    "SPARQL_INSERT_DICT_CONTENT SPARQL_DELETE_DICT_CONTENT SPARQL_MODIFY_BY_DICT_CONTENTS"
).split()
VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 0
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 600
"""
# MaxQueryExecutionTime also bounds an update's transaction: at 60 s, replacing a 2,500-triple graph failed with
# "SR171: Transaction timed out" on a loaded machine (the contract is about what is stored, not how fast).


@dataclass(frozen=True)
class Endpoint:
    """URLs of a running server."""

    query: str
    update: str
    gsp: str | None


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oxigraph_binary() -> Path | None:
    """The ``oxigraph`` CLI installed beside this interpreter."""
    candidate = Path(sys.executable).parent / "oxigraph"
    return candidate if candidate.exists() else None


@contextmanager
def oxigraph_server(location: Path) -> Iterator[Endpoint]:
    """``oxigraph serve`` on 127.0.0.1 with the union of named graphs as default graph."""
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("oxigraph CLI not installed (pip package 'oxigraph')")
    base = f"http://127.0.0.1:{free_port()}"
    command = [str(binary), "serve", "--location", str(location), "--bind", base[7:], "--union-default-graph"]
    with _running(command, location / "server.log", f"{base}/query?query=ASK%7B%7D"):
        yield Endpoint(f"{base}/query", f"{base}/update", f"{base}/store")


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Endpoint]:
    """A throwaway Virtuoso on 127.0.0.1 whose anonymous SPARQL user may update."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        raise FileNotFoundError("virtuoso-t/isql-vt not installed (Debian package virtuoso-opensource)")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port))
    base = f"http://127.0.0.1:{http_port}"
    command = ["virtuoso-t", "+foreground", "+configfile", str(ini)]
    with _running(command, folder / "server.log", f"{base}/sparql?query=ASK%7B%7D", wait_s=60):
        _virtuoso_grant_update(sql_port)
        yield Endpoint(f"{base}/sparql", f"{base}/sparql", None)


def _virtuoso_grant_update(sql_port: int) -> None:
    grants = " ".join(f'GRANT EXECUTE ON DB.DBA.{p} TO "SPARQL";' for p in VIRTUOSO_PROCEDURES)
    statements = f'GRANT SPARQL_UPDATE TO "SPARQL"; {grants}'
    subprocess.run(
        ["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={statements}"],
        check=True, capture_output=True, timeout=30,
    )


@contextmanager
def _running(command: list[str], log: Path, probe: str, wait_s: float = 30) -> Iterator[None]:
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=log.parent)
    try:
        _wait_until_up(process, probe, wait_s, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(process: subprocess.Popen[bytes], probe: str, wait_s: float, log: Path) -> None:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited early: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(probe, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{process.args[0]} did not come up within {wait_s} s")


def main() -> None:
    """Run one server in the foreground and print the settings that point zonekg at it."""
    import argparse
    import signal
    import tempfile

    parser = argparse.ArgumentParser(description="Start a loopback SPARQL server for zonekg")
    parser.add_argument("kind", choices=["oxigraph", "virtuoso"])
    parser.add_argument("--dir", type=Path, help="data folder (default: a temporary one)")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix=f"zonekg-{args.kind}-"))
    folder.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the server on kill/timeout too
    server = oxigraph_server(folder) if args.kind == "oxigraph" else virtuoso_server(folder)
    with server as endpoint:
        print(f"export ZONEKG_SPARQL_URL={endpoint.query}\nexport ZONEKG_SPARQL_UPDATE_URL={endpoint.update}")
        if endpoint.gsp:
            print(f"export ZONEKG_SPARQL_GSP_URL={endpoint.gsp}")
        print(f"# data in {folder}; Ctrl-C stops the server", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
