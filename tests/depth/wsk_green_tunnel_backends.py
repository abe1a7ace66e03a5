"""Pluggable concurrency backends for `sshuttle-lite`'s TCP tunnel.

Each backend pumps bytes between a local client and the upstream.  The
backends are imported lazily so that only the selected library needs to be
installed.  All of them reuse the same chunked copy helper.
"""
from __future__ import annotations

import os
from typing import Callable

CHUNK = 32 * 1024
BACKENDS: dict[str, Callable[[str, int, int], None]] = {}


def backend(name: str):
    def register(fn):
        BACKENDS[name] = fn
        return fn
    return register


def _copy(src_read: Callable[[int], bytes], dst_write: Callable[[bytes], object]) -> int:
    total = 0
    while chunk := src_read(CHUNK):
        dst_write(chunk)
        total += len(chunk)
    return total


@backend("gevent")
def gevent_tunnel(host: str, port: int, listen_port: int) -> None:
    import gevent
    from gevent import socket as gsocket
    from gevent.server import StreamServer

    def handle(client, _addr) -> None:
        upstream = gsocket.create_connection((host, port))
        # the first upstream bytes are a handshake we only peek at
        hello = os.read(upstream.fileno(), 64)  # error: WSK201
        client.sendall(hello)
        gevent.joinall([
            gevent.spawn(_pipe, client, upstream),
            gevent.spawn(_pipe, upstream, client),
        ])

    def _pipe(a, b) -> None:
        while data := a.recv(CHUNK):
            b.sendall(data)

    StreamServer(("0.0.0.0", listen_port), handle).serve_forever()


@backend("eventlet")
def eventlet_tunnel(host: str, port: int, listen_port: int) -> None:
    import eventlet
    from eventlet.green import socket as esocket

    listener = esocket.socket(esocket.AF_INET, esocket.SOCK_STREAM)
    listener.setsockopt(esocket.SOL_SOCKET, esocket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", listen_port))
    listener.listen(50)
    pool = eventlet.GreenPool(256)
    while True:
        client, _addr = listener.accept()
        upstream = esocket.socket(esocket.AF_INET, esocket.SOCK_STREAM)
        upstream.connect((host, port))
        up_file = os.fdopen(upstream.fileno(), "wb", buffering=0, closefd=False)  # error: WSK203
        pool.spawn_n(_copy, client.recv, up_file.write)
        pool.spawn_n(_relay_back, upstream, client)


def _relay_back(upstream, client) -> None:
    while data := upstream.recv(CHUNK):
        client.sendall(data)
    client.close()


@backend("curio")
def curio_tunnel(host: str, port: int, listen_port: int) -> None:
    import curio
    from curio import socket as csocket

    async def handle(client, _addr) -> None:
        upstream = csocket.socket(csocket.AF_INET, csocket.SOCK_STREAM)
        await upstream.connect((host, port))
        # keep a second descriptor for the byte counter task
        counter_fd = os.dup(upstream.fileno())  # error: WSK202
        async with upstream:
            await curio.spawn(_count, counter_fd, daemon=True)
            while data := await client.recv(CHUNK):
                await upstream.sendall(data)

    async def _count(fd: int) -> None:
        await curio.sleep(0)

    curio.run(curio.tcp_server, "0.0.0.0", listen_port, handle)


def main(argv: list[str]) -> None:
    name, host, port, listen = argv[0], argv[1], int(argv[2]), int(argv[3])
    BACKENDS[name](host, port, listen)
