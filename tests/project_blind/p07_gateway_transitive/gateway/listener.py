"""Accept loop: serve locally, or tunnel to an upstream server."""

import socket

from . import session, tunnel

BANNER = b"gateway ready\r\n"


def run(port, upstream_addr=None):
    srv = socket.create_server(("", port))
    while True:
        conn, peer = srv.accept()
        if upstream_addr is None:
            session.serve(peer, conn=conn, banner=BANNER)  # error: WSK201
            conn.close()
            continue
        upstream = socket.create_connection(upstream_addr, timeout=10)
        tunnel.splice(conn, upstream)  # error: WSK201
        tunnel.close_both(conn, upstream)  # error: WSK205


def record(port, capture_path):
    """Debug mode: store what one client sends in a capture file."""
    srv = socket.create_server(("127.0.0.1", port))
    conn, _ = srv.accept()
    with open(capture_path, "ab") as capture:
        tunnel.splice(conn, capture)
    conn.close()
    srv.close()
