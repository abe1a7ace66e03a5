"""A worker's spooling layer. The code shapes match the network code it sits
next to (records, queues, thread-locals, generators, partials, ExitStack,
rebinding), but every handle here is a pipe, a file or a process handle."""
from __future__ import annotations

import collections
import contextlib
import functools
import io
import msvcrt
import os
import queue
import socket
import subprocess
import tempfile
import threading
import weakref
from dataclasses import dataclass
from typing import NamedTuple, Optional

from multiprocessing import reduction


class PipeEnds(NamedTuple):
    read_fd: int
    write_fd: int
    inheritable: bool = False


@dataclass(slots=True, frozen=True)
class Spool:
    sock: int
    path: str


@dataclass
class Sink:
    stream: Optional[io.BufferedWriter] = None

    def push(self, data: bytes) -> None:
        if self.stream is not None:
            os.write(self.stream.fileno(), data)


def make_pipe() -> PipeEnds:
    r, w = os.pipe()
    return PipeEnds(r, w)


_tls = threading.local()
handoff: queue.Queue = queue.Queue()
open_files: collections.deque = collections.deque(maxlen=16)
by_name = weakref.WeakValueDictionary()


def log_fd() -> int:
    fd = getattr(_tls, "fd", None)
    if fd is None:
        fd = _tls.fd = os.open("worker.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    return fd


def producer() -> None:
    handoff.put(make_pipe())


def consumer() -> None:
    ends = handoff.get()
    os.write(ends.write_fd, b"job\n")
    print(os.read(ends.read_fd, 4))
    os.close(ends.write_fd)
    os.close(ends.read_fd)


def descriptors(paths):
    for p in paths:
        yield os.open(p, os.O_RDONLY)


def all_descriptors(groups):
    for group in groups:
        yield from descriptors(group)


def _emit(prefix: bytes, fd: int, data: bytes) -> None:
    os.write(fd, prefix + data)


def spool(data: bytes) -> Spool:
    fd, path = tempfile.mkstemp()
    record = Spool(fd, path)
    os.write(record.sock, data)
    os.lseek(record.sock, 0, os.SEEK_SET)
    return record


def closers(fds):
    callbacks = []
    for fd in fds:
        callbacks.append(lambda fd=fd: os.close(fd))
    return callbacks


def main() -> None:
    producer()
    consumer()
    os.write(log_fd(), b"started\n")

    sizes = {fd: os.fstat(fd).st_size for fd in all_descriptors([["a.txt"], ["b.txt", "c.txt"]])}
    for cb in closers(sizes):
        cb()

    pipe = make_pipe()
    emit = functools.partial(functools.partial(_emit, b"> "), pipe.write_fd)
    emit(b"hello")
    child = subprocess.Popen(["findstr", "hello"], stdin=pipe.read_fd)
    reduction.duplicate(msvcrt.get_osfhandle(pipe.read_fd), target_process=None)

    with contextlib.ExitStack() as stack:
        sock = stack.enter_context(open("dump.bin", "wb"))
        os.write(sock.fileno(), b"dump")
        open_files.append(sock)
        by_name["dump"] = sock
        for f in open_files:
            os.fsync(f.fileno())
        Sink(sock).push(b"tail")

    conn = socket.create_connection(("127.0.0.1", 7300))
    conn.sendall(b"bye")
    conn.close()
    conn = tempfile.TemporaryFile()
    os.ftruncate(conn.fileno(), 0)
    with os.fdopen(os.dup(conn.fileno()), "rb") as again:
        again.read()

    print(spool(b"spooled").path)
    child.wait()


if __name__ == "__main__":
    main()
