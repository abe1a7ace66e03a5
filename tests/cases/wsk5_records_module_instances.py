"""Handles kept in records (NamedTuple, dataclass, attrs) and module-level instances of the
module's own classes, handed to descriptor and HANDLE calls."""
import collections
import dataclasses
import os
import socket
from typing import NamedTuple, TypedDict

import attr
import win32file


class Endpoint(NamedTuple):
    fd: int
    name: str


@dataclasses.dataclass(frozen=True)
class Lease:
    name: str
    handle: int
    retries: int = 3


@attr.s(auto_attribs=True)
class Pair:
    left: socket.socket
    right: object


def records(host: str) -> None:
    sock = socket.create_connection((host, 80))
    end = Endpoint(sock.fileno(), "web")
    os.write(end.fd, b"ping")  # error: WSK201
    lease = Lease(name="db", handle=sock.fileno())
    win32file.WriteFile(lease.handle, b"x")  # error: WSK102
    a, b = socket.socketpair()
    pair = Pair(a, b)
    os.dup(pair.right.fileno())  # error: WSK202


Channel = collections.namedtuple("Channel", "label fd")
Route = NamedTuple("Route", [("name", str), ("handle", int)])


class Session(TypedDict):
    peer: str
    fd: int


class Peer(NamedTuple):
    name: str  # a field without a word of its own: its position still counts
    fd: int


def open_channel(host: str) -> Channel:
    s = socket.create_connection((host, 21))
    return Channel("ftp", s.fileno())


def functional_and_typed(host: str) -> None:
    ch = open_channel(host)
    win32file.WriteFile(ch.fd, b"x")  # error: WSK102
    s = socket.create_connection((host, 22))
    route = Route("ssh", s.fileno())
    os.fsync(route.handle)  # error: WSK205
    sess = Session(peer=host, fd=s.fileno())
    os.read(sess["fd"], 16)  # error: WSK201
    peer = Peer("p", s.fileno())
    os.lseek(peer.fd, 0, 0)  # error: WSK205


class Client:
    def __init__(self, host: str, port: int) -> None:
        self.socket = socket.create_connection((host, port))

    def handle(self) -> int:
        return self.socket.fileno()


link = Client("example.org", 80)
os.close(link.socket.fileno())  # error: WSK205
win32file.ReadFile(link.handle(), 16)  # error: WSK101
