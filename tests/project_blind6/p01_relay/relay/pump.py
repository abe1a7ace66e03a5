"""Command-line pump: read from the peer, write framed data to a local pipe."""

from __future__ import annotations

import argparse
import os
import sys

from relay import Channel, open_connection

from . import compat
from .forward import forward_bytes, forward_chunks


def pump_once(host: str, port: int) -> int:
    conn = open_connection(host, port)
    try:
        data = os.read(conn.fileno(), 4096)  # error: WSK201
        # Echo back through the framing helper (two modules deep).
        forward_bytes(conn.fileno(), data)  # error: WSK201
        # The local side is a real pipe: fine.
        r, w = os.pipe()
        forward_chunks(w, [data])
        compat.write_handle(w, b"\n")
        os.close(w)
        return len(compat.read_handle(r, 65536))
    finally:
        conn.close()


def reply(host: str, port: int, text: str) -> None:
    ch = Channel.dial(host, port)
    os.set_inheritable(ch.handle, True)  # error: WSK205
    ch.send(text.encode())
    ch.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="relay")
    parser.add_argument("host")
    parser.add_argument("--port", type=int, default=7070)
    args = parser.parse_args(argv)
    n = pump_once(args.host, args.port)
    sys.stdout.write(f"{n} bytes\n")
    return 0
