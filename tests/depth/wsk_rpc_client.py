"""Length-prefixed JSON-RPC client used by the fleet agent.

The agent talks to the coordinator over a plain TCP connection. Frames are
a 4-byte big-endian length followed by a UTF-8 JSON body.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import socket
import struct

import win32file

log = logging.getLogger(__name__)

_HEADER = struct.Struct(">I")


class RpcError(RuntimeError):
    """Raised when the coordinator answers with an error object."""


class RpcClient:
    """A blocking client; one request in flight at a time."""

    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.address = (host, port)
        self.socket = socket.create_connection(self.address, timeout=timeout)
        self._ids = itertools.count(1)
        self.trace_path = os.path.join(os.environ.get("TEMP", "."), "rpc-trace.log")
        self.trace = open(self.trace_path, "ab")

    # -- framing -----------------------------------------------------------
    def _send_frame(self, payload: bytes) -> None:
        frame = _HEADER.pack(len(payload)) + payload
        view = memoryview(frame)
        while view:
            written = os.write(self.socket.fileno(), view)  # error: WSK201
            view = view[written:]
        self.trace.write(frame)
        os.fsync(self.trace.fileno())

    def _recv_exact(self, n: int) -> bytes:
        chunks = []
        while n:
            chunk = os.read(self.socket.fileno(), n)  # error: WSK201
            if not chunk:
                raise ConnectionError("coordinator closed the connection")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def _recv_frame(self) -> bytes:
        (length,) = _HEADER.unpack(self._recv_exact(_HEADER.size))
        return self._recv_exact(length)

    # -- public API --------------------------------------------------------
    def call(self, method: str, **params):
        request = {"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params}
        self._send_frame(json.dumps(request).encode("utf-8"))
        reply = json.loads(self._recv_frame())
        if "error" in reply:
            raise RpcError(reply["error"].get("message", "unknown error"))
        return reply.get("result")

    def notify_fast(self, method: str, **params) -> None:
        """Fire-and-forget notification, written straight to the handle."""
        body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode()
        frame = _HEADER.pack(len(body)) + body
        rc, _ = win32file.WriteFile(self.socket.fileno(), frame)  # error: WSK102
        if rc:
            log.warning("WriteFile returned %d", rc)

    def ping(self) -> bool:
        try:
            self.socket.sendall(_HEADER.pack(0))
            return self.socket.recv(_HEADER.size) == _HEADER.pack(0)
        except OSError:
            log.exception("ping failed")
            return False

    def close(self) -> None:
        try:
            self.socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.socket.close()
        self.trace.close()

    def __enter__(self) -> "RpcClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
