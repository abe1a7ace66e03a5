"""asyncio front door for the kiosk controller.

Three listeners share one event loop:
  * 7001  line protocol (streams API)
  * 7002  mirror protocol (Protocol/transport API)
  * 7003  banner port (low-level sock_accept)
"""
import asyncio
import msvcrt
import os
import socket
from typing import AsyncIterator

BANNER = b"kiosk-controller 2.4 ready\r\n"


async def handle_line_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    raw = writer.get_extra_info("socket")
    # children spawned by command handlers must not keep the client open
    os.set_inheritable(raw.fileno(), False)  # error: WSK205
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


class MirrorProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport = None
        self._sock = None
        self._spooled = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self._sock = transport.get_extra_info("socket")

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, self._spool, data)

    def _spool(self, data: bytes) -> None:
        # the spooler DLL wants an OS handle identifying the session
        session = msvcrt.get_osfhandle(self._sock.fileno())  # error: WSK204
        with open(f"C:\\kiosk\\spool\\{session:x}.bin", "ab") as out:
            out.write(data)
        self._spooled += len(data)


async def accepted(listener: socket.socket) -> AsyncIterator[socket.socket]:
    loop = asyncio.get_running_loop()
    while True:
        conn, _addr = await loop.sock_accept(listener)
        yield conn


def _blocking_dump(conn: socket.socket, path: str) -> int:
    with os.fdopen(conn.fileno(), "rb", closefd=False) as stream:  # error: WSK203
        data = stream.read(65536)
    with open(path, "wb") as out:
        return out.write(data)


async def banner_port() -> None:
    listener = socket.create_server(("0.0.0.0", 7003))
    listener.setblocking(False)
    async for conn in accepted(listener):
        os.write(conn.fileno(), BANNER)  # error: WSK201
        await asyncio.to_thread(_blocking_dump, conn, "C:\\kiosk\\last-banner-client.bin")
        conn.close()


async def main() -> None:
    loop = asyncio.get_running_loop()
    lines = await asyncio.start_server(handle_line_client, "0.0.0.0", 7001)
    mirror = await loop.create_server(MirrorProtocol, "0.0.0.0", 7002)
    async with lines, mirror:
        await asyncio.gather(lines.serve_forever(), mirror.serve_forever(), banner_port())


if __name__ == "__main__":
    asyncio.run(main())
