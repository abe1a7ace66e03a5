"""Windows transport tweaks for the ``hermes`` asyncio application server.

Installed as the ``hermes.transports`` plugin; the core calls
:func:`install` once the event loop exists.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys

if sys.platform == "win32":
    import _overlapped
    import msvcrt
    import win32file

log = logging.getLogger("hermes.transports")

STATIC_THRESHOLD = 256 * 1024
_PREFER_WSA = False  # flipped by the benchmark suite


class HermesProtocol(asyncio.Protocol):
    """HTTP/1.1 protocol with a large-response fast path."""

    def __init__(self, app) -> None:
        self.app = app
        self.transport: asyncio.Transport | None = None
        self._handle = None
        self._buffer = bytearray()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._handle = sock.fileno()

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while b"\r\n\r\n" in self._buffer:
            head, _, rest = bytes(self._buffer).partition(b"\r\n\r\n")
            self._buffer = bytearray(rest)
            self.app.dispatch(self, head)

    def send_body(self, body: bytes) -> None:
        if len(body) >= STATIC_THRESHOLD and sys.platform == "win32" and self._handle is not None:
            # skip the transport's write buffer for big static files
            win32file.WriteFile(self._handle, body)  # error: WSK102
            return
        assert self.transport is not None
        self.transport.write(body)

    def connection_lost(self, exc: Exception | None) -> None:
        self._handle = None
        self.app.forget(self)


async def handle_stream(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    peer = writer.get_extra_info("peername")
    if sys.platform == "win32":
        log.debug("client %s on OS handle %#x", peer, msvcrt.get_osfhandle(sock.fileno()))  # error: WSK204
    try:
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def _echo(loop: asyncio.AbstractEventLoop, conn: socket.socket) -> None:
    with conn:
        while data := await loop.sock_recv(conn, 65536):
            await loop.sock_sendall(conn, data)


async def raw_accept_loop(
    loop: asyncio.AbstractEventLoop, listener: socket.socket, use_iocp: bool = False
) -> None:
    listener.setblocking(False)
    while True:
        conn, addr = await loop.sock_accept(listener)
        log.debug("raw connection from %s", addr)
        if use_iocp and sys.platform == "win32":
            ov = _overlapped.Overlapped(0)
            if _PREFER_WSA:
                ov.WSARecv(conn.fileno(), 65536, 0)
            else:
                ov.ReadFile(conn.fileno(), 65536)  # error: WSK101
            loop.create_task(_finish_iocp(ov, conn))
        else:
            loop.create_task(_echo(loop, conn))


async def _finish_iocp(ov, conn: socket.socket) -> None:
    while ov.pending:
        await asyncio.sleep(0.001)
    data = ov.getresult()
    conn.sendall(data)
    conn.close()


def install(app, loop: asyncio.AbstractEventLoop) -> None:
    if sys.platform == "win32" and not isinstance(loop, asyncio.ProactorEventLoop):
        log.warning("hermes: the IOCP fast path needs the proactor event loop")
    app.protocol_factory = lambda: HermesProtocol(app)
