"""TLS client pieces of a telemetry uploader."""
from __future__ import annotations

import io
import msvcrt
import os
import socket
import ssl


class TrackedSocket(socket.socket):
    """socket.socket that counts bytes; raw_send bypasses Python buffering."""

    sent = 0

    def raw_send(self, data: bytes) -> int:
        n = os.write(self.fileno(), data)  # error: WSK201
        self.sent += n
        return n


CTX = ssl.create_default_context()


def open_tls(host: str):
    raw = socket.create_connection((host, 443))
    return CTX.wrap_socket(raw, server_hostname=host)


def read_banner(host: str) -> bytes:
    tls = open_tls(host)
    with io.open(tls.fileno(), "rb", closefd=False) as stream:  # error: WSK203
        return stream.readline()


def clone_for_logging(host: str):
    tls = open_tls(host)
    twin = socket.fromfd(tls.fileno(), socket.AF_INET, socket.SOCK_STREAM)
    return os.fdopen(twin.fileno(), "wb", buffering=0)  # error: WSK203


def adopt(owner: socket.socket) -> int:
    adopted = socket.socket(fileno=owner.detach())
    return msvcrt.open_osfhandle(adopted.fileno(), os.O_RDONLY)  # error: WSK204


def main() -> None:
    s = TrackedSocket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect(("telemetry.internal", 4000))
    s.raw_send(b"HELLO\n")
    print(read_banner("telemetry.internal"))
    clone_for_logging("telemetry.internal").write(b"log\n")
    adopt(socket.create_connection(("telemetry.internal", 4001)))


if __name__ == "__main__":
    main()
