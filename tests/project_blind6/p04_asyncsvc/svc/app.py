"""Service entry point."""

from __future__ import annotations

import asyncio
import msvcrt
import os
import subprocess
import sys

import svc.core.net.listeners as lst
from svc.core.net import accept_forever, session
from svc.handlers import clients


def os_handle_of_listener(port: int) -> int:
    srv = lst.make_listener(port)
    return msvcrt.get_osfhandle(srv.fileno())  # error: WSK204


async def probe(host: str, port: int) -> bytes:
    async with session(host, port) as s:
        return os.read(s.fileno(), 1024)  # error: WSK201


def announce() -> None:
    ctl = lst.control_socket()
    ctl.send(b"up")
    with open(ctl.fileno(), "wb", buffering=0, closefd=False) as out:  # error: WSK203
        out.write(b"ping")


def spawn_workers(port: int) -> None:
    srv = lst.make_listener(port)
    for conn in accept_forever(srv):
        subprocess.Popen([sys.executable, "-m", "svc.worker"], stdin=conn)  # error: WSK301
        conn.close()


def spawn_worker_shared(port: int) -> None:
    srv = lst.make_listener(port)
    for conn in accept_forever(srv):
        proc = subprocess.Popen([sys.executable, "-m", "svc.worker"], stdin=subprocess.PIPE)
        proc.stdin.write(conn.share(proc.pid))
        proc.stdin.close()
        conn.close()


async def main(port: int = 8080) -> None:
    srv = await asyncio.start_server(clients.on_client, "0.0.0.0", port)
    admin = await asyncio.start_server(clients.on_admin, "127.0.0.1", port + 1)
    async with srv, admin:
        await asyncio.gather(srv.serve_forever(), admin.serve_forever())


if __name__ == "__main__":
    asyncio.run(main())
