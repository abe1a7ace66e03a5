"""unixpass -- move connections between processes with SCM_RIGHTS.

POSIX only: importing this module on Windows raises ImportError so that
callers fall back to ``winshare`` (socket.share / socket.fromshare).
"""

import sys

if sys.platform == "win32":
    raise ImportError("unixpass needs a POSIX system; use winshare on Windows")

import array
import os
import socket
import subprocess

__all__ = ["send_fds", "recv_fds", "hand_off", "redirect_stdio", "clone", "raw_read", "close_detached"]


def send_fds(chan: socket.socket, fds: list, msg: bytes = b"F") -> None:
    chan.sendmsg([msg], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])


def recv_fds(chan: socket.socket, maxfds: int = 4) -> tuple:
    fds = array.array("i")
    msg, ancdata, flags, addr = chan.recvmsg(1, socket.CMSG_LEN(maxfds * fds.itemsize))
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(data[: len(data) - (len(data) % fds.itemsize)])
    return msg, list(fds)


def hand_off(listener: socket.socket, argv: list) -> subprocess.Popen:
    """Start a helper that accepts on our listening socket (inetd 'wait' style)."""
    return subprocess.Popen(argv, stdin=listener, close_fds=True)


def redirect_stdio(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)


def clone(conn: socket.socket) -> int:
    fd = os.dup(conn.fileno())
    os.set_inheritable(fd, True)
    return fd


def raw_read(conn: socket.socket, n: int) -> bytes:
    return os.read(conn.fileno(), n)


def as_file(conn: socket.socket, mode: str = "rb"):
    return open(conn.fileno(), mode, buffering=0, closefd=False)


def close_detached(sock: socket.socket) -> None:
    os.close(sock.detach())


def serve_inetd_style(port: int, argv: list) -> None:
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()
        proc = subprocess.Popen(argv, stdin=conn, stdout=subprocess.PIPE)
        conn.sendall(proc.communicate()[0])
        conn.close()
