"""systemd socket activation for ``trellis`` (never imported on Windows)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

if sys.platform == "win32":
    raise ImportError("systemd socket activation is not available on Windows")

SD_LISTEN_FDS_START = 3


def listen_fds(unset_environment: bool = True) -> list[socket.socket]:
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        return []
    count = int(os.environ.get("LISTEN_FDS", "0"))
    if unset_environment:
        for key in ("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"):
            os.environ.pop(key, None)
    socks = []
    for fd in range(SD_LISTEN_FDS_START, SD_LISTEN_FDS_START + count):
        os.set_inheritable(fd, False)
        socks.append(socket.socket(fileno=fd))
    return socks


def notify(state: str) -> bool:
    addr = os.environ.get("NOTIFY_SOCKET")
    if not addr:
        return False
    if addr.startswith("@"):
        addr = "\0" + addr[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        s.connect(addr)
        s.sendall(state.encode())
    return True


def daemon_stdio(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 1)
    os.dup2(conn.fileno(), 2)


def check_listener(listener: socket.socket) -> int:
    st = os.fstat(listener.fileno())
    os.set_blocking(listener.fileno(), False)
    return st.st_ino


def serve() -> None:
    socks = listen_fds()
    if not socks:
        socks = [socket.create_server(("", 8080))]
    listener = socks[0]
    check_listener(listener)
    notify("READY=1")
    while True:
        conn, _ = listener.accept()
        with conn:
            subprocess.run(["/usr/lib/trellis/handler"], stdin=conn, stdout=conn, check=False)
