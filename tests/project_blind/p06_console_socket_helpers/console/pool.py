"""Pre-started worker processes that take over accepted connections."""

import multiprocessing
import socket
from multiprocessing import reduction

from console.stdio import hand_off


def _worker(pipe):
    while True:
        handle = reduction.recv_handle(pipe)
        conn = socket.socket(fileno=handle)
        conn.sendall(b"worker ready\r\n")
        conn.close()


def start(port, workers=2):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("", port))
    srv.listen(64)
    procs = []
    for _ in range(workers):
        parent, child = multiprocessing.Pipe()
        p = multiprocessing.Process(target=_worker, args=(child,), daemon=True)
        p.start()
        procs.append((p, parent))
    turn = 0
    while True:
        conn, _ = srv.accept()
        proc, pipe = procs[turn % len(procs)]
        hand_off(pipe, conn, proc.pid)  # error: WSK103
        conn.close()
        turn += 1
