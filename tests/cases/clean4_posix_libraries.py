"""An asyncio worker that runs on uvloop only: uvloop does not support Windows, and the module
imports it unconditionally, so its descriptor calls on sockets never meet a Windows handle."""
import asyncio
import os
import socket
import subprocess

import uvloop


class Worker:
    def __init__(self, address):
        self.listener = socket.create_server(address)
        os.set_inheritable(self.listener.fileno(), True)

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            conn, _ = await loop.sock_accept(self.listener)
            os.set_blocking(conn.fileno(), False)
            subprocess.Popen(["handler"], stdin=conn, stdout=conn, pass_fds=(conn.fileno(),))
            os.close(conn.detach())


def main() -> None:
    uvloop.install()
    asyncio.run(Worker(("127.0.0.1", 8000)).serve())
