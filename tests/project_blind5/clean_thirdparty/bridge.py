"""Bridges to third-party connection libraries (not part of this project)."""
import os

import paramiko
import zmq
from fastwire import connect as fw_connect

from compat import write_handle


def forward_fast(host: str, data: bytes) -> None:
    c = fw_connect(host)
    write_handle(c.fileno(), data)
    os.fstat(c.fileno())


def read_channel(transport: paramiko.Transport) -> bytes:
    chan = transport.open_session()
    return os.read(chan.fileno(), 1024)


def zmq_nonblocking() -> int:
    ctx = zmq.Context.instance()
    s = ctx.socket(zmq.SUB)
    fd = s.getsockopt(zmq.FD)
    os.set_blocking(fd, False)
    return fd
