"""Look-alikes: pools, enumerations and dispatch tables whose entries are pipes and files,
tables mixing a socket factory with a file opener, containers nothing declares, and
sockets used through their own methods."""
import collections
import contextvars
import enum
import functools
import operator
import selectors
import weakref
import platform
import sys
from typing import TYPE_CHECKING
import os
import socket
import subprocess

import win32file


class PipePool:
    def __init__(self) -> None:
        self._idle: list[int] = []  # descriptors, as declared

    def acquire(self):
        if self._idle:
            return self._idle.pop()
        return os.pipe()[1]

    def release(self, fd) -> None:
        self._idle.append(fd)


def submit(pool: PipePool, record: bytes) -> None:
    fd = pool.acquire()
    os.write(fd, record)
    pool.release(fd)


class Undeclared:
    def __init__(self) -> None:
        self.socks = [socket.socket()]

    def add(self, handle) -> None:
        self.socks.append(handle)  # what goes in is not known, and nothing declares it

    def flush(self, data: bytes) -> None:
        for sock in self.socks:
            win32file.WriteFile(sock.fileno(), data)


def _open_log(path):
    return open(path, "ab")


def _open_tcp(host, port):
    return socket.create_connection((host, port))


class Sink(enum.Enum):
    FILE = "file"
    TCP = "tcp"

    def open(self, where, port=0):
        return _MIXED[self](where, port)


_MIXED = {Sink.FILE: _open_log, Sink.TCP: _open_tcp}  # a file opener beside a socket factory


def write(kind: str, where: str, data: bytes) -> None:
    target = Sink(kind).open(where)
    os.write(target.fileno(), data)


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2

    def pipe(self):
        return os.pipe()


def relay(level: Level, data: bytes) -> None:
    r, w = Level.HIGH.pipe()
    os.write(w, data)
    os.close(r)


HANDLERS = {"tcp": _open_tcp}


def dial(scheme: str, host: str, port: int, argv: list[str]) -> None:
    conn = HANDLERS[scheme](host, port)
    conn.sendall(b"hello")
    with conn.makefile("rb") as stream:
        subprocess.run(argv, stdin=subprocess.PIPE, input=stream.read())
    win32file.WSASend(conn, b"x", None)


JOURNAL = contextvars.ContextVar("journal")


def begin(path: str) -> None:
    JOURNAL.set(open(path, "ab"))


def note(line: bytes) -> None:
    os.write(JOURNAL.get().fileno(), line)


@functools.singledispatch
def blocking(obj, flag: bool) -> None:
    os.set_blocking(obj.fileno(), flag)  # a file's descriptor: sockets go below


@blocking.register
def _(obj: socket.socket, flag: bool) -> None:
    obj.setblocking(flag)


@functools.singledispatch
def finish(obj) -> None:
    os.close(obj.fileno())


@finish.register(socket.socket)
def _(obj) -> None:
    obj.close()


def main() -> None:
    a, b = socket.socketpair()
    blocking(a, False)
    finish(b)
    with open(os.devnull, "wb") as sink:
        blocking(sink, True)


LOGS = collections.defaultdict(list)
SPOOL = {}


def keep(name: str, path: str) -> None:
    LOGS[name].append(open(path, "ab"))
    SPOOL.setdefault(name, []).append(os.open(path, os.O_RDONLY))


def flush(name: str) -> None:
    for f in LOGS[name]:
        os.fsync(f.fileno())
    for fds in SPOOL.values():
        for fd in fds:
            os.close(fd)


class CountingProxy:
    def __init__(self, sock):
        self._sock = sock

    def raw_handle(self):
        return self._sock.fileno()


def replay(path: str, data: bytes) -> None:
    live = CountingProxy(socket.create_connection(("collector", 2003)))
    live._sock.sendall(data)
    spool = CountingProxy(open(path, "ab"))  # this instance holds a file: its handle is a file's
    os.write(spool.raw_handle(), data)


DESCRIPTOR_OF = operator.methodcaller("fileno")


def raw_sync(path: str, conn: socket.socket) -> None:
    with open(path, "ab") as log:
        os.fsync(DESCRIPTOR_OF(log))
    conn.setblocking(operator.methodcaller("gettimeout")(conn) is None)


def route(obj, data: bytes) -> None:
    match obj:
        case socket.socket():
            obj.sendall(data)
        case _:
            os.write(obj.fileno(), data)  # every socket took the case above


def announce(conn: socket.socket) -> None:
    if platform.system() in {"Linux", "Darwin"}:
        os.close(conn.fileno())


if sys.platform == "win32" and not TYPE_CHECKING:

    def set_nonblocking(sock: socket.socket) -> None:
        sock.setblocking(False)

else:

    def set_nonblocking(sock: socket.socket) -> None:
        os.set_blocking(sock.fileno(), False)


OPEN_LOGS = weakref.WeakValueDictionary()


def track_log(path: str) -> None:
    log = open(path, "ab")
    OPEN_LOGS[path] = log


def sync_logs() -> None:
    for log in list(OPEN_LOGS.values()):
        os.fsync(log.fileno())


def serve(listener: socket.socket) -> None:
    sel = selectors.DefaultSelector()
    conn, _ = listener.accept()
    journal = open("journal.bin", "ab")
    sel.register(conn, selectors.EVENT_READ, data=journal)  # the data is the journal, not the socket
    for key, _mask in sel.select():
        os.write(key.data.fileno(), key.fileobj.recv(4096))


SPOOLS = [None] * 8


def open_spool(slot: int, path: str) -> None:
    SPOOLS[slot] = open(path, "ab")


def write_spool(slot: int, data: bytes) -> None:
    spool = SPOOLS[slot]
    if spool is not None:
        os.write(spool.fileno(), data)


def sync_all(paths: list[str], conns: list[socket.socket]) -> None:
    by_fd = {f.fileno(): f for f in (open(p, "ab") for p in paths)}
    for fd in by_fd:
        os.fsync(fd)
    by_name = {c.getpeername(): c for c in conns}
    for conn in by_name.values():
        conn.setblocking(False)


def descriptors(files):
    for f in files:
        yield f.fileno()


def sync_many(paths: list[str]) -> None:
    for fd in descriptors([open(p, "ab") for p in paths]):
        os.fsync(fd)
