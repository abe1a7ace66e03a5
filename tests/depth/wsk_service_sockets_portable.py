"""Listening-socket helpers shared by the `svcd` daemons.

Written for Linux and macOS first; Windows support was bolted on later, and
not every platform check here means what it seems to.
"""
from __future__ import annotations

import os
import platform
import socket
import sys

ON_MAC = sys.platform == "darwin"
ON_LINUX = sys.platform.startswith("linux")


def make_listener(port: int, inheritable: bool = False) -> socket.socket:
    sock = socket.create_server(("0.0.0.0", port), reuse_port=ON_LINUX)
    if not ON_MAC:
        # macOS already clears the flag for us; everywhere else do it by hand
        os.set_inheritable(sock.fileno(), inheritable)  # error: WSK205
    return sock


def redirect_stdio_to(sock: socket.socket) -> None:
    """Used by `svcd --attach` to talk to the controlling terminal server."""
    if os.name == "posix":
        os.dup2(sock.fileno(), 0)
        os.dup2(sock.fileno(), 1)
    else:
        # no fd redirection on nt; at least keep stdout going to the peer
        os.dup2(sock.fileno(), sys.stdout.fileno())  # error: WSK202


def windows_handshake(sock: socket.socket) -> bytes:
    if sys.platform != "win32":
        return sock.recv(16)
    # the Windows controller sends a raw 16-byte cookie first
    return os.read(sock.fileno(), 16)  # error: WSK201


def cygwin_fastpath(sock: socket.socket, payload: bytes) -> None:
    if sys.platform == "cygwin":
        os.write(sock.fileno(), payload)
    else:
        sock.sendall(payload)


def tune_backlog_socket(sock: socket.socket) -> None:
    if platform.system() in ("Linux", "FreeBSD"):
        os.set_blocking(sock.fileno(), False)
    else:
        sock.setblocking(False)


def describe(sock: socket.socket) -> str:
    if sys.platform != "linux":
        # ask the OS what kind of descriptor this is
        mode = os.fstat(sock.fileno()).st_mode  # error: WSK205
        return f"fd mode {mode:o}"
    with open(f"/proc/self/fdinfo/{sock.fileno()}") as info:
        return info.read()


def main() -> None:
    lsock = make_listener(8750)
    print(describe(lsock))
    conn, _ = lsock.accept()
    print(windows_handshake(conn))
    cygwin_fastpath(conn, b"ok\n")
    tune_backlog_socket(conn)
    redirect_stdio_to(conn)


if __name__ == "__main__":
    main()
