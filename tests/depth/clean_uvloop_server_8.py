"""High-throughput ingest server for ``sluice`` (Linux only; built on uvloop)."""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess

import uvloop

log = logging.getLogger("sluice.ingest")

DECODER = ["sluice-decode", "--format", "ndjson"]


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    os.set_inheritable(sock.fileno(), True)
    proc = await asyncio.create_subprocess_exec(*DECODER, stdin=sock, close_fds=False)
    await proc.wait()
    writer.close()
    await writer.wait_closed()


def sendfile_fast(conn: socket.socket, path: str) -> int:
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        return os.sendfile(conn.fileno(), fh.fileno(), 0, size)


def raw_ack(conn: socket.socket, seq: int) -> None:
    os.write(conn.fileno(), seq.to_bytes(8, "big"))


def archive_worker(port: int) -> None:
    listener = socket.create_server(("", port), reuse_port=True)
    while True:
        conn, _ = listener.accept()
        with conn:
            os.set_blocking(conn.fileno(), True)
            subprocess.run(["sluice-archive"], stdin=conn, check=False)
            raw_ack(conn, 0)


async def main(port: int = 7700) -> None:
    server = await asyncio.start_server(handle, "0.0.0.0", port, reuse_port=True)
    log.info("listening on %s", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    uvloop.install()
    asyncio.run(main())
