from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import socket
import subprocess
import sys
import threading
from multiprocessing import reduction

from .codec import HEADER_SIZE, decode_body, encode_frame
from .transports.tcp import TcpTransport


def make_listener(host: str = "127.0.0.1", port: int = 0, backlog: int = 128) -> socket.socket:
    return socket.create_server((host, port), backlog=backlog)


def iter_connections(listener: socket.socket):
    while True:
        conn, _addr = listener.accept()
        yield conn


class Server:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, handlers=None) -> None:
        self.listener = make_listener(host, port)
        self.address = self.listener.getsockname()[:2]
        self.handlers = dict(handlers or {})

    def handler(self, name: str):
        def register(func):
            self.handlers[name] = func
            return func
        return register

    def serve_forever(self) -> None:
        for conn in iter_connections(self.listener):
            threading.Thread(target=self.serve_transport, args=(TcpTransport(conn),), daemon=True).start()

    def serve_transport(self, transport) -> None:
        with transport:
            while True:
                try:
                    msg = decode_body(transport.recv_frame()[HEADER_SIZE:])
                except ConnectionError:
                    return
                transport.send_frame(encode_frame(self.dispatch(msg)))

    def dispatch(self, msg: dict) -> dict:
        func = self.handlers.get(msg.get("method"))
        if func is None:
            return {"id": msg.get("id"), "error": {"code": -32601, "message": "method not found"}}
        try:
            return {"id": msg.get("id"), "result": func(*msg.get("params", ()))}
        except Exception as exc:  # noqa: BLE001
            return {"id": msg.get("id"), "error": {"code": -32000, "message": str(exc)}}

    def serve_prefork(self, workers: int) -> list[subprocess.Popen]:
        """Start *workers* processes that accept() on the shared listener."""
        os.set_inheritable(self.listener.fileno(), True)  # error: WSK205
        cmd = [sys.executable, "-m", "rpcbus.worker", "--fd", str(self.listener.fileno())]
        return [subprocess.Popen(cmd, close_fds=False) for _ in range(workers)]

    def serve_dispatch(self, workers: int) -> None:
        """Accept here and hand each connection to a worker process."""
        ctx = mp.get_context("spawn")
        pool = []
        for _ in range(workers):
            parent_end, child_end = ctx.Pipe()
            proc = ctx.Process(target=_dispatch_worker, args=(child_end, self.handlers), daemon=True)
            proc.start()
            pool.append((parent_end, proc))
        rr = itertools.cycle(pool)
        for conn in iter_connections(self.listener):
            parent_end, proc = next(rr)
            reduction.send_handle(parent_end, conn.fileno(), proc.pid)  # error: WSK103
            conn.close()


def _dispatch_worker(pipe, handlers) -> None:
    server = Server.__new__(Server)
    server.handlers = handlers
    while True:
        handle = reduction.recv_handle(pipe)
        sock = socket.socket(fileno=handle)
        server.serve_transport(TcpTransport(sock))
