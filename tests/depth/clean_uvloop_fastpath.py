"""uvloop fast path for the edge cache (Linux/macOS deployments only).

Imported by `edgecache.server` when the uvloop extra is installed; the
Windows build never ships this module (uvloop has no Windows support).
Uses descriptor-level calls freely because every target is POSIX.
"""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess

import uvloop

CACHE_DIR = "/var/cache/edgecache"


async def serve_cached(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    key = (await reader.readline()).strip().decode()
    path = os.path.join(CACHE_DIR, key.replace("/", "_"))
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        writer.write(b"MISS\n")
        await writer.drain()
        writer.close()
        return
    try:
        size = os.fstat(fd).st_size
        writer.write(b"HIT %d\n" % size)
        await writer.drain()
        # zero-copy: the descriptor is a real fd on every supported platform
        raw = os.dup(sock.fileno())
        try:
            os.set_blocking(raw, True)
            os.sendfile(raw, fd, 0, size)
        finally:
            os.close(raw)
    finally:
        os.close(fd)
    writer.close()


async def compress_stream(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    proc = subprocess.Popen(["zstd", "-c", "-"], stdin=subprocess.PIPE, stdout=sock.fileno())
    assert proc.stdin is not None
    while chunk := await reader.read(65536):
        proc.stdin.write(chunk)
    proc.stdin.close()
    await asyncio.get_running_loop().run_in_executor(None, proc.wait)
    writer.close()


def _warm_listener(port: int) -> socket.socket:
    lsock = socket.create_server(("0.0.0.0", port), reuse_port=True)
    os.set_inheritable(lsock.fileno(), True)
    return lsock


async def main(port: int = 8088, zport: int = 8089) -> None:
    lsock = _warm_listener(port)
    server = await asyncio.start_server(serve_cached, sock=lsock)
    zserver = await asyncio.start_server(compress_stream, "0.0.0.0", zport)
    async with server, zserver:
        await asyncio.gather(server.serve_forever(), zserver.serve_forever())


def run() -> None:
    uvloop.install()
    asyncio.run(main())
