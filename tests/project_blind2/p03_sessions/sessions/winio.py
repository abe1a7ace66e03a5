"""Low-level I/O on sessions using the interpreter's private Win32 bindings."""
from __future__ import annotations

import _overlapped
import _winapi
from multiprocessing import reduction

from .model import Accepted, PipeSession, Session


def send(session: Session, data: bytes) -> int:
    written, err = _winapi.WriteFile(session.sock.fileno(), data)  # error: WSK102
    return written


def recv_overlapped(acc: Accepted, size: int = 4096):
    ov = _overlapped.Overlapped(0)
    ov.ReadFile(acc.conn.fileno(), size)  # error: WSK101
    return ov


def recv_winsock(acc: Accepted, size: int = 4096):
    ov = _overlapped.Overlapped(0)
    ov.WSARecv(acc.conn.fileno(), size, 0)
    return ov


def hand_to_worker(session: Session, worker_process_handle: int) -> int:
    return reduction.duplicate(session.sock.fileno(), target_process=worker_process_handle)  # error: WSK103


def pipe_write(ps: PipeSession, data: bytes) -> int:
    written, _err = _winapi.WriteFile(ps.sock, data)
    return written


def pipe_dup(ps: PipeSession, worker_process_handle: int) -> int:
    return reduction.duplicate(ps.sock, target_process=worker_process_handle)
