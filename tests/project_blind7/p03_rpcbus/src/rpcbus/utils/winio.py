"""Overlapped WriteFile helper for the bulk-upload path on Windows."""
from __future__ import annotations

import sys

if sys.platform == "win32":
    import _overlapped
    import _winapi


def overlapped_write(handle: int, data: bytes, timeout_ms: int = 30_000) -> int:
    """Write *data* to *handle* with one overlapped WriteFile; returns bytes written."""
    ov = _overlapped.Overlapped()
    ov.WriteFile(handle, data)
    if _winapi.WaitForSingleObject(ov.event, timeout_ms) != _winapi.WAIT_OBJECT_0:
        ov.cancel()
        raise TimeoutError("overlapped write timed out")
    return ov.getresult()
