"""Mutual-TLS tunnel endpoint for the metrics sidecar.

Accepts TLS connections from agents and forwards decrypted lines to a
local statsd socket.
"""
from __future__ import annotations

import logging
import os
import socket
import ssl
import threading
from typing import Optional

log = logging.getLogger("sidecar.tls")


def server_context(cert: str, key: str, ca: str) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.load_verify_locations(ca)
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


class Forwarder:
    def __init__(self, statsd=("127.0.0.1", 8125)):
        self.statsd = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.statsd.connect(statsd)

    def forward(self, line: bytes) -> None:
        self.statsd.send(line)


def audit_peer(tls: ssl.SSLSocket) -> Optional[dict]:
    cert = tls.getpeercert()
    if not cert:
        return None
    log.info("agent %s", dict(x[0] for x in cert["subject"]))
    return cert


def raw_log_tap(tls: ssl.SSLSocket, path: str):
    """Debug tap that mirrors the socket stream into a file object."""
    tap = open(tls.fileno(), "rb", buffering=0, closefd=False)  # error: WSK203
    out = open(path, "ab")
    return tap, out


def agent_session(tls: ssl.SSLSocket, fwd: Forwarder) -> None:
    audit_peer(tls)
    with tls, tls.makefile("rb") as reader:
        for line in reader:
            fwd.forward(line.rstrip(b"\n"))


def serve(port: int, ctx: ssl.SSLContext, fwd: Forwarder) -> None:
    listener = socket.create_server(("0.0.0.0", port))
    while True:
        raw, addr = listener.accept()
        try:
            tls = ctx.wrap_socket(raw, server_side=True)
        except ssl.SSLError as exc:
            log.warning("handshake with %s failed: %s", addr[0], exc)
            raw.close()
            continue
        os.set_inheritable(tls.fileno(), False)  # error: WSK205
        threading.Thread(target=agent_session, args=(tls, fwd), daemon=True).start()


def client_hello(host: str, port: int, ca: str) -> None:
    ctx = ssl.create_default_context(cafile=ca)
    with socket.create_connection((host, port)) as raw:
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            os.write(tls.fileno(), b"hello\n")  # error: WSK201
            log.info("server says %r", tls.recv(64))


def legacy_wrap(sock_obj):
    """Kept for the py2-era agents; ``sock_obj`` is whatever they hand us."""
    wrapped = ssl.wrap_socket(sock_obj) if hasattr(ssl, "wrap_socket") else sock_obj
    return wrapped
