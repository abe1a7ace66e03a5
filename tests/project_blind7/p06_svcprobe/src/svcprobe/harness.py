from __future__ import annotations

import socket
import threading

from . import winio
from .net import accept_loop


class EchoServer(threading.Thread):
    """Echoes the first chunk of every connection, then closes it."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, win32_raw: bool = False) -> None:
        super().__init__(daemon=True)
        self.sock = socket.create_server((host, port))
        self.address = self.sock.getsockname()[:2]
        self.win32_raw = win32_raw
        self._stopping = threading.Event()

    def run(self) -> None:
        for conn in accept_loop(self.sock):
            if self._stopping.is_set():
                conn.close()
                return
            with conn:
                data = conn.recv(65536)
                if self.win32_raw:
                    winio.write_handle(conn.fileno(), data)  # error: WSK102
                else:
                    conn.sendall(data)

    def stop(self) -> None:
        self._stopping.set()
        try:
            socket.create_connection(self.address, timeout=1).close()
        except OSError:
            pass
        self.sock.close()

    def __enter__(self) -> "EchoServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class LineClient:
    def __init__(self, address, timeout: float = 5.0) -> None:
        self.sock = socket.create_connection(address, timeout=timeout)
        self._rfile = self.sock.makefile("rb")

    def request(self, line: bytes) -> bytes:
        self.sock.sendall(line.rstrip(b"\n") + b"\n")
        return self._rfile.readline()

    def close(self) -> None:
        self._rfile.close()
        self.sock.close()
