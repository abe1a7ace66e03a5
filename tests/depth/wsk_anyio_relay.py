"""anyio relay that hands accepted clients to a legacy command-line filter.

Runs on asyncio or trio; the filter binary reads stdin and writes stdout.
"""
from __future__ import annotations

import logging
import os
import subprocess

import anyio
from anyio.abc import SocketAttribute, SocketStream

log = logging.getLogger("anyio_relay")

FILTER_CMD = ["filterd.exe", "--stdio"]


def greet(raw_sock) -> None:
    os.write(raw_sock.fileno(), b"relay ready\r\n")  # error: WSK201


def attach_filter(raw_sock) -> subprocess.Popen:
    """Let the filter talk straight to the client."""
    return subprocess.Popen(FILTER_CMD, stdin=raw_sock, stdout=raw_sock)  # error: WSK301


async def filter_via_pipes(client: SocketStream) -> None:
    """Safe variant: pipes between the filter and the client stream."""
    proc = await anyio.open_process(FILTER_CMD)
    async with proc:
        async with anyio.create_task_group() as tg:

            async def upstream() -> None:
                async for chunk in client:
                    await proc.stdin.send(chunk)
                await proc.stdin.aclose()

            tg.start_soon(upstream)
            async for chunk in proc.stdout:
                await client.send(chunk)


async def handle(client: SocketStream) -> None:
    raw = client.extra(SocketAttribute.raw_socket)
    peer = client.extra(SocketAttribute.remote_address)
    log.info("client %s", peer)
    greet(raw)
    mode = await client.receive(16)
    if mode.strip() == b"direct":
        proc = attach_filter(raw)
        await anyio.to_thread.run_sync(proc.wait)
    else:
        await filter_via_pipes(client)
    await client.aclose()


async def outbound_check(host: str, port: int) -> bool:
    async with await anyio.connect_tcp(host, port) as stream:
        sock = stream.extra(SocketAttribute.raw_socket)
        blocking = os.get_blocking(sock.fileno())  # error: WSK205
        log.debug("outbound socket blocking=%s", blocking)
        await stream.send(b"PING\n")
        return (await stream.receive(5)) == b"PONG\n"


async def main(port: int = 7007) -> None:
    listener = await anyio.create_tcp_listener(local_port=port)
    await listener.serve(handle)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    anyio.run(main)
