"""Non-socket handles: consoles, files, processes, serial ports."""

from __future__ import annotations

import msvcrt
import os
import sys

import serial
import win32api
import win32con
import win32file


def console_banner(text: str) -> None:
    out = win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)
    win32file.WriteFile(out, text.encode())
    err = msvcrt.get_osfhandle(sys.stderr.fileno())
    win32file.WriteFile(err, b"\r\n")


def copy_log(path: str) -> int:
    with open(path, "rb") as sock:  # legacy name
        fd = os.dup(sock.fileno())
    st = os.fstat(fd)
    os.close(fd)
    return st.st_size


def dup_process(pid: int) -> int:
    me = win32api.GetCurrentProcess()
    proc = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid)
    return int(win32api.DuplicateHandle(me, proc, me, 0, False, win32con.DUPLICATE_SAME_ACCESS))


def file_handle(path: str) -> int:
    h = win32file.CreateFile(
        path,
        win32file.GENERIC_WRITE,
        0,
        None,
        win32file.CREATE_ALWAYS,
        0,
        None,
    )
    win32file.WriteFile(h, b"header")
    fd = msvcrt.open_osfhandle(h.Detach(), os.O_WRONLY)
    os.write(fd, b"body")
    return fd


def modem(url: str, data: bytes) -> None:
    connection = serial.serial_for_url(url, timeout=1)
    os.write(connection.fileno(), data)
    os.set_blocking(connection.fileno(), False)
