"""fcntl-based socket tweaks (this module cannot be imported on Windows)."""
import fcntl
import os
import socket


def set_cloexec(sock: socket.socket) -> None:
    flags = fcntl.fcntl(sock.fileno(), fcntl.F_GETFD)
    fcntl.fcntl(sock.fileno(), fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)


def nonblocking(sock: socket.socket) -> None:
    os.set_blocking(sock.fileno(), False)
