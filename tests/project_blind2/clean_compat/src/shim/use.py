from __future__ import annotations

import os

from net import dial as legacy_dial  # the top-level vendored ``net`` package, not shim.net
from shim.closing import close_any, fd_of
from shim.net import dial
from shim.transport import open_channel


def push(address, data: bytes) -> int:
    ch = open_channel(address)
    return os.write(ch.fileno(), data)


def legacy_reader(address):
    s = legacy_dial(address)
    return os.fdopen(s.fileno(), "rb")


def rotate(address, path):
    s = dial(address)
    s.sendall(b"rotate\n")
    s.close()
    s = open(path, "rb")
    return os.fstat(s.fileno()).st_size


def finish(address, spool_path):
    conn = dial(address)
    conn.sendall(b"bye\n")
    close_any(conn)
    fd = os.open(spool_path, os.O_RDONLY)
    spare = fd_of(fd)
    close_any(spare)
    close_any(fd)
