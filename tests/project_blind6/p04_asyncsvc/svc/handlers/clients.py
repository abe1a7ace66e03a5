"""Callbacks for asyncio.start_server (wired up in svc.app)."""

from __future__ import annotations

import asyncio
import logging
import os

log = logging.getLogger(__name__)


async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    os.set_blocking(sock.fileno(), False)  # error: WSK205
    peer = writer.get_extra_info("peername")
    log.info("client %s", peer)
    while data := await reader.read(1024):
        writer.write(data)
        await writer.drain()
    writer.close()


async def on_admin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    sock.setblocking(False)
    writer.write(b"ok\n")
    await writer.drain()
    writer.close()
