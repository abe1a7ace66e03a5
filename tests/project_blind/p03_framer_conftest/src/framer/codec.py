"""Frame codec: a 4-byte big-endian length, then the payload."""

import struct

HEADER = struct.Struct("!I")
MAX_FRAME = 16 * 1024 * 1024


def encode(payload: bytes) -> bytes:
    if len(payload) > MAX_FRAME:
        raise ValueError("frame too large")
    return HEADER.pack(len(payload)) + payload


def decode(buf: bytes) -> tuple[bytes, bytes]:
    """Split one frame off ``buf``; return ``(payload, rest)``."""
    if len(buf) < HEADER.size:
        raise ValueError("short header")
    (size,) = HEADER.unpack_from(buf)
    end = HEADER.size + size
    if len(buf) < end:
        raise ValueError("short frame")
    return buf[HEADER.size:end], buf[end:]
