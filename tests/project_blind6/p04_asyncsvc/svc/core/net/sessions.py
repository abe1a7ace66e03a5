"""Client sessions as async context managers, and an accept generator."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Iterator


@contextlib.asynccontextmanager
async def session(host: str, port: int) -> AsyncIterator[object]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        yield writer.get_extra_info("socket")
    finally:
        writer.close()
        await writer.wait_closed()


def accept_forever(listener: socket.socket) -> Iterator[socket.socket]:
    listener.setblocking(True)
    while True:
        conn, _addr = listener.accept()
        yield conn
