"""Classic double-fork daemon with socket activation for the metrics agent.

This module refuses to import on Windows; the Windows build uses
``agent/winservice.py`` instead.
"""
import logging
import os
import socket
import sys

if sys.platform == "win32":
    raise ImportError("posix_daemon is not available on Windows")

log = logging.getLogger("agent.daemon")

SD_LISTEN_FDS_START = 3


def listen_socket(port: int) -> socket.socket:
    fds = int(os.environ.get("LISTEN_FDS", "0"))
    if fds:
        return socket.socket(fileno=SD_LISTEN_FDS_START)
    sock = socket.create_server(("0.0.0.0", port))
    os.set_inheritable(sock.fileno(), True)
    return sock


def daemonize(keep: socket.socket) -> None:
    if os.fork():
        os._exit(0)
    os.setsid()
    if os.fork():
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    os.set_blocking(keep.fileno(), True)


def serve_child(conn: socket.socket) -> None:
    pid = os.fork()
    if pid == 0:
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.execvp("agent-worker", ["agent-worker", "--stdio"])
    conn.close()


def stats_reporter(conn: socket.socket) -> None:
    while True:
        line = os.read(conn.fileno(), 512)
        if not line:
            break
        os.write(conn.fileno(), b"ok " + line)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    listener = listen_socket(9102)
    daemonize(listener)
    while True:
        conn, addr = listener.accept()
        log.info("worker for %s", addr[0])
        serve_child(conn)
    return 0


if __name__ == "__main__":
    sys.exit(main())
