"""Control, bulk and event endpoints for the ``labctl`` instrument bridge.

The bridge only ships for Windows lab PCs (it talks to the vendor's
``_winapi``-level driver shim), so Win32 calls are used freely.
"""
from __future__ import annotations

import enum
import socket
import struct
from dataclasses import dataclass, field

import _winapi
import attrs

FRAME_MAGIC = 0xA55A


class Port(enum.IntEnum):
    CONTROL = 7400
    BULK = 7401
    EVENTS = 7402


@dataclass
class Endpoint:
    host: str
    port: Port = Port.CONTROL
    timeout: float = 5.0
    sock: socket.socket | None = field(default=None, init=False, repr=False)
    handle: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self.sock = socket.create_connection((self.host, int(self.port)), timeout=self.timeout)
        self.handle = self.sock.fileno()

    def send_frame(self, payload: bytes) -> int:
        header = struct.pack("!HI", FRAME_MAGIC, len(payload))
        written, err = _winapi.WriteFile(self.handle, header + payload)  # error: WSK102
        if err:
            raise OSError(err, "short write to instrument")
        return written

    def recv_frame(self) -> bytes:
        head, err = _winapi.ReadFile(handle=self.handle, size=6)  # error: WSK101
        magic, length = struct.unpack("!HI", head)
        if magic != FRAME_MAGIC:
            raise ValueError("bad frame magic %#x" % magic)
        return self.sock.recv(length)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


@dataclass
class BulkEndpoint(Endpoint):
    port: Port = Port.BULK
    chunk: int = 1 << 20

    def __post_init__(self) -> None:
        super().__post_init__()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, self.chunk)

    def pull(self) -> bytes:
        return self.sock.recv(self.chunk)


def _to_socket(value) -> socket.socket:
    if isinstance(value, socket.socket):
        return value
    host, port = value
    return socket.create_connection((host, int(port)))


@attrs.define
class EventTap:
    sock: socket.socket = attrs.field(converter=_to_socket)
    label: str = "events"

    def poll(self, size: int = 512) -> bytes:
        return self.sock.recv(size)

    def capture_file(self):
        """Raw view for the vendor's trace decoder, which wants a file."""
        return open(int(self.sock.fileno()), "rb", buffering=0, closefd=False)  # error: WSK203


def connect_all(host: str) -> tuple[Endpoint, BulkEndpoint, EventTap]:
    control = Endpoint(host)
    bulk = BulkEndpoint(host)
    events = EventTap((host, Port.EVENTS))
    return control, bulk, events
