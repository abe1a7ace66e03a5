from __future__ import annotations

import ctypes
from ctypes import wintypes

from agent import link as linkmod

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)


def ship(buf: bytes) -> int:
    written = wintypes.DWORD(0)
    ok = kernel32.WriteFile(  # error: WSK102
        wintypes.HANDLE(linkmod.link.sock.fileno()),
        buf,
        len(buf),
        ctypes.byref(written),
        None,
    )
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    return written.value


def handoff(conn, pid):
    """Give the collector connection to a helper process (called once at startup)."""
    from multiprocessing import reduction

    from .link import link

    reduction.send_handle(conn, link.sock.fileno(), pid)  # error: WSK103


def handoff_shared(conn, pid):
    conn.send(linkmod.link.sock.share(pid))
