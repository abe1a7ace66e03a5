"""Output targets for the ``ledger`` audit exporter.

A target is either a connected socket or a plain descriptor (a file, a pipe,
the console); each helper routes on the type before touching it.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys

from somelib import connect
from somelib.transport import open_stream


def write_out(target: socket.socket | int, data: bytes) -> None:
    if isinstance(target, socket.socket):
        target.sendall(data)
    else:
        os.write(target, data)


def close_target(target) -> None:
    if not isinstance(target, socket.socket):
        os.close(target)
        return
    target.close()


def as_descriptor(obj) -> int:
    if isinstance(obj, socket.socket):
        raise TypeError("sockets go through write_out(), not descriptors")
    return os.dup(obj)


def flush(target) -> None:
    """Durable flush for file targets handed in by plugins."""
    os.fsync(target.fileno())


def _emit(fd: int, data: bytes) -> int:
    return os.write(fd, data)


def emit_console(line: str) -> None:
    _emit(sys.stdout.fileno(), line.encode() + b"\n")


def emit_pipe(lines: list[str]) -> bytes:
    r, w = os.pipe()
    for line in lines:
        _emit(w, line.encode() + b"\n")
    os.close(w)
    data = os.read(r, 1 << 20)
    os.close(r)
    return data


def export_remote(records: list[bytes]) -> None:
    conn = connect("audit.internal", 6514)
    for rec in records:
        os.write(conn.fileno(), rec)


def export_compressed(records: list[bytes]) -> None:
    stream = open_stream("audit")
    subprocess.run(["gzip", "-c"], stdin=stream, check=True)


def reuse_name(path: str) -> int:
    s = socket.socket()
    s.close()
    s = open(path, "rb")
    try:
        return os.fstat(s.fileno()).st_size
    finally:
        s.close()


def export(targets: list, payload: bytes) -> None:
    for target in targets:
        if isinstance(target, int):
            os.write(target, payload)
        elif isinstance(target, socket.socket):
            target.sendall(payload)
        else:
            target.write(payload)
