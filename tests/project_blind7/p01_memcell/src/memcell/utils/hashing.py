"""Key validation and server selection."""
from __future__ import annotations

import zlib

MAX_KEY_LENGTH = 250


def validate_key(key: str) -> bytes:
    raw = key.encode("utf-8")
    if not raw or len(raw) > MAX_KEY_LENGTH:
        raise ValueError(f"key length must be 1..{MAX_KEY_LENGTH} bytes")
    if any(b <= 0x20 or b == 0x7F for b in raw):
        raise ValueError("keys may not contain whitespace or control characters")
    return raw


def crc32_bucket(key: str, buckets: int) -> int:
    return (zlib.crc32(key.encode("utf-8")) >> 16) % buckets
