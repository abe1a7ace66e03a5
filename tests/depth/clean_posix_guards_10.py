"""Socket tuning for a cross-platform server. The POSIX-only paths are
guarded in the many ways this code base grew over the years."""
from __future__ import annotations

import functools
import os
import platform
import socket
import subprocess
import sys
from typing import TYPE_CHECKING

IS_WINDOWS = os.name == "nt"
CAN_FORK = hasattr(os, "fork")


def _running_on_windows() -> bool:
    return sys.platform == "win32"


def posix_only(fn):
    """Refuse to run the wrapped function on Windows."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if sys.platform == "win32":
            raise NotImplementedError(f"{fn.__name__} is not available on Windows")
        return fn(*args, **kwargs)

    return wrapper


def make_inheritable(sock: socket.socket) -> None:
    if _running_on_windows():
        sock.set_inheritable(True)
        return
    os.set_inheritable(sock.fileno(), True)


class Tuning:
    POSIX = os.name == "posix"

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def nonblocking(self) -> None:
        if self.POSIX:
            os.set_blocking(self.sock.fileno(), False)
        else:
            self.sock.setblocking(False)


def redirect_stdio(sock: socket.socket) -> None:
    if os.name == "nt":
        raise OSError("stdio redirection to a socket is not supported on Windows")
    os.dup2(sock.fileno(), 0)
    os.dup2(sock.fileno(), 1)


def quick_flag(sock: socket.socket) -> None:
    os.name != "nt" and os.set_inheritable(sock.fileno(), False)


def spare_handle(sock: socket.socket):
    if IS_WINDOWS:
        return sock.dup()
    return os.dup(sock.fileno())


@posix_only
def exec_helper(conn: socket.socket) -> int:
    return subprocess.call(["/usr/libexec/helper"], stdin=conn.fileno())


def announce(conn: socket.socket) -> None:
    if sys.platform.startswith(("linux", "darwin", "freebsd")):
        os.write(conn.fileno(), b"posix\n")
    elif platform.system() in {"Linux", "Darwin"}:
        os.close(conn.fileno())
    else:
        conn.sendall(b"other\n")


if sys.platform == "win32" and not TYPE_CHECKING:

    def set_nonblocking(sock: socket.socket) -> None:
        sock.setblocking(False)

else:

    def set_nonblocking(sock: socket.socket) -> None:
        os.set_blocking(sock.fileno(), False)


def match_style(conn: socket.socket) -> None:
    match sys.platform:
        case "win32":
            conn.setblocking(False)
        case _:
            fd = os.dup(conn.fileno())
            os.close(fd)


def prefork(listener: socket.socket) -> None:
    if not CAN_FORK:
        return
    os.set_inheritable(listener.fileno(), True)


def main() -> None:
    srv = socket.create_server(("0.0.0.0", 8443))
    conn, _ = srv.accept()
    make_inheritable(conn)
    Tuning(conn).nonblocking()
    quick_flag(conn)
    spare_handle(conn)
    announce(conn)
    set_nonblocking(conn)
    match_style(conn)
    prefork(srv)
    if not IS_WINDOWS:
        redirect_stdio(conn)
        exec_helper(conn)


if __name__ == "__main__":
    main()
