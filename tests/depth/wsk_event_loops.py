"""Session mirroring for the ``tapline`` debugging proxy.

Runs on the developers' Windows laptops (proactor loop) and, as a fallback,
on a plain ``selectors`` loop.
"""
from __future__ import annotations

import asyncio
import logging
import os
import selectors
import socket
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger("tapline.mirror")

CAPTURE_CMD = "tapline-capture --format pcapng --stdin-raw"
_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mirror")


def _mirror_blocking(fd: int, path: str) -> int:
    total = 0
    with open(path, "ab") as out:
        while chunk := os.read(fd, 65536):  # error: WSK201
            out.write(chunk)
            total += len(chunk)
    return total


class MirrorProtocol(asyncio.Protocol):
    def __init__(self, capture_path: str) -> None:
        self.capture_path = capture_path
        self.transport = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        sock = transport.get_extra_info("socket")
        loop = asyncio.get_running_loop()
        loop.run_in_executor(_pool, _mirror_blocking, sock.fileno(), self.capture_path)

    def data_received(self, data: bytes) -> None:
        log.debug("%d bytes from client", len(data))

    def connection_lost(self, exc) -> None:
        log.info("mirror closed: %s", exc)


async def mirror_main(port: int, capture_path: str) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: MirrorProtocol(capture_path), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


async def handle_capture(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    proc = await asyncio.create_subprocess_shell(CAPTURE_CMD, stdout=sock)  # error: WSK301
    await proc.wait()
    writer.close()
    await writer.wait_closed()


async def capture_main(port: int = 9300) -> None:
    server = await asyncio.start_server(handle_capture, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def select_loop(listener: socket.socket) -> None:
    """Fallback loop for hosts where the proactor is disabled."""
    sel = selectors.DefaultSelector()
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ, data="accept")
    while True:
        for key, _mask in sel.select(timeout=1.0):
            if key.data == "accept":
                conn, _ = listener.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data="peer")
                continue
            peer: socket.socket = key.fileobj
            try:
                data = os.read(peer.fileno(), 4096)  # error: WSK201
            except BlockingIOError:
                continue
            if not data:
                sel.unregister(peer)
                peer.close()
            else:
                peer.sendall(data)
