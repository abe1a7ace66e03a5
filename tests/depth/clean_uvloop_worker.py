"""Ingress worker for the Linux edge nodes.

uvloop is a hard dependency of this process (it is never built for Windows),
so descriptor-level tricks on the client sockets are fine here.
"""
import asyncio
import functools
import os
import socket
import sys

import uvloop

FILTER = ["/usr/libexec/ingress-filter", "--strict"]


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    os.set_blocking(sock.fileno(), True)
    proc = await asyncio.create_subprocess_exec(*FILTER, stdin=sock, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    writer.write(out)
    await writer.drain()
    writer.close()


def _splice(fd: int, payload: bytes) -> int:
    return os.write(fd, payload)


async def accept_raw(listener: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    while True:
        conn, _ = await loop.sock_accept(listener)
        await loop.run_in_executor(None, _splice, conn.fileno(), b"EDGE 1\r\n")
        dup = os.dup(conn.fileno())
        write_dup = functools.partial(os.write, dup)
        write_dup(b"mirrored\r\n")
        os.close(dup)
        conn.close()


async def audit(writer: asyncio.StreamWriter) -> None:
    raw = writer.transport.get_extra_info("socket")
    st = os.fstat(raw.fileno())
    print("audit", st.st_mode, file=sys.stderr)


async def main() -> None:
    server = await asyncio.start_server(handle, "0.0.0.0", 8443, reuse_port=True)
    raw = socket.create_server(("0.0.0.0", 8444))
    raw.setblocking(False)
    async with server:
        await asyncio.gather(server.serve_forever(), accept_raw(raw))


if __name__ == "__main__":
    uvloop.install()
    asyncio.run(main())
