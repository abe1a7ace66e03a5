import struct

from . import compat

HEADER = struct.Struct("!I")


def forward_bytes(fd: int, payload: bytes) -> int:
    return compat.write_handle(fd, HEADER.pack(len(payload)) + payload)
