"""Raw Win32 I/O, for reproducing what native services do."""
from __future__ import annotations

import sys

if sys.platform == "win32":
    import win32file


def write_handle(handle, data: bytes) -> int:
    _err, written = win32file.WriteFile(handle, data)
    return written


def read_handle(handle, size: int) -> bytes:
    _err, data = win32file.ReadFile(handle, size)
    return bytes(data)
