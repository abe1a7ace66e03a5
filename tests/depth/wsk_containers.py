"""Connection pools and registries of a database proxy."""
from __future__ import annotations

import os
import selectors
import socket
import weakref
from collections import OrderedDict, deque

UPSTREAM = ("db.internal", 5432)


class IdlePool:
    def __init__(self, size: int) -> None:
        self._idle = deque(maxlen=size)

    def put(self, conn) -> None:
        self._idle.append(conn)

    def take(self):
        return self._idle.popleft()


class LruCache:
    def __init__(self, limit: int) -> None:
        self._items = OrderedDict()
        self._limit = limit

    def get(self, key):
        try:
            self._items.move_to_end(key)
            return self._items[key]
        except KeyError:
            conn = self._items[key] = socket.create_connection(key)
            if len(self._items) > self._limit:
                _, evicted = self._items.popitem(last=False)
                os.close(evicted.fileno())  # error: WSK205
            return conn


live = weakref.WeakValueDictionary()
slots = [None] * 64


def track(conn) -> None:
    live[id(conn)] = conn


def audit_inheritance() -> list[int]:
    leaked = []
    for key, conn in list(live.items()):
        if os.get_inheritable(conn.fileno()):  # error: WSK205
            leaked.append(key)
    return leaked


def assign(slot: int, conn) -> None:
    slots[slot] = conn


def write_slot(slot: int, data: bytes) -> None:
    conn = slots[slot]
    if conn is not None:
        os.write(conn.fileno(), data)  # error: WSK201


def set_all_nonblocking(conns) -> None:
    by_handle = {c.fileno(): c for c in conns}
    for h in by_handle:
        os.set_blocking(h, False)  # error: WSK205


def pump(listener) -> None:
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, data=None)
    while True:
        for key, _mask in sel.select(timeout=1.0):
            if key.data is None:
                conn, _ = key.fileobj.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data=conn)
                continue
            chunk = os.read(key.data.fileno(), 4096)  # error: WSK201
            if not chunk:
                sel.unregister(key.fileobj)
                key.data.close()


def main() -> None:
    pool = IdlePool(8)
    for _ in range(6):
        c = socket.create_connection(UPSTREAM)
        pool.put(c)
        track(c)
    cache = LruCache(16)
    cache.get(UPSTREAM).sendall(b"\x00")
    print(audit_inheritance())
    set_all_nonblocking([pool.take() for _ in range(2)])
    assign(0, pool.take())
    write_slot(0, b"\x00\x00\x00\x08")
    pump(socket.create_server(("", 6432)))


if __name__ == "__main__":
    main()
