from __future__ import annotations

import asyncio
import subprocess

from .conn import dialed, incoming
from .fdtools import bridge_stdin


async def attach(address, argv):
    with dialed(address) as s:
        proc = await asyncio.create_subprocess_exec(*argv, stdin=s, stdout=asyncio.subprocess.PIPE)  # error: WSK301
        out, _ = await proc.communicate()
        return out


def serve(host, port, argv):
    for conn in incoming(host, port):
        subprocess.Popen(argv, stdout=conn.fileno(), close_fds=True)  # error: WSK301
        conn.close()


def become_child(address, argv):
    with dialed(address) as s:
        bridge_stdin(upstream=s, keep=True)
        subprocess.run(argv, check=False)
