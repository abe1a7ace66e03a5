"""Platform flags in class attributes and helper functions, on their Windows side; handles
through enumerate/zip, lambda defaults, weak references, TypedDict .get(), record copies;
sockets through async generators of tuples, annotated loops and return annotations."""
import _winapi
import abc
import asyncio
import dataclasses
import functools
import msvcrt
import os
import socket
import subprocess
import weakref
from typing import NamedTuple, TypedDict


def is_posix() -> bool:
    return os.name == "posix"


class Listener:
    _POSIX = os.name != "nt"

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))

    def mark(self) -> None:
        if not self._POSIX:
            os.set_inheritable(self.sock.fileno(), True)  # error: WSK205


def close_on_windows(s: socket.socket) -> None:
    if not is_posix():
        os.close(s.fileno())  # error: WSK205


def counted(socks: list[socket.socket]) -> None:
    for i, s in enumerate(socks):
        os.set_blocking(s.fileno(), False)  # error: WSK205
    for s, name in zip(socks, ["a", "b"]):
        os.write(s.fileno(), name.encode())  # error: WSK201


def finalizer(owner: object, s: socket.socket) -> None:
    weakref.finalize(owner, lambda fd=s.fileno(): os.close(fd))  # error: WSK205


class Tap:
    def __init__(self, sock: socket.socket) -> None:
        self._ref = weakref.ref(sock)

    def emit(self, line: str) -> None:
        s = self._ref()
        if s is not None:
            with open(s.fileno(), "w", closefd=False) as out:  # error: WSK203
                out.write(line)


class Spec(TypedDict, total=False):
    name: str
    sock: socket.socket


def adopt(spec: Spec) -> None:
    s = spec.get("sock")
    if s is not None:
        msvcrt.get_osfhandle(s.fileno())  # error: WSK204


@dataclasses.dataclass(frozen=True)
class Binding:
    name: str
    sock: socket.socket
    primary: bool = False


class Peer(NamedTuple):
    sock: socket.socket
    retries: int = 0


def promote(b: Binding, p: Peer) -> None:
    b = dataclasses.replace(b, primary=True)
    _winapi.ReadFile(b.sock.fileno(), 16)  # error: WSK101
    p = p._replace(retries=p.retries + 1)
    os.close(p.sock.fileno())  # error: WSK205


async def accepted(loop: asyncio.AbstractEventLoop, listener: socket.socket):
    while True:
        conn, addr = await loop.sock_accept(listener)
        yield conn, addr


async def serve(listener: socket.socket) -> None:
    async for conn, addr in accepted(asyncio.get_running_loop(), listener):
        subprocess.Popen(["cat"], stdin=conn)  # error: WSK301


class Channel(abc.ABC):
    @property
    @abc.abstractmethod
    def sock(self) -> socket.socket:
        """The connected socket."""

    def handoff(self, process: int, target: int) -> None:
        _winapi.DuplicateHandle(process, self.sock.fileno(), target, 0, False, 2)  # error: WSK103


FACTORIES = {
    "tcp": lambda host, port: socket.create_connection((host, port)),
    "file": lambda path, _port=None: open(path, "ab"),
}
connect_agent = functools.partial(socket.create_connection, ("127.0.0.1", 8125))


def flush(lines: list[bytes]) -> None:
    conn = FACTORIES["tcp"]("127.0.0.1", 1)
    os.write(conn.fileno(), b"".join(lines))  # error: WSK201
    agent = connect_agent()
    os.fdopen(agent.fileno(), "wb", closefd=False)  # error: WSK203


class Conn:
    def __init__(self, sock, host: str) -> None:
        self.sock = sock
        self.host = host

    @classmethod
    def open(cls, host: str) -> "Conn":
        return cls(socket.create_connection((host, 80)), host)


def send_raw(host: str) -> None:
    conn = Conn.open(host)
    os.write(conn.sock.fileno(), b"x")  # error: WSK201
