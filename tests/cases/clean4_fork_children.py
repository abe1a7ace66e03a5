"""A pre-forking server: descriptor work happens in forked children, or after a fork on the
path, or where a fork is the only way the process got there."""
import os
import socket
import sys


def spawn_worker(listener: socket.socket) -> int:
    pid = os.fork()
    if pid == 0:
        os.set_inheritable(listener.fileno(), True)
        os.dup2(listener.fileno(), 3)
        os.execv(sys.executable, [sys.executable, "-m", "worker", "--fd", "3"])
    os.set_blocking(listener.fileno(), False)  # the parent: after a fork too
    return pid


def serve_one(conn: socket.socket, argv: list[str]) -> None:
    pid = os.fork() if hasattr(os, "fork") else None
    if pid == 0:
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.execvp(argv[0], argv)
    conn.close()


def detach(conn: socket.socket) -> None:
    if (child := os.fork()) != 0:
        conn.close()
        return
    os.setsid()
    os.dup2(conn.fileno(), 2)
    os.close(conn.detach())


def main() -> None:
    listener = socket.create_server(("", 8000))
    for _ in range(4):
        spawn_worker(listener)
    while True:
        conn, _ = listener.accept()
        serve_one(conn, ["cat"])
