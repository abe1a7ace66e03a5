"""Output sinks for the trace exporter: a sink is a socket, a raw descriptor
or a binary file, and each kind is written with the API that fits it.
"""
from __future__ import annotations

import io
import os
import socket
import sys
from typing import BinaryIO, Union

Sink = Union[socket.socket, int, BinaryIO]


def write_all(sink: Sink, data: bytes) -> None:
    match sink:
        case socket.socket():
            sink.sendall(data)
        case int():
            view = memoryview(data)
            while view:
                n = os.write(sink, view)
                view = view[n:]
        case _:
            sink.write(data)
            sink.flush()


def flush_durably(sink: Sink) -> None:
    if isinstance(sink, socket.socket):
        return
    if isinstance(sink, int):
        os.fsync(sink)
    else:
        sink.flush()
        os.fsync(sink.fileno())


def close_sink(sink: Sink) -> None:
    if not isinstance(sink, socket.socket):
        if isinstance(sink, int):
            os.close(sink)
        else:
            sink.close()
        return
    sink.shutdown(socket.SHUT_WR)
    sink.close()


def describe(sink: Sink) -> str:
    if isinstance(sink, (int, io.IOBase)):
        fd = sink if isinstance(sink, int) else sink.fileno()
        return "tty" if os.isatty(fd) else f"fd {fd}"
    return f"socket to {sink.getpeername()}"


def set_nonblocking(sink: Sink) -> None:
    if type(sink) is int:
        os.set_blocking(sink, False)
    elif isinstance(sink, socket.socket):
        sink.setblocking(False)


def open_sink(spec: str) -> Sink:
    if spec == "-":
        return sys.stdout.fileno()
    if spec.startswith("tcp://"):
        host, port = spec[6:].rsplit(":", 1)
        return socket.create_connection((host, int(port)))
    if spec.startswith("fd:"):
        return int(spec[3:])
    return open(spec, "ab")


def export(specs: list[str], records: list[bytes]) -> None:
    sinks = [open_sink(s) for s in specs]
    try:
        for rec in records:
            for sink in sinks:
                write_all(sink, rec + b"\n")
        for sink in sinks:
            flush_durably(sink)
    finally:
        for sink in sinks:
            if sink != sys.stdout.fileno():
                close_sink(sink)


if __name__ == "__main__":
    export(sys.argv[1:] or ["-"], [line.rstrip(b"\n") for line in sys.stdin.buffer])
