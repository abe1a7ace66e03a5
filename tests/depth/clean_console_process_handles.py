"""Console, process and file plumbing for the ``wardrobe`` Windows installer.

Old code: the variable names (``sock``, ``conn``, ``socket``) come from a
time when the installer talked to a TCP helper.  None of these are sockets.
"""
from __future__ import annotations

import ctypes
import msvcrt
import os
import subprocess
import sys
from ctypes import wintypes

import _winapi
import serial
import win32api
import win32con
import win32file

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
STD_OUTPUT_HANDLE = -11


def console_write(text: str) -> int:
    sock = kernel32.GetStdHandle(STD_OUTPUT_HANDLE)
    raw = text.encode("utf-8")
    written = wintypes.DWORD()
    kernel32.WriteFile(sock, raw, len(raw), ctypes.byref(written), None)
    return written.value


def stdout_handle() -> int:
    conn = msvcrt.get_osfhandle(sys.stdout.fileno())
    return conn


def dup_process_handle(pid: int):
    cur = win32api.GetCurrentProcess()
    conn = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid)
    return win32api.DuplicateHandle(cur, conn, cur, 0, False, win32con.DUPLICATE_SAME_ACCESS)


def child_process_handle(pid: int) -> int:
    socket = _winapi.OpenProcess(_winapi.PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    cur = _winapi.GetCurrentProcess()
    try:
        return _winapi.DuplicateHandle(cur, socket, cur, 0, False, _winapi.DUPLICATE_SAME_ACCESS)
    finally:
        _winapi.CloseHandle(socket)


def log_to_file(path: str, data: bytes) -> None:
    sock = open(path, "ab")
    try:
        os.write(sock.fileno(), data)
        os.fsync(sock.fileno())
    finally:
        sock.close()


def read_manifest(path: str) -> bytes:
    conn = win32file.CreateFile(
        path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None
    )
    try:
        hr, data = win32file.ReadFile(conn, 1 << 16)
        return bytes(data)
    finally:
        win32file.CloseHandle(conn)


def modem_check(port: str = "COM3") -> bytes:
    conn = serial.Serial(port, 115200, timeout=1)
    try:
        conn.write(b"AT\r\n")
        return conn.read(64)
    finally:
        conn.close()


def pipe_to_crt() -> None:
    r, w = _winapi.CreatePipe(None, 0)
    fd = msvcrt.open_osfhandle(w, os.O_WRONLY)
    with os.fdopen(fd, "wb") as sock:
        sock.write(b"ready\n")
    _winapi.CloseHandle(r)


def run_setup(argv: list[str], log_path: str) -> int:
    with open(log_path, "ab") as sock:
        return subprocess.call(argv, stdout=sock, stderr=subprocess.STDOUT)
