"""Metrics sidecar: a scrape port for the collector and a push link upstream.

The socket tweaks are one-liners behind platform constants, the way the C
version of this sidecar wrote them with #ifdef.  Some of those constants are
platform tests and some are not; only the former keep a line off Windows.
"""
import logging
import os
import socket
import sys
import time

log = logging.getLogger("sidecar.net")

IS_LINUX = sys.platform.startswith("linux")
IS_WINDOWS = sys.platform == "win32"
IS_POSIX = os.name == "posix"
DEBUG_FDS = bool(os.environ.get("SIDECAR_DEBUG_FDS"))
PUSH_INTERVAL = float(os.environ.get("SIDECAR_PUSH_INTERVAL", "10"))


def open_scrape_listener(port: int) -> socket.socket:
    srv = socket.create_server(("0.0.0.0", port), reuse_port=IS_LINUX)
    # keep the listener out of the exporters we spawn
    IS_LINUX and os.set_inheritable(srv.fileno(), False)
    sys.platform == "linux" and log.debug("listener stat: %r", os.fstat(srv.fileno()))
    IS_WINDOWS or os.set_blocking(srv.fileno(), False)
    IS_LINUX and DEBUG_FDS and log.debug("blocking=%s", os.get_blocking(srv.fileno()))
    return srv


def open_upstream(host: str, port: int) -> socket.socket:
    up = socket.create_connection((host, port), timeout=5)
    # the Windows service wrapper hands the link to its restart helper
    IS_WINDOWS and os.set_inheritable(up.fileno(), True)  # error: WSK205
    DEBUG_FDS and log.debug("upstream stat: %r", os.fstat(up.fileno()))  # error: WSK205
    return up


def send_hello(up: socket.socket, node: str) -> None:
    payload = f"HELLO {node}\n".encode()
    # Linux gets MSG_NOSIGNAL through sendall; everyone else writes directly
    IS_LINUX and up.sendall(payload)
    not IS_LINUX and os.write(up.fileno(), payload)  # error: WSK201


def make_upstream_blocking(up: socket.socket) -> None:
    sys.platform != "win32" or os.set_blocking(up.fileno(), True)  # error: WSK205


def reset_upstream(up: socket.socket) -> None:
    # on POSIX the supervisor shuts the link down; elsewhere we close it here
    IS_POSIX or os.close(up.detach())  # error: WSK205


def push_loop(host: str, port: int, node: str, samples) -> None:
    up = open_upstream(host, port)
    make_upstream_blocking(up)
    send_hello(up, node)
    try:
        for batch in samples:
            up.sendall(b"".join(line.encode() + b"\n" for line in batch))
            time.sleep(PUSH_INTERVAL)
    finally:
        reset_upstream(up)
