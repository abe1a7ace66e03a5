"""Typed peer abstractions for the ``meshwire`` overlay network.

Shared by the Linux relays and the Windows desktop client.
"""
from __future__ import annotations

import abc
import os
import socket
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")


class HasSocket(Protocol):
    sock: socket.socket
    name: str


def drain(peer: HasSocket, limit: int = 1 << 16) -> bytes:
    """Read whatever the peer has queued, bypassing the framing layer."""
    return os.read(peer.sock.fileno(), limit)  # error: WSK201


class Transport(abc.ABC):
    @abc.abstractmethod
    def raw_socket(self) -> socket.socket:
        """The underlying connected socket."""

    @abc.abstractmethod
    def peer_name(self) -> str: ...

    def as_file(self, mode: str = "rb"):
        return os.fdopen(self.raw_socket().fileno(), mode)  # error: WSK203

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.peer_name()}>"


class TcpTransport(Transport):
    def __init__(self, address: tuple[str, int]) -> None:
        self._sock = socket.create_connection(address)

    def raw_socket(self) -> socket.socket:
        return self._sock

    def peer_name(self) -> str:
        host, port = self._sock.getpeername()[:2]
        return f"{host}:{port}"


class Slot(Generic[T]):
    """A parking spot for one resource between reconnect attempts."""

    def __init__(self, value: T) -> None:
        self._value = value

    def get(self) -> T:
        return self._value

    def replace(self, value: T) -> T:
        old, self._value = self._value, value
        return old


def park(sock: socket.socket) -> Slot[socket.socket]:
    return Slot(sock)


def reopen(slot: Slot[socket.socket]):
    s = slot.get()
    return open(s.fileno(), "r+b", buffering=0, closefd=False)  # error: WSK203


def config_slot(path: str) -> Slot[int]:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    return Slot(fd)


def read_config(slot: Slot[int]) -> bytes:
    fd = slot.get()
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 1 << 16)


def send_hello(peer: HasSocket) -> None:
    peer.sock.sendall(f"HELLO {peer.name}\n".encode())
