"""Game-replay streaming server, built on uvloop (Linux and macOS only).

uvloop has no Windows build, so this module cannot be imported there: the
descriptor tricks below never see a Windows socket handle.
"""
import asyncio
import logging
import os
import socket
import subprocess

import uvloop

log = logging.getLogger("replayd")

ENCODER = ["ffmpeg", "-loglevel", "error", "-i", "pipe:0", "-f", "mpegts", "pipe:1"]


async def stream_replay(conn: socket.socket, path: str) -> None:
    proc = await asyncio.create_subprocess_exec(*ENCODER, "-ss", "0", stdin=subprocess.DEVNULL, stdout=conn)
    os.set_blocking(conn.fileno(), True)
    await proc.wait()


async def accept_loop(listener: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    while True:
        conn, peer = await loop.sock_accept(listener)
        log.info("viewer %s", peer)
        os.set_inheritable(conn.fileno(), True)
        asyncio.create_task(stream_replay(conn, "latest.dem"))


async def on_admin(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    raw = writer.get_extra_info("socket")
    log.info("admin fd stat %r", os.fstat(raw.fileno()))
    backup = os.dup(raw.fileno())
    try:
        proc = await asyncio.create_subprocess_shell("replayctl --interactive", stdin=raw, stdout=backup)
        await proc.wait()
    finally:
        os.close(backup)
        writer.close()


def dump_to_peer(sock: socket.socket, blob: bytes) -> None:
    view = memoryview(blob)
    while view:
        n = os.write(sock.fileno(), view)
        view = view[n:]


async def main() -> None:
    listener = socket.create_server(("0.0.0.0", 8554))
    listener.setblocking(False)
    admin = await asyncio.start_server(on_admin, "127.0.0.1", 8555)
    async with admin:
        await accept_loop(listener)


if __name__ == "__main__":
    uvloop.install()
    asyncio.run(main())
