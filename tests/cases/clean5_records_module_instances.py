"""Look-alikes: pipes and files kept in the same records beside sockets, sockets read
through their own methods, and module-level instances whose attribute is a pipe."""
import collections
import dataclasses
import os
import socket
from typing import NamedTuple, TypedDict

import win32file


class Endpoint(NamedTuple):
    fd: int
    name: str


@dataclasses.dataclass
class Lease:
    name: str
    handle: int
    sock: object = None


def records(host: str) -> None:
    sock = socket.create_connection((host, 80))
    r, w = os.pipe()
    end = Endpoint(w, "pipe")
    os.write(end.fd, b"ping")
    named = Endpoint(name="sock", fd=r)
    os.read(named.fd, 16)
    lease = Lease("db", os.open("lease.txt", os.O_RDONLY), sock)
    os.close(lease.handle)
    lease.sock.sendall(b"x")
    other = Endpoint(sock.fileno(), "web")
    print(other.name, other.fd)


Channel = collections.namedtuple("Channel", ["label", "fd"])


class Session(TypedDict):
    peer: str
    fd: int


def functional_and_typed(host: str) -> None:
    s = socket.create_connection((host, 22))
    r, w = os.pipe()
    ch = Channel("pipe", w)
    os.write(ch.fd, b"x")
    both = Channel(s.fileno(), r)  # the socket's handle is the label here
    os.read(both.fd, 16)
    sess = Session(peer=str(s.fileno()), fd=r)
    os.close(sess["fd"])


class Reader:
    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY)
        self.sock = socket.socket()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)


reader = Reader("config.txt")
os.read(reader.fd, 16)
os.close(reader.fd)
reader.send(b"x")
win32file.WriteFile(win32file.CreateFile("log.txt", 0, 0, None, 2, 0, None), b"x")
