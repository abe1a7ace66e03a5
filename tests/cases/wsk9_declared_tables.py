"""Sockets kept where a declaration or a table says so: a pool's list annotated as holding
sockets that is also given connections nothing says anything about, an enumeration whose
members open connections through a table of factory functions, and a dispatch table of
the module's socket factories called by key; context variables holding the client; singledispatch functions
with nothing registered for sockets, and methods registered under one name; lists kept in a dictionary
(defaultdict(list), setdefault)."""
import collections
import contextvars
import enum
import functools
import operator
import selectors
import weakref
import sys
from typing import TYPE_CHECKING
import os
import socket
import subprocess
import threading

import win32file


class ConnectionPool:
    def __init__(self, address: tuple[str, int]) -> None:
        self._address = address
        self._idle: list[socket.socket] = []
        self._lock = threading.Lock()

    def acquire(self):
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return socket.create_connection(self._address)

    def release(self, conn) -> None:
        self._idle.append(conn)

    def drain(self) -> None:
        idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def submit(pool: ConnectionPool, record: bytes) -> None:
    conn = pool.acquire()
    os.write(conn.fileno(), record)  # error: WSK201
    pool.release(conn)


WAITING: dict[str, socket.socket] = {}


def park(name, conn) -> None:
    WAITING[name] = conn


def wake(name: str) -> None:
    os.close(WAITING.pop(name).fileno())  # error: WSK205


def _open_tcp(host, port):
    return socket.create_connection((host, port), timeout=10)


def _open_udp(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((host, port))
    return sock


class Transport(enum.Enum):
    TCP = "tcp"
    UDP = "udp"

    def open(self, host: str, port: int):
        return _OPENERS[self](host, port)

    @classmethod
    def default(cls, host: str, port: int):
        return _open_tcp(host, port)


_OPENERS = {Transport.TCP: _open_tcp, Transport.UDP: _open_udp}


def announce(host: str, port: int, payload: bytes) -> None:
    conn = Transport.UDP.open(host, port)
    win32file.WriteFile(conn.fileno(), payload)  # error: WSK102


def maintenance(host: str, port: int, argv: list[str]) -> int:
    conn = Transport["TCP"].open(host, port)
    return subprocess.call(argv, stdin=conn)  # error: WSK301


def by_value(kind: str, host: str, port: int) -> None:
    conn = Transport(kind).open(host, port)
    os.dup(conn.fileno())  # error: WSK202


CONNECTORS = {"tcp": _open_tcp, "udp": _open_udp}


def dial(scheme: str, host: str, port: int) -> None:
    conn = CONNECTORS[scheme](host, port)
    win32file.ReadFile(conn.fileno(), 4096)  # error: WSK101


CURRENT: contextvars.ContextVar[socket.socket] = contextvars.ContextVar("current")
SERVING = contextvars.ContextVar("serving")


def serve(conn: socket.socket) -> None:
    SERVING.set(conn)
    greet()


def greet() -> None:
    with open(CURRENT.get().fileno(), "wb", closefd=False) as out:  # error: WSK203
        out.write(b"READY")
    os.set_inheritable(SERVING.get().fileno(), False)  # error: WSK205


@functools.singledispatch
def release(obj) -> None:
    os.close(obj.fileno())  # error: WSK205


@release.register
def _(obj: int) -> None:
    os.close(obj)


def shutdown(conn: socket.socket) -> None:
    release(conn)


class Describer:
    @functools.singledispatchmethod
    def describe(self, obj) -> str:
        return repr(obj)

    @describe.register
    def _(self, obj: bytes) -> str:
        return obj.hex()

    @describe.register
    def _(self, obj: socket.socket) -> str:
        return str(os.fstat(obj.fileno()))  # error: WSK205


BY_HOST = collections.defaultdict(list)
BY_PORT = {}


def remember(host: str, port: int) -> None:
    conn = socket.create_connection((host, port))
    BY_HOST[host].append(conn)
    BY_PORT.setdefault(port, []).append(conn)


def forget(host: str, port: int) -> None:
    for conn in BY_HOST[host]:
        os.close(conn.fileno())  # error: WSK205
    for conns in BY_PORT.values():
        for conn in conns:
            win32file.WriteFile(conn.fileno(), b"bye")  # error: WSK102


class CountingProxy:
    def __init__(self, sock):
        self._sock = sock
        self.sent = 0

    def raw_handle(self):
        return self._sock.fileno()


def push(data: bytes) -> None:
    proxy = CountingProxy(socket.create_connection(("collector", 2003)))
    win32file.WriteFile(proxy.raw_handle(), data)  # error: WSK102


HANDLE_OF = operator.methodcaller("fileno")


def raw_close(conn: socket.socket) -> None:
    os.close(HANDLE_OF(conn))  # error: WSK205


def route(obj, data: bytes) -> None:
    match obj:
        case socket.socket() if len(data) > 512:
            obj.sendall(data)
        case _:
            os.write(obj.fileno(), data)  # error: WSK201


def relay(conn: socket.socket) -> None:
    route(conn, b"hi")


if sys.platform == "win32" or TYPE_CHECKING:

    def set_nonblocking(sock: socket.socket) -> None:
        os.set_blocking(sock.fileno(), False)  # error: WSK205


LIVE = weakref.WeakValueDictionary()


def track(conn) -> None:
    LIVE[id(conn)] = conn


def audit() -> None:
    for conn in list(LIVE.values()):
        os.get_inheritable(conn.fileno())  # error: WSK205


def pump(listener: socket.socket) -> None:
    sel = selectors.DefaultSelector()
    conn, _ = listener.accept()
    track(conn)
    sel.register(conn, selectors.EVENT_READ, data=conn)
    for key, _mask in sel.select():
        os.read(key.data.fileno(), 4096)  # error: WSK201


SLOTS = [None] * 64


def assign(slot: int, conn) -> None:
    SLOTS[slot] = conn


def write_slot(slot: int, data: bytes) -> None:
    conn = SLOTS[slot]
    if conn is not None:
        os.write(conn.fileno(), data)  # error: WSK201


def fill_slots(host: str) -> None:
    assign(0, socket.create_connection((host, 11211)))


def set_all_nonblocking(conns: list[socket.socket]) -> None:
    by_handle = {c.fileno(): c for c in conns}
    for h in by_handle:
        os.set_blocking(h, False)  # error: WSK205


def accepted(listener: socket.socket):
    while True:
        conn, _ = listener.accept()
        yield conn


def handles(conns):
    for conn in conns:
        yield conn.fileno()


def greet_all(listener: socket.socket) -> None:
    for h in handles(accepted(listener)):
        os.write(h, b"hello")  # error: WSK201


def dial_default(host: str) -> None:
    conn = Transport.default(host, 7)
    os.close(conn.fileno())  # error: WSK205
