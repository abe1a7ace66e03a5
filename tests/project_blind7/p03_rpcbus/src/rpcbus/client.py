from __future__ import annotations

import itertools

import rpcbus.utils.winio as winio

from .codec import HEADER_SIZE, decode_body, encode_frame
from .platform import IS_WINDOWS
from .transports import *  # noqa: F403


class RemoteError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code


class Client:
    """``Client(("host", port))`` for TCP, ``Client("name")`` for a named pipe."""

    def __init__(self, address, *, timeout: float | None = 10.0, bulk_iocp: bool = False) -> None:
        if isinstance(address, str):
            self._sock = None
            self._transport = PipeTransport(address)
        else:
            self._sock = open_tcp(address[0], address[1], timeout=timeout)
            self._transport = TcpTransport(self._sock)
        self._bulk_iocp = bulk_iocp and IS_WINDOWS and self._sock is not None
        self._ids = itertools.count(1)

    def call(self, method: str, *params):
        msg_id = next(self._ids)
        self._transport.send_frame(encode_frame({"id": msg_id, "method": method, "params": params}))
        return self._reply(msg_id)

    def upload(self, method: str, blob: bytes):
        msg_id = next(self._ids)
        frame = encode_frame({"id": msg_id, "method": method, "params": [], "blob": len(blob)})
        if self._bulk_iocp:
            winio.overlapped_write(self._sock.fileno(), frame + blob)  # error: WSK102
        else:
            self._transport.send_frame(frame + blob)
        return self._reply(msg_id)

    def stream(self, method: str, *params):
        """Start *method* and return the raw response stream as a binary file."""
        if self._sock is None:
            raise TypeError("streaming needs a TCP connection")
        msg_id = next(self._ids)
        self._transport.send_frame(
            encode_frame({"id": msg_id, "method": method, "params": params, "stream": True})
        )
        return open(self._sock.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203

    def _reply(self, msg_id: int):
        msg = decode_body(self._transport.recv_frame()[HEADER_SIZE:])
        if msg.get("id") != msg_id:
            raise RemoteError(-32600, f"reply for {msg.get('id')!r}, expected {msg_id}")
        if "error" in msg:
            raise RemoteError(msg["error"]["code"], msg["error"]["message"])
        return msg.get("result")

    def close(self) -> None:
        self._transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
