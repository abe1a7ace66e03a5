"""Parsing and formatting for the memcached text protocol."""
from __future__ import annotations

from typing import NamedTuple


class ProtocolError(Exception):
    """The server sent something we did not expect."""


class Value(NamedTuple):
    key: str
    flags: int
    data: bytes
    cas: int | None = None


STORAGE_COMMANDS = frozenset({b"set", b"add", b"replace", b"append", b"prepend", b"cas"})


def encode_storage(command: bytes, key: bytes, data: bytes, flags: int = 0, expire: int = 0,
                   cas: int | None = None, noreply: bool = False) -> bytes:
    if command not in STORAGE_COMMANDS:
        raise ValueError(f"not a storage command: {command!r}")
    parts = [command, key, b"%d" % flags, b"%d" % expire, b"%d" % len(data)]
    if cas is not None:
        parts.append(b"%d" % cas)
    if noreply:
        parts.append(b"noreply")
    return b" ".join(parts) + b"\r\n" + data + b"\r\n"


def parse_value_line(line: bytes) -> tuple[str, int, int, int | None]:
    """Parse ``VALUE <key> <flags> <bytes> [<cas>]``."""
    parts = line.split()
    if len(parts) not in (4, 5) or parts[0] != b"VALUE":
        raise ProtocolError(f"bad VALUE line: {line!r}")
    cas = int(parts[4]) if len(parts) == 5 else None
    return parts[1].decode("utf-8"), int(parts[2]), int(parts[3]), cas


def check_reply(line: bytes, *expected: bytes) -> bytes:
    if line in expected:
        return line
    if line.startswith((b"ERROR", b"CLIENT_ERROR", b"SERVER_ERROR")):
        raise ProtocolError(line.decode("utf-8", "replace"))
    raise ProtocolError(f"unexpected reply {line!r}, wanted one of {expected!r}")
