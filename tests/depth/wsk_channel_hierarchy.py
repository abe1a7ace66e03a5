"""Pluggable byte channels for the ``tessera`` replication daemon.

Channels register themselves by URL scheme when their class is defined.
"""
from __future__ import annotations

import os
import socket
import ssl
import sys
from typing import ClassVar


class Channel:
    registry: ClassVar[dict[str, type[Channel]]] = {}
    scheme: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.scheme:
            Channel.registry[cls.scheme] = cls

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.bytes_out = 0

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)
        self.bytes_out += len(data)

    def close(self) -> None:
        self.sock.close()


class SpliceMixin:
    """Copy raw bytes from the channel into a local file descriptor."""

    sock: socket.socket

    def splice_to(self, out_fd: int, n: int = 1 << 16) -> int:
        data = os.read(self.sock.fileno(), n)  # error: WSK201
        return os.write(out_fd, data)


class TcpChannel(SpliceMixin, Channel):
    scheme = "tcp"

    def __init__(self, sock: socket.socket, nodelay: bool = True) -> None:
        super().__init__(sock)
        if nodelay:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class TlsChannel(TcpChannel):
    scheme = "tls"

    def __init__(self, raw, ctx: ssl.SSLContext, server_hostname: str) -> None:
        super().__init__(ctx.wrap_socket(raw, server_hostname=server_hostname))


class FramedSocket(socket.socket):
    """A socket that writes length-prefixed frames."""

    def write_frame(self, payload: bytes) -> int:
        frame = len(payload).to_bytes(4, "big") + payload
        return os.write(self.fileno(), frame)  # error: WSK201

    def read_frame(self) -> bytes:
        size = int.from_bytes(self.recv(4), "big")
        return self.recv(size)


def dial_framed(host: str, port: int) -> FramedSocket:
    s = FramedSocket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    return s


def open_channel(url: str) -> Channel:
    scheme, _, rest = url.partition("://")
    host, _, port = rest.rpartition(":")
    raw = socket.create_connection((host, int(port)))
    if scheme == "tls":
        return TlsChannel(raw, ssl.create_default_context(), host)
    return Channel.registry[scheme](raw)


def attach_stdio(host: str, port: int) -> None:
    """Make the channel the process's stdin for the legacy ``rsync`` bridge."""
    chan = TcpChannel(socket.create_connection((host, port)))
    os.dup2(chan.sock.fileno(), sys.stdin.fileno())  # error: WSK202
