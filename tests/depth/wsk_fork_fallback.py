"""Worker launcher for a small WSGI server: fork where possible, spawn elsewhere.

The fork paths are POSIX-only.  The spawn fallback, the code that runs before
a fork, and the path where fork failed all run on Windows too.
"""
import logging
import os
import socket
import subprocess
import sys

log = logging.getLogger("wsgi.launch")

DAEMON = os.environ.get("WSGI_DAEMON") == "1"
WORKER_CMD = [sys.executable, "-m", "wsgi.worker"]


def start_worker(conn: socket.socket) -> int:
    if hasattr(os, "fork"):
        pid = os.fork()
        if pid == 0:
            os.dup2(conn.fileno(), 0)
            os.execv(WORKER_CMD[0], WORKER_CMD)
        return pid
    else:
        os.set_inheritable(conn.fileno(), True)  # error: WSK205
        proc = subprocess.Popen(WORKER_CMD, stdin=conn, close_fds=False)  # error: WSK301
        return proc.pid


def share_listener(listener: socket.socket, n: int) -> list[int]:
    # make the listener survive into the children, then fork them
    os.set_inheritable(listener.fileno(), True)  # error: WSK205
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            os.set_blocking(listener.fileno(), True)
            os.execv(WORKER_CMD[0], WORKER_CMD + ["--listener", str(listener.fileno())])
        pids.append(pid)
    return pids


def try_fork(conn: socket.socket):
    try:
        pid = os.fork()
    except AttributeError:  # no fork on this platform
        pid = None
    if pid is None:
        os.set_blocking(conn.fileno(), True)  # error: WSK205
        return subprocess.Popen(WORKER_CMD, stdin=subprocess.PIPE).pid
    return pid


def launch_console(conn: socket.socket) -> None:
    def _daemonize():
        if os.fork():
            os._exit(0)
        os.setsid()

    if DAEMON:
        _daemonize()
    os.dup2(conn.fileno(), 1)  # error: WSK202
    log.info("console attached")


def main() -> None:
    listener = socket.create_server(("127.0.0.1", 8000))
    while True:
        conn, _ = listener.accept()
        start_worker(conn)
        conn.close()
