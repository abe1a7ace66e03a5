"""asyncio front end of a file relay: stream server, raw accept loop and
a protocol-based relay."""
from __future__ import annotations

import asyncio
import os
import socket


class PeerContext:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def __aenter__(self):
        return self.writer.get_extra_info("socket")

    async def __aexit__(self, *exc_info) -> None:
        self.writer.close()
        await self.writer.wait_closed()


class Acceptor:
    def __init__(self, listener: socket.socket) -> None:
        self._listener = listener
        self._loop = asyncio.get_running_loop()

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            conn, _ = await self._loop.sock_accept(self._listener)
        except OSError:
            raise StopAsyncIteration
        return conn


async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    async with PeerContext(reader, writer) as raw:
        os.set_inheritable(raw.fileno(), False)  # error: WSK205
        data = await reader.read(1024)
        writer.write(data)
        await writer.drain()


async def raw_loop(listener: socket.socket) -> None:
    listener.setblocking(False)
    spares: list[int] = []
    async for conn in Acceptor(listener):
        handle = conn.detach()
        spares.append(os.dup(handle))  # error: WSK202
        adopted = socket.socket(fileno=handle)
        adopted.sendall(b"relay ready\n")
        adopted.close()


class RelayProtocol(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        sock = transport.get_extra_info("socket")
        self.fd = sock.fileno()

    def data_received(self, data: bytes) -> None:
        os.write(self.fd, data.upper())  # error: WSK201


async def main() -> None:
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(on_client, "0.0.0.0", 8800)
    relay = await loop.create_server(RelayProtocol, "0.0.0.0", 8801)
    listener = socket.create_server(("0.0.0.0", 8802))
    async with server, relay:
        await raw_loop(listener)


if __name__ == "__main__":
    asyncio.run(main())
