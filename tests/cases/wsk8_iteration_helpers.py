"""Sockets through the standard library's iteration helpers: heaps and sorted lists the
module fills with heapq and bisect, itertools.chain/islice, next(), map/reduce/sorted
given a lambda, and an iterator class; POP3_SSL's and an XML-RPC handler's sockets."""
import bisect
import functools
import heapq
import itertools
import os
import poplib
import socket
import subprocess
from xmlrpc.server import SimpleXMLRPCRequestHandler

import win32file


class Pool:
    def __init__(self, addresses: list[tuple[str, int]]) -> None:
        self._heap = []
        self._ranked = []
        self._idle = []
        for weight, address in enumerate(addresses):
            s = socket.create_connection(address)
            heapq.heappush(self._heap, (weight, s))
            bisect.insort(self._ranked, (weight, s))
            self._idle.append(s)

    def send(self, frame: bytes) -> None:
        _, sock = heapq.heappop(self._heap)
        win32file.WriteFile(sock.fileno(), frame)  # error: WSK102

    def first(self) -> None:
        sock = next(iter(self._idle))
        os.set_blocking(sock.fileno(), False)  # error: WSK205

    def trim(self, keep: int) -> None:
        for s in itertools.islice(self._idle, keep, None):
            os.close(s.fileno())  # error: WSK205

    def close_all(self, busy: list[socket.socket]) -> None:
        for s in itertools.chain(self._idle, busy):
            os.close(s.fileno())  # error: WSK205

    def broadcast(self, data: bytes) -> None:
        for fd in map(lambda s: s.fileno(), self._idle):
            os.write(fd, data)  # error: WSK201

    def sizes(self) -> int:
        return functools.reduce(lambda acc, s: acc + os.fstat(s.fileno()).st_size, self._idle, 0)  # error: WSK205

    def oldest(self) -> socket.socket:
        return min(self._idle, key=lambda s: os.get_inheritable(s.fileno()))  # error: WSK205


class Acceptor:
    def __init__(self, listener: socket.socket) -> None:
        self._listener = listener

    def __iter__(self) -> "Acceptor":
        return self

    def __next__(self) -> socket.socket:
        conn, _ = self._listener.accept()
        return conn


def serve(port: int) -> None:
    for conn in Acceptor(socket.create_server(("", port))):
        subprocess.Popen(["worker"], stdin=conn)  # error: WSK301


def pop_handoff(host: str) -> int:
    pop = poplib.POP3_SSL(host)
    return os.dup(pop.sock.fileno())  # error: WSK202


class RpcHandler(SimpleXMLRPCRequestHandler):
    def setup(self) -> None:
        super().setup()
        self.raw = open(self.request.fileno(), "rb", closefd=False)  # error: WSK203


class Connected:
    __match_args__ = ("sock", "peer")

    def __init__(self, sock: socket.socket, peer: str) -> None:
        self.sock = sock
        self.peer = peer


def route(event: object) -> None:
    match event:
        case Connected(sock=s):
            os.set_blocking(s.fileno(), False)  # error: WSK205
