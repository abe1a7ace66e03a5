"""Accepts and immediately drops connections (load-shedding mode)."""
import os

from meshnet.core.factory import accept_forever


def drain(port: int, limit: int) -> int:
    dropped = 0
    for conn in accept_forever(port):
        os.close(conn.fileno())  # error: WSK205
        dropped += 1
        if dropped >= limit:
            break
    return dropped
