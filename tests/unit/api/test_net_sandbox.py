"""The network sandbox: a confined thread cannot open network sockets, its siblings can; a confined
worker process reaches no address, not even loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from api.net_sandbox import deny_sockets, sandboxed_executor
from tests.conftest import canary_hits

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="seccomp and namespaces are Linux")


def _families_allowed() -> dict[str, bool]:
    allowed = {}
    for name, family, kind in [
        ("inet", socket.AF_INET, socket.SOCK_STREAM),
        ("inet6", socket.AF_INET6, socket.SOCK_DGRAM),
        ("unix", socket.AF_UNIX, socket.SOCK_STREAM),
    ]:
        try:
            socket.socket(family, kind).close()
            allowed[name] = True
        except PermissionError:
            allowed[name] = False
    return allowed


def test_net_sandbox_confines_only_the_calling_thread() -> None:
    seen: dict[str, object] = {}

    def confined() -> None:
        seen["installed"] = deny_sockets()
        seen["allowed"] = _families_allowed()

    thread = threading.Thread(target=confined)
    thread.start()
    thread.join()
    assert seen == {"installed": True, "allowed": {"inet": False, "inet6": False, "unix": True}}
    assert _families_allowed() == {"inet": True, "inet6": True, "unix": True}


def test_net_sandbox_executor_threads_are_confined() -> None:
    with sandboxed_executor(2, "test-confined") as pool:
        assert [pool.submit(_families_allowed).result()["inet"] for _ in range(4)] == [False] * 4


def test_net_sandbox_worker_process_reaches_no_address(canary: list[int]) -> None:
    """The query worker's start-up confinement, run in a fresh interpreter that then dials the canary."""
    code = (
        "import socket, sys\n"
        "from api.net_sandbox import leave_network\n"
        "print(leave_network())\n"
        "try:\n"
        f"    socket.create_connection(('127.0.0.1', {canary[0]}), timeout=2); print('connected')\n"
        "except OSError as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True)
    entered, outcome = out.stdout.split()
    assert entered == "True" and outcome != "connected"
    assert canary_hits(canary) == []
