"""Where lanscan's connections come from."""
import asyncio
import socket
from typing import NamedTuple

#: (label, handle) of every raw handle we gave away; closed at exit.
OPEN_HANDLES: list[tuple[str, int]] = []


class Endpoint(NamedTuple):
    label: str
    handle: int
    port: int


def probe_hosts(hosts, port, timeout=0.5):
    """Yield (host, connected socket) for every host that accepts."""
    for host in hosts:
        try:
            s = socket.create_connection((host, port), timeout=timeout)
        except OSError:
            continue
        yield host, s


async def incoming(port):
    loop = asyncio.get_running_loop()
    srv = socket.create_server(("0.0.0.0", port), reuse_port=False)
    srv.setblocking(False)
    try:
        while True:
            conn, addr = await loop.sock_accept(srv)
            yield conn, addr
    finally:
        srv.close()


def claim_endpoint(label, port) -> Endpoint:
    """Bind a listener and detach it so a worker process can own it."""
    s = socket.create_server(("0.0.0.0", port))
    return Endpoint(label, s.detach(), port)


def open_beacon(port=5355):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    s.connect(("255.255.255.255", port))
    OPEN_HANDLES.append(("beacon", s.fileno()))
    return s


def wakeup_pair():
    """Self-pipe replacement that also works with select() on Windows."""
    return socket.socketpair()
