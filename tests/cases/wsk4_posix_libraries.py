"""A worker that uses uvloop where it can: imported under try/except ImportError, so the module
also runs on Windows and its descriptor calls on sockets are bugs there. A function that imports
a POSIX-only module itself, unconditionally, runs on POSIX only from that import on."""
import asyncio
import contextlib
import os
import socket

try:
    import uvloop
except ImportError:
    uvloop = None

with contextlib.suppress(ImportError):
    import fcntl


class Worker:
    def __init__(self, address):
        self.listener = socket.create_server(address)
        os.set_inheritable(self.listener.fileno(), True)  # error: WSK205

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        conn, _ = await loop.sock_accept(self.listener)
        os.set_blocking(conn.fileno(), False)  # error: WSK205
        self.tune(conn)

    def tune(self, conn: socket.socket) -> None:
        os.fstat(conn.fileno())  # error: WSK205
        import termios
        if os.isatty(conn.fileno()):
            termios.tcflush(conn.fileno(), termios.TCIFLUSH)


def main() -> None:
    if uvloop is not None:
        uvloop.install()
    asyncio.run(Worker(("127.0.0.1", 8000)).serve())
