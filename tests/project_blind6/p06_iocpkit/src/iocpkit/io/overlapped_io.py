"""_overlapped based helpers (what asyncio's proactor uses)."""

from __future__ import annotations

import _overlapped

from ..sockets import dial


def start_read_wrong(addr: tuple[str, int], size: int):
    s = dial(addr)
    ov = _overlapped.Overlapped(0)
    ov.ReadFile(s.fileno(), size)  # error: WSK101
    return s, ov


def start_read_right(addr: tuple[str, int], size: int):
    s = dial(addr)
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(s.fileno(), size, 0)
    return s, ov


def start_send_right(addr: tuple[str, int], data: bytes):
    s = dial(addr)
    ov = _overlapped.Overlapped(0)
    ov.WSASend(s.fileno(), data, 0)
    return s, ov
