"""Pass sockets between supervisor and workers over AF_UNIX."""
from __future__ import annotations

import array
import fcntl
import os
import socket
import stat


def set_cloexec(sock: socket.socket, on: bool = True) -> None:
    flags = fcntl.fcntl(sock.fileno(), fcntl.F_GETFD)
    flags = flags | fcntl.FD_CLOEXEC if on else flags & ~fcntl.FD_CLOEXEC
    fcntl.fcntl(sock.fileno(), fcntl.F_SETFD, flags)


def send_socket(chan: socket.socket, sock: socket.socket) -> None:
    os.set_blocking(sock.fileno(), False)
    fds = array.array("i", [sock.fileno()])
    chan.sendmsg([b"S"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])


def recv_socket(chan: socket.socket) -> socket.socket:
    _msg, fds, _flags, _addr = socket.recv_fds(chan, 1, 1)
    return socket.socket(fileno=fds[0])


def read_greeting(conn: socket.socket) -> bytes:
    if not stat.S_ISSOCK(os.fstat(conn.fileno()).st_mode):
        raise TypeError("greeting must arrive on a socket")
    first = os.read(conn.fileno(), 4)
    if first != b"PXD1":
        raise ValueError(f"bad greeting {first!r}")
    return first
