"""Connection records shared between a broker's accept loop and its
hand-off code."""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from multiprocessing import reduction
from typing import NamedTuple, Optional

import win32api
import win32con


@dataclass(slots=True, frozen=True)
class Peer:
    sock: socket.socket
    addr: tuple[str, int]
    tags: frozenset[str] = frozenset()


class Lease(NamedTuple):
    handle: int
    owner_pid: int
    inheritable: bool = False


@dataclass
class Session:
    name: str
    sock: Optional[socket.socket] = None
    backlog: list[bytes] = field(default_factory=list)

    def attach(self, sock) -> None:
        self.sock = sock

    def push(self, data: bytes) -> None:
        if self.sock is None:
            self.backlog.append(data)
            return
        with open(self.sock.fileno(), "ab", buffering=0, closefd=False) as raw:  # error: WSK203
            raw.write(data)


def lease_for(peer: Peer, pid: int) -> Lease:
    return Lease(peer.sock.fileno(), pid)


def hand_off(lease: Lease, target_pid: int) -> int:
    target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, target_pid)
    return win32api.DuplicateHandle(  # error: WSK103
        win32api.GetCurrentProcess(),
        lease.handle,
        target,
        0,
        lease.inheritable,
        win32con.DUPLICATE_SAME_ACCESS,
    )


def broker(listener, worker_pid: int) -> None:
    conn, addr = listener.accept()
    peer = Peer(conn, addr, frozenset({"tenant-a"}))
    hand_off(lease_for(peer, os.getpid()), worker_pid)
    session = Session("audit")
    session.attach(socket.create_connection(("audit.internal", 9000)))
    session.push(b"handed off\n")
    h, _owner, _inheritable = lease_for(peer, os.getpid())
    reduction.duplicate(h, target_process=None, inheritable=True)  # error: WSK103


if __name__ == "__main__":
    broker(socket.create_server(("0.0.0.0", 9300)), int(os.environ["WORKER_PID"]))
