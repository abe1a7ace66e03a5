"""Windows pump: moves one request/response pair over the relay endpoint."""
from __future__ import annotations

import pywintypes
import win32file

from .factory import open_endpoint


def pump_once(cfg, payload: bytes) -> bytes:
    ep = open_endpoint(cfg)
    try:
        handle = ep.sock.fileno()
        win32file.WriteFile(handle, payload)  # error: WSK102
        rc, data = win32file.ReadFile(handle, 65536)  # error: WSK101
        return bytes(data)
    finally:
        ep.close()


def pump_overlapped(cfg, payload: bytes) -> bytes:
    ep = open_endpoint(cfg)
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32file.CreateEvent(None, True, False, None)
    win32file.WSASend(ep.sock, payload, ov)
    win32file.GetOverlappedResult(ep.sock.fileno(), ov, True)
    buf = win32file.AllocateReadBuffer(65536)
    win32file.WSARecv(ep.sock, buf, ov)
    n = win32file.GetOverlappedResult(ep.sock.fileno(), ov, True)
    return bytes(buf[:n])
