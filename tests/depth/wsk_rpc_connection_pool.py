"""Tiny length-prefixed JSON-RPC client with a per-address connection pool."""
from __future__ import annotations

import contextlib
import itertools
import json
import os
import socket
import stat
import struct
import threading
from collections import defaultdict
from collections.abc import Iterator

Address = tuple[str, int]
_HEADER = struct.Struct("!I")


class RpcError(Exception):
    pass


class ConnectionPool:
    def __init__(self, max_idle: int = 8, timeout: float = 5.0) -> None:
        self.max_idle = max_idle
        self.timeout = timeout
        self._idle: dict[Address, list[socket.socket]] = defaultdict(list)
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def borrow(self, addr: Address) -> Iterator[socket.socket]:
        with self._lock:
            bucket = self._idle[addr]
            conn = bucket.pop() if bucket else None
        if conn is None or not self._alive(conn):
            conn = socket.create_connection(addr, timeout=self.timeout)
        try:
            yield conn
        except (OSError, RpcError):
            conn.close()
            raise
        else:
            with self._lock:
                bucket = self._idle[addr]
                if len(bucket) < self.max_idle:
                    bucket.append(conn)
                else:
                    conn.close()

    def _alive(self, conn: socket.socket) -> bool:
        try:
            st = os.fstat(conn.fileno())  # error: WSK205
        except OSError:
            return False
        return stat.S_ISSOCK(st.st_mode)

    def close_all(self) -> None:
        with self._lock:
            for bucket in self._idle.values():
                for conn in bucket:
                    os.close(conn.fileno())  # error: WSK205
            self._idle.clear()


class RpcClient:
    _ids = itertools.count(1)

    def __init__(self, addr: Address, pool: ConnectionPool | None = None) -> None:
        self.addr = addr
        self.pool = pool or ConnectionPool()

    def call(self, method: str, *params):
        req_id = next(self._ids)
        body = json.dumps({"id": req_id, "method": method, "params": params}).encode()
        with self.pool.borrow(self.addr) as conn:
            os.write(conn.fileno(), _HEADER.pack(len(body)) + body)  # error: WSK201
            (length,) = _HEADER.unpack(self._recv_exact(conn, _HEADER.size))
            reply = json.loads(self._recv_exact(conn, length))
        if reply.get("error"):
            raise RpcError(reply["error"])
        return reply["result"]

    @staticmethod
    def _recv_exact(conn: socket.socket, n: int) -> bytes:
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = conn.recv_into(view[got:])
            if not k:
                raise RpcError("connection closed mid-frame")
            got += k
        return bytes(buf)

    def open_stream(self, name: str) -> int:
        """Ask the server for a raw byte stream and return a private descriptor for it."""
        with self.pool.borrow(self.addr) as conn:
            body = json.dumps({"id": 0, "method": "stream.open", "params": [name]}).encode()
            conn.sendall(_HEADER.pack(len(body)) + body)
            return os.dup(conn.fileno())  # error: WSK202

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *params: self.call(name, *params)


def dump_journal(path: str, records: list[dict]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        for rec in records:
            os.write(fd, json.dumps(rec).encode() + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
