"""asyncio gateway in front of legacy command-line filters.

Two listeners:

* the "stream" port uses asyncio streams and forwards each line to a filter
  process started with create_subprocess_exec;
* the "raw" port is a low-level sock_accept loop for the binary protocol,
  whose blocking decoder runs in the default executor.
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
from collections.abc import AsyncIterator

log = logging.getLogger("gateway")
FILTER_CMD = [sys.executable, "-m", "legacy_filter", "--stdin"]
AUDIT_FDS: list[int] = []


async def handle_stream(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    peer = writer.get_extra_info("peername")
    log.info("stream client %s", peer)
    # the audit thread keeps its own reference to the connection
    AUDIT_FDS.append(os.dup(sock.fileno()))  # error: WSK202
    proc = await asyncio.create_subprocess_exec(
        *FILTER_CMD, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    async for line in reader:
        proc.stdin.write(line)
        await proc.stdin.drain()
        writer.write(await proc.stdout.readline())
        await writer.drain()
    proc.stdin.close()
    await proc.wait()
    writer.close()
    await writer.wait_closed()


async def _accepted(loop: asyncio.AbstractEventLoop, listener: socket.socket) -> AsyncIterator[tuple[socket.socket, tuple]]:
    while True:
        conn, addr = await loop.sock_accept(listener)
        yield conn, addr


def _decode_blocking(fd: int, size: int) -> bytes:
    header = os.read(fd, size)  # error: WSK201
    return header[::-1]


async def raw_gateway(port: int) -> None:
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("0.0.0.0", port))
    listener.setblocking(False)
    async for conn, addr in _accepted(loop, listener):
        log.info("raw client %s", addr)
        conn.setblocking(True)
        async with asyncio.timeout(30):
            decoded = await loop.run_in_executor(None, _decode_blocking, conn.fileno(), 512)
        if decoded.startswith(b"PASS"):
            # hand the rest of the session straight to the filter
            await asyncio.create_subprocess_exec(*FILTER_CMD, stdin=conn)  # error: WSK301
        else:
            await loop.sock_sendall(conn, decoded)
        conn.close()


async def main(stream_port: int = 9000, raw_port: int = 9001) -> None:
    server = await asyncio.start_server(handle_stream, "0.0.0.0", stream_port)
    async with server:
        if sys.platform != "win32":
            for lsock in server.sockets:
                os.set_inheritable(lsock.fileno(), False)
        await asyncio.gather(server.serve_forever(), raw_gateway(raw_port))


if __name__ == "__main__":
    asyncio.run(main())
