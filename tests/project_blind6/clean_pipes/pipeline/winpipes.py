"""Windows named pipes, console and process handles."""

from __future__ import annotations

import msvcrt
import os
import sys

import win32api
import win32con
import win32file
import win32pipe

from .records import lease_pipe

PIPE_NAME = r"\\.\pipe\pipeline"


def serve_named(data: bytes) -> None:
    sock = win32pipe.CreateNamedPipe(
        PIPE_NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        None,
    )
    win32pipe.ConnectNamedPipe(sock, None)
    win32file.WriteFile(sock, data)
    rc, reply = win32file.ReadFile(sock, 4096)
    win32file.CloseHandle(sock)


def console_write(text: str) -> None:
    h = win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)
    win32file.WriteFile(h, text.encode())
    osf = msvcrt.get_osfhandle(sys.stdout.fileno())
    win32file.WriteFile(osf, b"\r\n")


def hand_pipe_to(pid: int) -> int:
    lease, w = lease_pipe(pid)
    target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, lease.pid)
    src = msvcrt.get_osfhandle(lease.handle)
    dup = win32api.DuplicateHandle(
        win32api.GetCurrentProcess(),
        src,
        target,
        0,
        False,
        win32con.DUPLICATE_SAME_ACCESS,
    )
    os.close(w)
    return int(dup)


def dup_process_handle(pid: int) -> int:
    proc = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid)
    me = win32api.GetCurrentProcess()
    return int(win32api.DuplicateHandle(me, proc, me, 0, False, win32con.DUPLICATE_SAME_ACCESS))


def wrap_pipe_handle() -> int:
    import _winapi

    r, w = _winapi.CreatePipe(None, 0)
    _winapi.WriteFile(w, b"hello")
    fd = msvcrt.open_osfhandle(r, os.O_RDONLY)
    _winapi.CloseHandle(w)
    return fd
