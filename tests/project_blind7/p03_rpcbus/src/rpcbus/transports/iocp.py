"""I/O completion port channel for bulk streams (Windows only)."""
from __future__ import annotations

import sys

if sys.platform != "win32":
    raise ImportError("rpcbus.transports.iocp requires Windows")

import _overlapped
import _winapi

from .tcp import open_tcp

NULL = 0
INFINITE = 0xFFFFFFFF


class ProactorChannel:
    def __init__(self, host: str, port: int) -> None:
        self._sock = open_tcp(host, port)
        self._sock.setblocking(False)
        self._port = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, NULL, 0, 0)
        _overlapped.CreateIoCompletionPort(self._sock.fileno(), self._port, 0, 0)

    def send(self, data: bytes) -> int:
        ov = _overlapped.Overlapped(NULL)
        ov.WSASend(self._sock.fileno(), data, 0)
        return self._wait(ov)

    def recv_into(self, buf: bytearray) -> int:
        ov = _overlapped.Overlapped(NULL)
        # ReadFileInto skips the copy that WSARecv makes for large buffers.
        ov.ReadFileInto(self._sock.fileno(), buf)  # error: WSK101
        return self._wait(ov)

    def _wait(self, ov) -> int:
        while True:
            status = _overlapped.GetQueuedCompletionStatus(self._port, INFINITE)
            if status is None:
                continue
            _err, _transferred, _key, address = status
            if address == ov.address:
                return ov.getresult()

    def close(self) -> None:
        self._sock.close()
        _winapi.CloseHandle(self._port)
