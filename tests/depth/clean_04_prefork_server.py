"""Pre-forking echo server (the classic Apache layout).

Workers are forked from the master after the listener is bound; every
descriptor-level call on a socket happens in a forked child.
"""
import os
import signal
import socket
import sys
import time

WORKERS = 4


def child_loop_body(listener: socket.socket) -> None:
    conn, _addr = listener.accept()
    with conn:
        while data := conn.recv(4096):
            conn.sendall(data)


def spawn_workers(listener: socket.socket, count: int) -> list[int]:
    children = []
    for n in range(count):
        pid = os.fork()
        if pid == 0:
            # child: make the listener private and blocking, then serve
            os.set_inheritable(listener.fileno(), False)
            os.set_blocking(listener.fileno(), True)
            os.write(1, b"worker %d up\n" % n)
            try:
                while True:
                    child_loop_body(listener)
            finally:
                os._exit(0)
        children.append(pid)
    return children


def run_cgi(conn: socket.socket, script: str) -> None:
    if (pid := os.fork()) == 0:
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.close(conn.fileno())
        os.execv(script, [script])
    conn.close()
    os.waitpid(pid, 0)


def daemonize_with(conn: socket.socket) -> None:
    if not hasattr(os, "fork"):
        raise RuntimeError("daemon mode needs fork()")
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fd = os.dup(conn.fileno())
        os.write(fd, b"daemon ready\n")
        os._exit(0)


def master(port: int = 8007) -> None:
    listener = socket.create_server(("", port), backlog=64, reuse_port=True)
    children = spawn_workers(listener, WORKERS)

    def stop(signum, frame):
        for child in children:
            os.kill(child, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    master()
