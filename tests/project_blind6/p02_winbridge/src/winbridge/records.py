"""Leases: what a helper process needs to adopt an endpoint."""

from __future__ import annotations

from dataclasses import dataclass, field

from winbridge.transport.stream import StreamEndpoint


@dataclass
class Lease:
    handle: int
    pid: int
    owner: StreamEndpoint | None = field(default=None, repr=False)


def lease_endpoint(host: str, port: int, pid: int) -> Lease:
    ep = StreamEndpoint(host, port).open()
    return Lease(handle=ep.sock.fileno(), pid=pid, owner=ep)


def lease_for_stdout(pid: int) -> Lease:
    import win32api

    return Lease(handle=int(win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)), pid=pid)
