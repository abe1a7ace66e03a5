"""Pre-forking finger/whois-style daemon.

All descriptor work happens in forked children, or after a fork in the
parent.  ``os.fork`` does not exist on Windows, so none of it runs there; the
listener itself is an ordinary TCP socket.
"""
import logging
import os
import signal
import socket
import sys

log = logging.getLogger("fingerd")

HANDLER = ["/usr/libexec/fingerd-handler"]


def serve_forever(listener: socket.socket) -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        conn, peer = listener.accept()
        pid = os.fork()
        if pid == 0:
            listener.close()
            os.dup2(conn.fileno(), 0)
            os.dup2(conn.fileno(), 1)
            os.execv(HANDLER[0], HANDLER + [peer[0]])
        # parent: drop our copy of the descriptor without a shutdown()
        os.close(conn.detach())


def prefork(listener: socket.socket, workers: int) -> list[int]:
    pids = []
    for _ in range(workers):
        if (pid := os.fork()) == 0:
            os.set_blocking(listener.fileno(), True)
            os.set_inheritable(listener.fileno(), False)
            worker_loop(listener)
            os._exit(0)
        pids.append(pid)
    return pids


def worker_loop(listener: socket.socket) -> None:
    while True:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"no such user\r\n")


def daemonize(listener: socket.socket) -> None:
    if os.fork():
        os._exit(0)
    os.setsid()
    if os.fork():
        os._exit(0)
    # grandchild from here on
    os.set_inheritable(listener.fileno(), False)
    log.info("daemon listener stat %r", os.fstat(listener.fileno()))


def debug_console(conn: socket.socket) -> None:
    pid, master = os.forkpty()
    if pid == 0:
        os.execv("/bin/sh", ["sh"])
    os.write(conn.fileno(), b"console attached\r\n")
    os.close(master)


def main() -> None:
    listener = socket.create_server(("0.0.0.0", 79), backlog=64)
    if "--daemon" in sys.argv:
        daemonize(listener)
    if "--prefork" in sys.argv:
        prefork(listener, 4)
    serve_forever(listener)
