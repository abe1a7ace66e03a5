from __future__ import annotations

import struct

from .lowlevel import emit

__all__ = ["send_frame", "FrameError"]

_HEADER = struct.Struct("!BI")


class FrameError(Exception):
    pass


def send_frame(fd, kind, body=b"", *, flush=True):
    if not 0 <= kind < 256:
        raise FrameError(f"bad frame kind {kind}")
    emit(fd, _HEADER.pack(kind, len(body)) + body)
