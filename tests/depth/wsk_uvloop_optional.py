"""Chat bridge that prefers uvloop but runs on the stock event loop too.

uvloop is optional here (it is imported inside try/except ImportError), so
this module also runs on Windows with the proactor loop.
"""
import asyncio
import logging
import os
import socket

try:
    import uvloop
except ImportError:  # Windows, PyPy
    uvloop = None

log = logging.getLogger("chatbridge")


async def relay_to_archiver(conn: socket.socket) -> None:
    proc = await asyncio.create_subprocess_exec("chat-archiver", "--stdin", stdin=conn)  # error: WSK301
    await proc.wait()


async def accept_loop(listener: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    while True:
        conn, peer = await loop.sock_accept(listener)
        log.info("member %s", peer)
        os.set_inheritable(conn.fileno(), False)  # error: WSK205
        asyncio.create_task(relay_to_archiver(conn))


async def on_bot(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    raw = writer.get_extra_info("socket")
    spare = os.dup(raw.fileno())  # error: WSK202
    log.info("bot connected, spare handle %d", spare)
    try:
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
    finally:
        writer.close()


def broadcast_sync(members: list[socket.socket], data: bytes) -> None:
    for member in members:
        os.write(member.fileno(), data)  # error: WSK201


async def main() -> None:
    listener = socket.create_server(("0.0.0.0", 6667))
    listener.setblocking(False)
    bots = await asyncio.start_server(on_bot, "127.0.0.1", 6668)
    async with bots:
        await accept_loop(listener)


if __name__ == "__main__":
    if uvloop is not None:
        uvloop.install()
    asyncio.run(main())
