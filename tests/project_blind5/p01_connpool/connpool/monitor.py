"""Operator tools: pipe server replies through a filter, snapshot a connection."""
import os
import socket
import subprocess

from connpool import default_pool


def tail_replies(argv: list[str]) -> subprocess.CompletedProcess:
    sock = default_pool.acquire()
    return subprocess.run(argv, stdin=sock, capture_output=True, timeout=10)  # error: WSK301


def snapshot() -> socket.socket:
    sock = default_pool.acquire()
    backup = os.dup(sock.fileno())  # error: WSK202
    default_pool.release(sock)
    return socket.socket(fileno=backup)


def stats() -> dict[str, int]:
    sock = default_pool.acquire()
    try:
        host, port = sock.getsockname()[:2]
        return {"created": default_pool.created, "local_port": port}
    finally:
        default_pool.release(sock)
