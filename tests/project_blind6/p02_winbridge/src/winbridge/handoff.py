"""Give an endpoint to a helper process."""

from __future__ import annotations

from multiprocessing import reduction

import win32api
import win32con

from winbridge.records import lease_endpoint, lease_for_stdout
from winbridge.transport.iocp import OverlappedEndpoint


def _target(pid: int):
    return win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)


def hand_over(host: str, port: int, pid: int) -> int:
    lease = lease_endpoint(host, port, pid)
    target = _target(lease.pid)
    dup = win32api.DuplicateHandle(  # error: WSK103
        win32api.GetCurrentProcess(),
        lease.handle,
        target,
        0,
        False,
        win32con.DUPLICATE_SAME_ACCESS,
    )
    return int(dup)


def hand_over_console(pid: int) -> int:
    # A console handle, not a socket: fine.
    lease = lease_for_stdout(pid)
    dup = win32api.DuplicateHandle(
        win32api.GetCurrentProcess(),
        lease.handle,
        _target(pid),
        0,
        False,
        win32con.DUPLICATE_SAME_ACCESS,
    )
    return int(dup)


def send_to_worker(conn, host: str, port: int, pid: int) -> None:
    ep = OverlappedEndpoint(host, port).open()
    reduction.send_handle(conn, ep.handle, pid)  # error: WSK103


def share_with_worker(conn, host: str, port: int, pid: int) -> None:
    # The supported way: WSADuplicateSocket through share().
    ep = OverlappedEndpoint(host, port).open()
    conn.send_bytes(ep.sock.share(pid))
