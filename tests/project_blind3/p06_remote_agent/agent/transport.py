"""TCP transport to the ops console."""
import socket


def connect(host, port, timeout=15.0):
    conn = socket.create_connection((host, port), timeout=timeout)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return conn
