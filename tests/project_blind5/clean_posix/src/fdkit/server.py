"""Listener setup with the POSIX-only parts behind the compat flags."""
import os
import socket
import subprocess

from . import compat
from .compat import IS_POSIX, is_posix


def listen(port: int) -> socket.socket:
    srv = socket.create_server(("127.0.0.1", port))
    if IS_POSIX:
        os.set_inheritable(srv.fileno(), True)
    else:
        srv.set_inheritable(True)
    return srv


def spawn_worker(srv: socket.socket, argv: list[str]):
    if is_posix():
        return subprocess.Popen(argv, stdin=srv, close_fds=False)
    return None


def write_banner(conn: socket.socket, data: bytes) -> None:
    if compat.IS_WINDOWS:
        conn.sendall(data)
        return
    os.write(conn.fileno(), data)


def fork_child(conn: socket.socket) -> int:
    if compat.HAS_FORK:
        pid = os.fork()
        if pid == 0:
            os.dup2(conn.fileno(), 0)
            os._exit(0)
        return pid
    return -1
