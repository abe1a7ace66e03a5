"""Hand listening and accepted sockets to worker processes.

``gunwin`` is a pre-fork style server for Windows: the master owns the
listener and gives workers their own copies.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.reduction as mpr
import socket
from multiprocessing import reduction

import _winapi
import win32api
import win32con

log = logging.getLogger("gunwin.handoff")

# Workers built before 4.2 expect a duplicated handle on the command pipe.
LEGACY_HANDOFF = False


def _release(sock: socket.socket) -> int:
    """Give up ownership of ``sock`` and return its raw handle."""
    return sock.detach()


def clone_listener_into(listener: socket.socket, worker_pid: int) -> int:
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, worker_pid)
    try:
        return _winapi.DuplicateHandle(  # error: WSK103
            _winapi.GetCurrentProcess(),
            _release(listener),
            proc,
            0,
            False,
            _winapi.DUPLICATE_SAME_ACCESS | _winapi.DUPLICATE_CLOSE_SOURCE,
        )
    finally:
        _winapi.CloseHandle(proc)


def forward_connection(pipe, conn: socket.socket, worker_pid: int) -> None:
    reduction.send_handle(pipe, conn.fileno(), worker_pid)  # error: WSK103
    conn.close()


class PickledListener:
    """Picklable stand-in for a listener, rebuilt inside the worker."""

    def __init__(self, listener: socket.socket, pid: int) -> None:
        self.family = listener.family
        self.type = listener.type
        self._dh = mpr.DupHandle(listener.fileno(), 0, pid)  # error: WSK103

    def rebuild(self) -> socket.socket:
        return socket.socket(self.family, self.type, fileno=self._dh.detach())


def share_via_pywin32(sock, target_pid: int) -> int:
    cur = win32api.GetCurrentProcess()
    target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, target_pid)
    dup = win32api.DuplicateHandle(cur, sock.fileno(), target, 0, False, win32con.DUPLICATE_SAME_ACCESS)  # error: WSK103
    return int(dup.Detach())


def share_properly(sock: socket.socket, target_pid: int) -> bytes:
    return sock.share(target_pid)


def worker_main(child_conn) -> None:
    blob = child_conn.recv_bytes()
    listener = socket.fromshare(blob)
    while True:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(b"HTTP/1.0 204 No Content\r\n\r\n")


def prefork(address: tuple[str, int], workers: int = 4) -> list[multiprocessing.Process]:
    listener = socket.create_server(address, backlog=128)
    procs = []
    for _ in range(workers):
        parent, child = multiprocessing.Pipe()
        p = multiprocessing.Process(target=worker_main, args=(child,), daemon=True)
        p.start()
        if LEGACY_HANDOFF:
            log.debug("legacy handoff for %d -> %#x", p.pid, share_via_pywin32(listener, p.pid))
        parent.send_bytes(share_properly(listener, p.pid))
        procs.append(p)
    return procs
