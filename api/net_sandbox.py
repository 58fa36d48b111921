"""Take network access away from the code that evaluates public SPARQL.

Defence in depth behind :mod:`kg.sparql_guard`: if the guard's parser and the
engine ever read a text differently, pyoxigraph's SERVICE/LOAD client (Rust,
so a Python-level socket patch would not stop it) must still find no network.

* :func:`deny_sockets` installs a seccomp filter on the calling thread (and the
  threads it starts): ``socket()`` for any family but ``AF_UNIX`` and
  ``io_uring_setup`` fail with ``EPERM``.  Seccomp filters are per thread, so a
  server can confine only the threads that run queries and updates.
* :func:`leave_network` moves a whole single-threaded process (a query worker)
  into a new, empty network namespace: no interface but a downed loopback.

Both are Linux-only; where neither is allowed they log one line and return False.
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform
import struct
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
AF_UNIX = 1
X32_SYSCALL_BIT = 0x40000000

# machine -> (audit arch, socket syscall number, io_uring_setup syscall number)
_ARCHES = {
    "x86_64": (0xC000003E, 41, 425),
    "aarch64": (0xC00000B7, 198, 425),
}

_LD_ABS_W = 0x20
_JEQ = 0x15
_JGE = 0x35
_RET = 0x06
_ALLOW = 0x7FFF0000
_ERRNO_EPERM = 0x00050000 | 1
_ARCH_OFFSET, _NR_OFFSET, _ARG0_OFFSET = 4, 0, 16


def _filter_program(arch: int, socket_nr: int, io_uring_nr: int) -> bytes:
    """The BPF program as packed ``struct sock_filter`` entries (code, jt, jf, k)."""
    allow, deny = 8, 9

    def jump(pc: int, target: int) -> int:
        return target - pc - 1

    program = [
        (_LD_ABS_W, 0, 0, _ARCH_OFFSET),
        (_JEQ, 0, jump(1, deny), arch),  # another syscall ABI: refuse everything
        (_LD_ABS_W, 0, 0, _NR_OFFSET),
        (_JGE, jump(3, deny), 0, X32_SYSCALL_BIT),
        (_JEQ, jump(4, deny), 0, io_uring_nr),  # io_uring can open sockets without socket()
        (_JEQ, 0, jump(5, allow), socket_nr),
        (_LD_ABS_W, 0, 0, _ARG0_OFFSET),
        (_JEQ, jump(7, allow), jump(7, deny), AF_UNIX),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _ERRNO_EPERM),
    ]
    return b"".join(struct.pack("=HBBI", *entry) for entry in program)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def deny_sockets() -> bool:
    """Refuse network sockets to the calling thread from now on; False (logged) where seccomp is unavailable."""
    arch = _ARCHES.get(platform.machine())
    if arch is None or not hasattr(os, "fork"):
        log.warning("network sandbox: seccomp filter not available on %s", platform.machine())
        return False
    libc = _libc()
    code = _filter_program(*arch)
    buffer = ctypes.create_string_buffer(code, len(code))
    prog = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or (
        libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) != 0
    ):
        log.warning("network sandbox: seccomp refused (%s)", os.strerror(ctypes.get_errno()))
        return False
    return True


def leave_network() -> bool:
    """Move this process into an empty network namespace; False (logged) where that is not allowed.

    Must run before the process starts threads (a user namespace needs a single thread).
    """
    if not hasattr(os, "unshare") and platform.system() != "Linux":
        log.warning("network sandbox: network namespaces not available")
        return False
    libc = _libc()
    flags = CLONE_NEWNET if os.geteuid() == 0 else CLONE_NEWUSER | CLONE_NEWNET
    if libc.unshare(flags) == 0:
        return True
    if flags == CLONE_NEWNET and libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        return True
    log.warning("network sandbox: cannot enter a network namespace (%s)", os.strerror(ctypes.get_errno()))
    return False


def confine_process() -> tuple[bool, bool]:
    """Both layers for a single-threaded worker process: (namespace entered, seccomp installed)."""
    return leave_network(), deny_sockets()


def _confine_thread() -> None:
    deny_sockets()


def sandboxed_executor(threads: int, name: str) -> ThreadPoolExecutor:
    """Threads that cannot open network sockets (each installs the seccomp filter when it starts)."""
    return ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix=name, initializer=_confine_thread)
