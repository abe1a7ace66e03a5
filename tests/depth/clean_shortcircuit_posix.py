"""Control channel of the log tailer.

Linux and macOS builds tune their descriptors directly; the Windows build only
uses socket methods.  Every descriptor call below sits behind a platform test
written as a short-circuit expression or a conditional expression.
"""
import logging
import os
import socket
import subprocess
import sys

log = logging.getLogger("tailer.ctl")

ON_LINUX = sys.platform.startswith("linux")
ON_MAC = sys.platform == "darwin"
ON_WINDOWS = os.name == "nt"
HAVE_FORK = hasattr(os, "fork")
VERBOSE = "-v" in sys.argv

_ctl = socket.create_server(("127.0.0.1", 7071))
ON_LINUX and os.set_inheritable(_ctl.fileno(), False)
(ON_LINUX or ON_MAC) and os.set_blocking(_ctl.fileno(), False)
ON_WINDOWS and _ctl.setblocking(False)


def accept_client() -> socket.socket:
    conn, peer = _ctl.accept()
    sys.platform == "linux" and log.debug("client %s stat %r", peer, os.fstat(conn.fileno()))
    os.name == "posix" and os.set_inheritable(conn.fileno(), False)
    ON_WINDOWS or os.set_blocking(conn.fileno(), True)
    sys.platform == "win32" or os.write(conn.fileno(), b"tailer ready\n")
    ON_WINDOWS and conn.sendall(b"tailer ready\r\n")
    return conn


def describe(conn: socket.socket) -> str:
    blocking = ON_LINUX and os.get_blocking(conn.fileno())
    log.info("client blocking=%s", ON_MAC and os.get_blocking(conn.fileno()))
    return f"{conn.getpeername()} blocking={blocking}"


def clone_for_worker(conn: socket.socket) -> int:
    # the worker wants a plain descriptor on POSIX, a socket handle elsewhere
    return os.dup(conn.fileno()) if os.name == "posix" else conn.dup().detach()


def attach_pager(conn: socket.socket, argv: list) -> None:
    HAVE_FORK and subprocess.run(argv, stdin=conn, check=False)
    ON_WINDOWS and conn.sendall(b"pager unavailable\r\n")


def follow(conn: socket.socket, path: str) -> None:
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        while True:
            chunk = f.read(8192)
            if not chunk:
                break
            conn.sendall(chunk)
    VERBOSE and ON_LINUX and log.debug("done, stat %r", os.fstat(conn.fileno()))
    not ON_WINDOWS and os.close(conn.detach())
    ON_WINDOWS and conn.close()
