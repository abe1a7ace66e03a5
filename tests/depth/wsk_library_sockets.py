"""Transport adapters for the sync/async/green clients of the key-value store.

All adapters end up in the same "raw" helpers, written for the Linux client
first and later enabled on Windows.
"""
import http.client
import os
import sys

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

import anyio
import gevent.socket
from anyio.abc import SocketAttribute

GREETING = b"KV/1.1 HELLO\r\n"


def gevent_hello(host: str, port: int = 6380) -> None:
    s = gevent.socket.create_connection((host, port))
    os.write(s.fileno(), GREETING)  # error: WSK201
    s.close()


async def anyio_reader(host: str, port: int = 6380):
    stream = await anyio.connect_tcp(host, port)
    raw = stream.extra(SocketAttribute.raw_socket)
    await stream.send(GREETING)
    return os.fdopen(raw.fileno(), "rb", buffering=0)  # error: WSK203


async def anyio_peer(host: str, port: int = 6380):
    stream = await anyio.connect_tcp(host, port)
    return stream.extra(SocketAttribute.remote_address)


def status_page(host: str) -> bytes:
    conn = http.client.HTTPSConnection(host, timeout=5)
    conn.connect()
    if fcntl is not None:
        flags = fcntl.fcntl(conn.sock.fileno(), fcntl.F_GETFD)
        fcntl.fcntl(conn.sock.fileno(), fcntl.F_SETFD, flags | fcntl.FD_CLOEXEC)
    else:
        os.set_inheritable(conn.sock.fileno(), False)  # error: WSK205
    conn.request("GET", "/status")
    return conn.getresponse().read()


def unix_hello(path: str) -> None:
    if sys.platform == "win32":
        raise OSError("unix sockets are not supported here")
    s = gevent.socket.socket(gevent.socket.AF_UNIX)
    s.connect(path)
    os.write(s.fileno(), GREETING)


def stdio_hello() -> None:
    os.write(sys.stdout.fileno(), GREETING)
