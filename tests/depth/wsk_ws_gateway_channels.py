"""Multiplexing gateway: a browser-facing websocket on one side, three
backend channels (control, events, bulk) on the other.

Backends are reached through pluggable ``Transport`` implementations.
"""
from __future__ import annotations

import abc
import base64
import enum
import hashlib
import io
import os
import socket
import struct
from typing import Protocol

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class Channel(enum.Enum):
    CONTROL = "control"
    EVENTS = "events"
    BULK = "bulk"


class Stdio(enum.IntEnum):
    IN = 0
    OUT = 1
    ERR = 2


class HasSocket(Protocol):
    sock: socket.socket


class Transport(abc.ABC):
    @abc.abstractmethod
    def raw_socket(self) -> socket.socket:
        ...

    def make_nonblocking(self) -> None:
        os.set_blocking(self.raw_socket().fileno(), False)  # error: WSK205


class TcpTransport(Transport):
    def __init__(self, addr: tuple[str, int]) -> None:
        self._s = socket.create_connection(addr, timeout=10)

    def raw_socket(self) -> socket.socket:
        return self._s


class Gateway:
    def __init__(self, transports: dict[Channel, Transport]) -> None:
        self.channels: dict[Channel, socket.socket] = {ch: t.raw_socket() for ch, t in transports.items()}

    @staticmethod
    def _frame(payload: bytes, opcode: int = 0x2) -> bytes:
        n = len(payload)
        if n < 126:
            head = struct.pack("!BB", 0x80 | opcode, n)
        elif n < 1 << 16:
            head = struct.pack("!BBH", 0x80 | opcode, 126, n)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 127, n)
        return head + payload

    def forward(self, channel: Channel, payload: bytes) -> None:
        os.write(self.channels[channel].fileno(), self._frame(payload))  # error: WSK201

    def bulk_writer(self) -> io.RawIOBase:
        return io.open(self.channels[Channel.BULK].fileno(), "wb", buffering=0, closefd=False)  # error: WSK203

    def broadcast_control(self, text: str) -> None:
        self.channels[Channel.CONTROL].sendall(self._frame(text.encode(), opcode=0x1))

    def close(self) -> None:
        for ch in Channel:
            sock = self.channels.pop(ch, None)
            if sock is not None:
                sock.close()


def checkpoint(holder: HasSocket) -> None:
    """Called before a backend failover so queued bulk data hits the wire."""
    os.fsync(holder.sock.fileno())  # error: WSK205


def handshake(conn: socket.socket) -> bool:
    request = conn.recv(4096).decode("latin-1")
    key = next((ln.split(":", 1)[1].strip() for ln in request.split("\r\n")
                if ln.lower().startswith("sec-websocket-key:")), None)
    if key is None:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
        return False
    accept = base64.b64encode(hashlib.sha1(key.encode() + WS_GUID).digest()).decode()
    conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").encode())
    return True


def banner() -> None:
    os.write(Stdio.ERR, b"gateway starting\n")


def serve(port: int, backends: dict[Channel, tuple[str, int]]) -> None:
    banner()
    gw = Gateway({ch: TcpTransport(addr) for ch, addr in backends.items()})
    server = socket.create_server(("", port))
    conn, _ = server.accept()
    if handshake(conn):
        while data := conn.recv(65536):
            gw.forward(Channel.EVENTS, data)
    gw.close()
