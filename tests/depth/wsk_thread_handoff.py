"""Thread-per-role front end of a cache proxy: an accept thread, worker
threads fed through a queue and a per-thread upstream connection."""
from __future__ import annotations

import os
import queue
import socket
import threading

UPSTREAM = ("cache.internal", 11211)
_tls = threading.local()
work = queue.Queue()


def upstream():
    conn = getattr(_tls, "conn", None)
    if conn is None:
        conn = _tls.conn = socket.create_connection(UPSTREAM)
    return conn


def forward(data: bytes) -> None:
    os.write(upstream().fileno(), data)  # error: WSK201


def acceptor(port: int, stop: threading.Event) -> None:
    srv = socket.create_server(("", port))
    srv.settimeout(0.5)
    while not stop.is_set():
        try:
            conn, _ = srv.accept()
        except TimeoutError:
            continue
        work.put(conn)
    work.put(None)


def worker() -> None:
    while (conn := work.get()) is not None:
        try:
            request = os.read(conn.fileno(), 65536)  # error: WSK201
            forward(request)
        finally:
            conn.close()
            work.task_done()


def closer(handle: int) -> None:
    os.close(handle)  # error: WSK205


def main() -> None:
    stop = threading.Event()
    threads = [
        threading.Thread(target=acceptor, args=(11311, stop)),
        threading.Thread(target=worker, daemon=True),
    ]
    for t in threads:
        t.start()
    probe = socket.create_connection(("127.0.0.1", 11311))
    threading.Thread(target=closer, args=(probe.fileno(),)).start()
    stop.set()


if __name__ == "__main__":
    main()
