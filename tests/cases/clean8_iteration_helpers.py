"""Look-alikes: the same heaps, itertools, next(), map/reduce/sorted lambdas and iterator
classes holding files and descriptors, or sockets used with their own methods."""
import bisect
import functools
import heapq
import itertools
import os
import socket


class Spool:
    def __init__(self, paths: list[str]) -> None:
        self._heap = []
        self._ranked = []
        self._fds = []
        for weight, path in enumerate(paths):
            fd = os.open(path, os.O_WRONLY)
            heapq.heappush(self._heap, (weight, fd))
            bisect.insort(self._ranked, (weight, fd))
            self._fds.append(fd)

    def send(self, data: bytes) -> None:
        _, fd = heapq.heappop(self._heap)
        os.write(fd, data)
        os.close(next(iter(self._fds)))
        for fd in itertools.chain(self._fds, [os.open("x", os.O_RDONLY)]):
            os.close(fd)
        for fd in map(lambda f: os.dup(f), self._fds):
            os.close(fd)
        functools.reduce(lambda acc, f: acc + os.fstat(f).st_size, self._fds, 0)


def sockets_used_right(socks: list[socket.socket]) -> None:
    heap = []
    for s in socks:
        heapq.heappush(heap, (s.fileno(), s))
    _, first = heapq.heappop(heap)
    first.sendall(b"x")
    for s in itertools.islice(socks, 1, None):
        s.close()
    for peer in map(lambda s: s.getpeername(), socks):
        print(peer)
    sorted(socks, key=lambda s: s.fileno())


class Lines:
    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_RDONLY)

    def __iter__(self) -> "Lines":
        return self

    def __next__(self) -> int:
        return os.dup(self._fd)


def drain(path: str) -> None:
    for fd in Lines(path):
        os.close(fd)


class Opened:
    def __init__(self, fd: int, path: str) -> None:
        self.fd = fd
        self.path = path


def route(event: object, s: socket.socket) -> None:
    match event:
        case Opened(fd=fd):
            os.set_blocking(fd, False)
            s.setblocking(False)
