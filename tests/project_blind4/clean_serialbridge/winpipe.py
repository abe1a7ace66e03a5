"""Named-pipe server the bench UI connects to."""
from __future__ import annotations

import _overlapped
import _winapi
import msvcrt
import os
from multiprocessing import reduction

import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\serialbridge"


def serve_once(handle_request) -> None:
    sock = win32pipe.CreateNamedPipe(
        PIPE_NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1,
        65536,
        65536,
        0,
        None,
    )
    try:
        win32pipe.ConnectNamedPipe(sock, None)
        _err, request = win32file.ReadFile(sock, 65536)
        win32file.WriteFile(sock, handle_request(request))
    finally:
        win32file.CloseHandle(sock)


def read_overlapped(pipe_handle: int, size: int) -> bytes:
    ov = _overlapped.Overlapped()
    ov.ReadFile(pipe_handle, size)
    return ov.getresult(True)


def give_pipe_to_worker(pipe_handle: int, worker_pid: int) -> int:
    proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, worker_pid)
    try:
        return reduction.duplicate(pipe_handle, proc)
    finally:
        _winapi.CloseHandle(proc)


def pipe_as_file(pipe_handle: int):
    fd = msvcrt.open_osfhandle(pipe_handle, os.O_RDWR)
    return os.fdopen(fd, "r+b", buffering=0)
