import io
import socket

import gateway.backends.tls as tls


def open_stream(host: str, port: int = 443):
    raw = socket.create_connection((host, port))
    secure = tls.wrap(raw, host)
    return io.open(secure.fileno(), "rb", buffering=0)  # error: WSK203
