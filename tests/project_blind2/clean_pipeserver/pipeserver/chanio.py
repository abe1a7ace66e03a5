from __future__ import annotations

import win32api
import win32con
import win32file

from .pipes import PipeChannel


def write(ch: PipeChannel, data: bytes) -> int:
    _rc, n = win32file.WriteFile(ch.sock, data)
    return n


def read(ch: PipeChannel, n: int = 4096) -> bytes:
    _rc, data = win32file.ReadFile(ch.sock, n)
    return bytes(data)


def clone_for(ch: PipeChannel, target_process):
    current = win32api.GetCurrentProcess()
    return win32api.DuplicateHandle(current, ch.sock, target_process, 0, False, win32con.DUPLICATE_SAME_ACCESS)
