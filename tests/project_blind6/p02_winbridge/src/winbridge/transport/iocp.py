"""Overlapped I/O on stream endpoints (Windows only)."""

from __future__ import annotations

import pywintypes
import win32event
import win32file

from .stream import StreamEndpoint


class OverlappedEndpoint(StreamEndpoint):
    def __init__(self, host: str, port: int) -> None:
        super().__init__(host, port)
        self._ov = pywintypes.OVERLAPPED()
        self._ov.hEvent = win32event.CreateEvent(None, True, False, None)

    def send_blob(self, data: bytes) -> int:
        rc, written = win32file.WriteFile(self.handle, data, None)  # error: WSK102
        return written

    def recv_blob(self, size: int) -> bytes:
        rc, buf = win32file.ReadFile(self.sock.fileno(), size)  # error: WSK101
        return bytes(buf)

    def send_overlapped(self, data: bytes) -> int:
        # The Winsock route: fine.
        win32file.WSASend(self.sock, data, self._ov, 0)
        win32event.WaitForSingleObject(self._ov.hEvent, win32event.INFINITE)
        return win32file.GetOverlappedResult(self.handle, self._ov, True)

    def recv_overlapped(self, size: int) -> bytes:
        buf = win32file.AllocateReadBuffer(size)
        win32file.WSARecv(self.sock, buf, self._ov, 0)
        n = win32file.GetOverlappedResult(self.handle, self._ov, True)
        return bytes(buf[:n])
