"""Helpers of a log shipper: connection-injecting decorators, retry
wrappers and closures over open connections."""
from __future__ import annotations

import functools
import os
import socket
import time

import win32file

COLLECTOR = ("logs.internal", 5170)


def with_connection(fn):
    """Open a fresh collector connection and pass it as the first argument."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        sock = socket.create_connection(COLLECTOR, timeout=10)
        try:
            return fn(sock, *args, **kwargs)
        finally:
            sock.close()

    return wrapper


def retry(times: int, delay: float = 0.5):
    def decorate(fn):
        @functools.wraps(fn)
        def attempt(*args, **kwargs):
            for n in range(times):
                try:
                    return fn(*args, **kwargs)
                except OSError:
                    time.sleep(delay * (n + 1))
            return fn(*args, **kwargs)

        return attempt

    return decorate


@with_connection
def ship_file(conn, path: str) -> None:
    with open(path, "rb") as fh:
        for block in iter(functools.partial(fh.read, 1 << 16), b""):
            os.write(conn.fileno(), block)  # error: WSK201


@retry(3)
def flush_handle(handle: int, data: bytes) -> int:
    _, written = win32file.WriteFile(handle, data)  # error: WSK102
    return written


def make_tail_reader(host: str, port: int):
    link = socket.create_connection((host, port))
    fd = link.fileno()

    def read_some(n: int = 4096) -> bytes:
        return os.read(fd, n)  # error: WSK201

    def close() -> None:
        link.close()

    return read_some, close


def session_factory(host: str):
    sessions = []

    def connect():
        s = socket.create_connection((host, 5170))
        sessions.append(s)
        return s

    def release_all() -> None:
        nonlocal sessions
        for s in sessions:
            os.close(s.fileno())  # error: WSK205
        sessions = []

    return connect, release_all


def main() -> None:
    ship_file(r"C:\ProgramData\app\app.log")
    beat = socket.create_connection(COLLECTOR)
    flush_handle(beat.fileno(), b"heartbeat\n")
    read_some, close = make_tail_reader("tail.internal", 7000)
    print(read_some())
    close()
    connect, release_all = session_factory("logs.internal")
    connect().sendall(b"hello\n")
    release_all()


if __name__ == "__main__":
    main()
