"""Frames: 4-byte big-endian length, then a UTF-8 JSON document."""
from __future__ import annotations

import json
import struct

HEADER = struct.Struct(">I")
HEADER_SIZE = HEADER.size
MAX_FRAME = 64 * 1024 * 1024


class FrameError(ValueError):
    pass


def encode_frame(message: dict) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    if len(body) > MAX_FRAME:
        raise FrameError("frame too large")
    return HEADER.pack(len(body)) + body


def decode_header(header: bytes) -> int:
    (size,) = HEADER.unpack(header)
    if size > MAX_FRAME:
        raise FrameError(f"frame of {size} bytes exceeds the limit")
    return size


def decode_body(body: bytes) -> dict:
    msg = json.loads(body.decode("utf-8"))
    if not isinstance(msg, dict):
        raise FrameError("frame is not a JSON object")
    return msg
