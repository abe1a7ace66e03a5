"""Asyncio front door for the plugin host.

Each TCP client gets its own worker process; admin connections are handled
inline.  Runs on the default (Proactor) loop on Windows.
"""
import asyncio
import logging
import os
import socket
import sys

log = logging.getLogger("gateway")
WORKER = [sys.executable, "-m", "plugin_host.worker"]


async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    peer = writer.get_extra_info("peername")
    sock = writer.get_extra_info("socket")
    log.info("client %s", peer)
    # let the worker read requests directly from the connection
    proc = await asyncio.create_subprocess_exec(*WORKER, stdin=sock, stdout=asyncio.subprocess.PIPE)  # error: WSK301
    out, _ = await proc.communicate()
    writer.write(out)
    await writer.drain()
    writer.close()


async def on_admin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    raw = writer.transport.get_extra_info("socket")
    if sys.platform != "win32":
        os.set_inheritable(raw.fileno(), False)
    os.set_blocking(raw.fileno(), True)  # error: WSK205
    line = await reader.readline()
    writer.write(b"ok " + line)
    await writer.drain()


def _drain(fd: int) -> bytes:
    return os.read(fd, 65536)  # error: WSK201


class RelayProtocol(asyncio.SubprocessProtocol):
    def __init__(self) -> None:
        self.done = asyncio.get_running_loop().create_future()

    def process_exited(self) -> None:
        self.done.set_result(None)


async def spawn_for(conn, argv):
    loop = asyncio.get_running_loop()
    transport, proto = await loop.subprocess_exec(RelayProtocol, *argv, stdout=conn)  # error: WSK301
    await proto.done
    transport.close()


async def accept_loop(listener: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    listener.setblocking(False)
    while True:
        conn, addr = await loop.sock_accept(listener)
        hello = await loop.run_in_executor(None, _drain, conn.fileno())
        if hello.startswith(b"SPAWN"):
            await spawn_for(conn, WORKER)
        else:
            await loop.sock_sendall(conn, b"unknown\r\n")
        conn.close()


async def main() -> None:
    clients = await asyncio.start_server(on_client, "0.0.0.0", 7400)
    admin = await asyncio.start_server(on_admin, "127.0.0.1", 7401)
    raw = socket.create_server(("0.0.0.0", 7402))
    async with clients, admin:
        await asyncio.gather(clients.serve_forever(), admin.serve_forever(), accept_loop(raw))


if __name__ == "__main__":
    asyncio.run(main())
