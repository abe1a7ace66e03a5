"""Portable daemon toolkit: socket activation, hand-off and graceful restart.

Every descriptor-level trick here is POSIX-only and is fenced off from the
Windows build one way or another (the code base has accumulated several
styles of platform check over the years).
"""
from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys

IS_WINDOWS = sys.platform == "win32"
POSIX = os.name == "posix"


def is_posix() -> bool:
    return os.name == "posix"


class Listener:
    _FD_TRICKS = os.name != "nt"

    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("0.0.0.0", port))

    def mark_for_exec(self) -> None:
        if self._FD_TRICKS:
            os.set_inheritable(self.sock.fileno(), True)
        else:
            self.sock.set_inheritable(True)

    def make_nonblocking(self) -> None:
        if not IS_WINDOWS:
            os.set_blocking(self.sock.fileno(), False)
        else:
            self.sock.setblocking(False)

    def quick_flag(self) -> None:
        IS_WINDOWS or os.set_inheritable(self.sock.fileno(), False)
        POSIX and os.set_blocking(self.sock.fileno(), True)


def exec_with_listener(listener: socket.socket, argv: list[str]) -> None:
    """systemd-style LISTEN_FDS hand-off on re-exec."""
    assert sys.platform != "win32", "re-exec hand-off is POSIX only"
    os.dup2(listener.fileno(), 3)
    os.environ["LISTEN_FDS"] = "1"
    os.execv(argv[0], argv)


def spawn_worker(conn: socket.socket, argv: list[str]) -> subprocess.Popen | None:
    if sys.platform == "win32":
        return None
    return subprocess.Popen(argv, stdin=conn, stdout=conn, close_fds=True)


def redirect_logs(conn: socket.socket) -> None:
    if os.name == "nt":
        raise NotImplementedError("log redirection needs POSIX descriptors")
    os.dup2(conn.fileno(), sys.stderr.fileno())


def peer_is_tty(conn: socket.socket) -> bool:
    if platform.system() in ("Linux", "Darwin", "FreeBSD"):
        return os.isatty(conn.fileno())
    return False


def splice_hint(conn: socket.socket) -> int:
    if sys.platform.startswith("linux"):
        return os.fstat(conn.fileno()).st_mode
    return 0


def drain_many(conns: list[socket.socket]) -> list[bytes]:
    out = []
    for c in conns:
        if IS_WINDOWS:
            out.append(c.recv(4096))
            continue
        out.append(os.read(c.fileno(), 4096))
    return out


def close_all(conns: list[socket.socket]) -> None:
    if is_posix():
        for c in conns:
            os.close(c.detach())
    else:
        for c in conns:
            c.close()


def double_fork_handoff(conn: socket.socket, log_path: str) -> None:
    pid = os.fork()
    if pid == 0:
        os.setsid()
        if os.fork() == 0:
            with os.fdopen(conn.fileno(), "wb", closefd=False) as out:
                with open(log_path, "rb") as src:
                    out.write(src.read())
            os._exit(0)
        os._exit(0)
    os.waitpid(pid, 0)


def control_socket(path: str) -> socket.socket:
    ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    ctl.connect(path)
    os.set_blocking(ctl.fileno(), False)
    os.write(ctl.fileno(), b"status\n")
    return ctl


def macos_only_tweak(conn: socket.socket) -> None:
    if sys.platform == "darwin" and conn.family == socket.AF_INET:
        os.set_inheritable(conn.fileno(), False)
