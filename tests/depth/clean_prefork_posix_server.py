"""Pre-forking line server in the classic Unix style.

Windows is not supported (no fork); the import fails there, and the Windows
build ships ``threaded_server`` instead.
"""
from __future__ import annotations

import sys

if sys.platform == "win32":
    raise ImportError("prefork_server needs fork(); use threaded_server on Windows")

import errno
import os
import signal
import socket
import subprocess

WORKERS = 4
HANDLER = ["/usr/libexec/lined-handler"]


def make_listener(port: int) -> socket.socket:
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("0.0.0.0", port))
    lsock.listen(128)
    os.set_inheritable(lsock.fileno(), True)
    os.set_blocking(lsock.fileno(), True)
    return lsock


def handle(conn: socket.socket) -> None:
    """Hand the connection to the external handler as its stdin/stdout."""
    subprocess.run(HANDLER, stdin=conn, stdout=conn, stderr=subprocess.DEVNULL, check=False)


def handle_inline(conn: socket.socket) -> None:
    os.dup2(conn.fileno(), 0)
    os.dup2(conn.fileno(), 1)
    os.execv(HANDLER[0], HANDLER)


def echo_raw(conn: socket.socket) -> None:
    while True:
        data = os.read(conn.fileno(), 4096)
        if not data:
            break
        os.write(conn.fileno(), data)


def worker_loop(lsock: socket.socket, mode: str) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            conn, _ = lsock.accept()
        except OSError as exc:
            if exc.errno == errno.EINTR:
                continue
            raise
        if mode == "exec":
            pid = os.fork()
            if pid == 0:
                lsock.close()
                handle_inline(conn)
            conn.close()
            os.waitpid(pid, 0)
        elif mode == "echo":
            echo_raw(conn)
            os.close(conn.detach())
        else:
            handle(conn)
            conn.close()


def main(port: int = 7070, mode: str = "run") -> None:
    lsock = make_listener(port)
    children = []
    for _ in range(WORKERS):
        pid = os.fork()
        if pid == 0:
            worker_loop(lsock, mode)
            os._exit(0)
        children.append(pid)
    try:
        for pid in children:
            os.waitpid(pid, 0)
    except KeyboardInterrupt:
        for pid in children:
            os.kill(pid, signal.SIGTERM)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7070, sys.argv[2] if len(sys.argv) > 2 else "run")
