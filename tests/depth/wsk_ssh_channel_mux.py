"""Channel multiplexer for the deploy agent: many logical channels over one TCP stream.

Wire format: ``!IBH`` header (channel id, frame kind, payload length) then the payload.
Channels only keep a weak reference to their multiplexer so that a dropped connection
takes every channel object with it.
"""
from __future__ import annotations

import functools
import os
import socket
import struct
import subprocess
import sys
import threading
import weakref
from typing import Callable, NamedTuple, Optional

HEADER = struct.Struct("!IBH")
OPEN, DATA, EOF, CLOSE, EXEC = range(5)


class Frame(NamedTuple):
    channel: int
    kind: int
    payload: bytes = b""


class Transport(NamedTuple):
    sock: socket.socket
    peer: str


class Channel:
    def __init__(self, mux: "Multiplexer", cid: int) -> None:
        self._mux: "weakref.ref[Multiplexer]" = weakref.ref(mux)
        self.cid = cid
        self.inbox: list[bytes] = []
        self.closed = False

    def send(self, data: bytes) -> None:
        mux: Optional[Multiplexer] = self._mux()
        if mux is None or self.closed:
            raise ConnectionError(f"channel {self.cid} is gone")
        mux.send(Frame(self.cid, DATA, data))

    def exec_remote_output(self, argv: list[str]) -> subprocess.Popen:
        """Run a local command whose output goes straight to the peer (no framing)."""
        mux: Optional[Multiplexer] = self._mux()
        if mux is None:
            raise ConnectionError("multiplexer closed")
        mux.send(Frame(self.cid, EXEC, b"raw"))
        return subprocess.Popen(argv, stdout=mux.transport.sock, stderr=subprocess.PIPE)  # error: WSK301


class Multiplexer:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.channels: "weakref.WeakValueDictionary[int, Channel]" = weakref.WeakValueDictionary()
        self._next = 1
        self._lock = threading.Lock()
        self._write: Callable[[bytes], int] = functools.partial(os.write, transport.sock.fileno())  # error: WSK201
        self.interactive = os.isatty(transport.sock.fileno())  # error: WSK205

    @classmethod
    def connect(cls, host: str, port: int = 2222) -> "Multiplexer":
        sock = socket.create_connection((host, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(Transport(sock, f"{host}:{port}"))

    def attach_stdio(self) -> None:
        """``--stdio`` mode: a local tool talks to the peer through our stdout."""
        sys.stdout.flush()
        os.dup2(self.transport.sock.fileno(), sys.stdout.fileno())  # error: WSK202

    def open_channel(self) -> Channel:
        with self._lock:
            cid, self._next = self._next, self._next + 1
        chan = Channel(self, cid)
        self.channels[cid] = chan
        self.send(Frame(cid, OPEN))
        return chan

    def send(self, frame: Frame) -> None:
        blob = HEADER.pack(frame.channel, frame.kind, len(frame.payload)) + frame.payload
        with self._lock:
            while blob:
                blob = blob[self._write(blob):]

    def _recv_exact(self, n: int) -> bytes:
        parts = []
        while n:
            chunk = os.read(self.transport.sock.fileno(), n)  # error: WSK201
            if not chunk:
                raise ConnectionError(f"{self.transport.peer} closed the stream")
            parts.append(chunk)
            n -= len(chunk)
        return b"".join(parts)

    def pump(self) -> None:
        while True:
            cid, kind, size = HEADER.unpack(self._recv_exact(HEADER.size))
            frame = Frame(cid, kind, self._recv_exact(size) if size else b"")
            chan = self.channels.get(frame.channel)
            if chan is None:
                continue
            if frame.kind == DATA:
                chan.inbox.append(frame.payload)
            elif frame.kind in (EOF, CLOSE):
                chan.closed = True

    def close(self) -> None:
        for chan in list(self.channels.values()):
            chan.closed = True
        self.transport.sock.close()
