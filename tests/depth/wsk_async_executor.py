"""asyncio front end for a blocking legacy codec.

The codec library only understands OS-level descriptors, so the original
author handed it raw handles from the event loop's sockets.
"""
import asyncio
import functools
import logging
import os
import socket

log = logging.getLogger("codec.gateway")


def blocking_relay(conn, payload):
    """Runs in the default executor."""
    os.write(conn.fileno(), payload)  # error: WSK201


def encode(data: bytes) -> bytes:
    return data.upper()


class GatewayProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        raw = transport.get_extra_info("socket")
        os.set_blocking(raw.fileno(), False)  # error: WSK205
        self.peer = transport.get_extra_info("peername")
        log.info("gateway client %s", self.peer)

    def data_received(self, data):
        self.transport.write(encode(data))

    def connection_lost(self, exc):
        log.info("client %s gone (%s)", self.peer, exc)


async def handle_client(loop, conn):
    writer = functools.partial(os.write, conn.fileno())  # error: WSK201
    reader = lambda n: os.read(conn.fileno(), n)  # error: WSK201
    try:
        while True:
            chunk = await loop.run_in_executor(None, reader, 4096)
            if not chunk:
                break
            await loop.run_in_executor(None, writer, encode(chunk))
    finally:
        conn.close()


async def accept_loop(port):
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(32)
    listener.setblocking(False)
    while True:
        conn, addr = await loop.sock_accept(listener)
        log.debug("accepted %s", addr)
        await loop.run_in_executor(None, blocking_relay, conn, b"HELLO\n")
        loop.create_task(handle_client(loop, conn))


async def pipe_echo(loop, path):
    """Debug helper: the same codec over a FIFO-like file, not a socket."""
    fd = os.open(path, os.O_RDWR)
    writer = functools.partial(os.write, fd)
    try:
        data = await loop.run_in_executor(None, os.read, fd, 4096)
        await loop.run_in_executor(None, writer, encode(data))
    finally:
        os.close(fd)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(GatewayProtocol, "127.0.0.1", 9401)
    async with server:
        await asyncio.gather(server.serve_forever(), accept_loop(9402))


if __name__ == "__main__":
    asyncio.run(main())
