"""Base transport: owns one connected TCP socket."""
import socket


class BaseTransport:
    default_timeout = 10.0

    def __init__(self, address: tuple[str, int]) -> None:
        self.address = address
        self._sock = socket.create_connection(address, timeout=self.default_timeout)
        self._closed = False

    @property
    def handle(self) -> int:
        """The OS handle of the connection."""
        return self._sock.fileno()

    def fileno(self) -> int:
        return self._sock.fileno()

    def send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def recv(self, size: int = 65536) -> bytes:
        return self._sock.recv(size)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
