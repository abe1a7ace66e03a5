"""TLS tunnel client for the remote-support agent.

Opens a TLS session to the support relay and then either pipes a local
console through it or uploads diagnostics.
"""
import io
import os
import socket
import ssl
import sys
from typing import Iterable

RELAY = ("support-relay.example.net", 4433)
CA_BUNDLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "relay-ca.pem")


def open_tunnel(host: str = RELAY[0], port: int = RELAY[1]):
    raw = socket.create_connection((host, port), timeout=15)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(CA_BUNDLE)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx.wrap_socket(raw, server_hostname=host)


def session_reader():
    tls = open_tunnel()
    # BufferedReader over the raw descriptor: the relay sends length-prefixed frames
    return io.open(tls.fileno(), "rb", closefd=False)  # error: WSK203


def upload(tls: ssl.SSLSocket, chunks: Iterable[bytes]) -> int:
    batch = []
    sent = 0
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == 16:
            sent += os.writev(tls.fileno(), batch)  # error: WSK201
            batch.clear()
    if batch:
        tls.sendall(b"".join(batch))
        sent += sum(map(len, batch))
    return sent


def legacy_console(host: str, port: int) -> None:
    """Kept for the 2015 relay, which only speaks TLS 1.0 with no SNI."""
    plain = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    plain.connect((host, port))
    legacy = ssl.wrap_socket(plain, ssl_version=ssl.PROTOCOL_TLSv1)
    sys.stdout.flush()
    os.dup2(legacy.fileno(), sys.stdout.fileno())  # error: WSK202
    print("console attached")


if __name__ == "__main__":
    with session_reader() as frames:
        header = frames.read(4)
        print(int.from_bytes(header, "big"))
