"""Framing on top of relay.compat."""

from __future__ import annotations

import struct

from . import compat

HEADER = struct.Struct("!I")


def forward_bytes(fd: int, payload: bytes) -> int:
    frame = HEADER.pack(len(payload)) + payload
    return compat.write_handle(fd, frame)


def forward_chunks(fd: int, chunks: list[bytes]) -> int:
    sent = 0
    for chunk in chunks:
        sent += forward_bytes(fd, chunk)
    return sent
