"""ctypes bindings for the print-spooler bridge (Windows only).

Jobs arrive on a named pipe (``\\\\.\\pipe\\spoolbridge``) and are forwarded to the
printer over TCP with Winsock calls. File APIs only ever see the pipe and the log file.
"""
from __future__ import annotations

import ctypes
import msvcrt
import os
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
ucrt = ctypes.CDLL("ucrtbase")

PIPE_ACCESS_DUPLEX = 0x3
PIPE_TYPE_BYTE = 0x0
DUPLICATE_SAME_ACCESS = 0x2
INVALID_HANDLE_VALUE = wintypes.HANDLE(-1).value

kernel32.CreateNamedPipeW.restype = wintypes.HANDLE
kernel32.CreateNamedPipeW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                      wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                                      wintypes.DWORD, ctypes.c_void_p]
_ReadFile = kernel32.ReadFile
_ReadFile.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                      ctypes.POINTER(wintypes.DWORD), ctypes.c_void_p]
_WriteFile = kernel32.WriteFile
_WriteFile.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                       ctypes.POINTER(wintypes.DWORD), ctypes.c_void_p]
ws2_32.send.argtypes = [ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
ws2_32.recv.argtypes = [ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
ucrt._get_osfhandle.argtypes = [ctypes.c_int]
ucrt._get_osfhandle.restype = ctypes.c_ssize_t


class WSAPROTOCOL_INFOW(ctypes.Structure):
    _fields_ = [("raw", ctypes.c_byte * 628)]


def open_job_pipe(name: str = r"\\.\pipe\spoolbridge") -> int:
    sock = kernel32.CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1,
                                     65536, 65536, 0, None)
    if sock == INVALID_HANDLE_VALUE:
        raise ctypes.WinError(ctypes.get_last_error())
    kernel32.ConnectNamedPipe(sock, None)
    return sock


def read_job(sock: int, size: int = 65536) -> bytes:
    """``sock`` is the job pipe's HANDLE (old naming from the Linux version)."""
    buf = ctypes.create_string_buffer(size)
    got = wintypes.DWORD()
    if not _ReadFile(sock, buf, size, ctypes.byref(got), None):
        raise ctypes.WinError(ctypes.get_last_error())
    return buf.raw[: got.value]


def ack_job(sock: int, job_id: int) -> None:
    msg = f"ACK {job_id}\n".encode()
    written = wintypes.DWORD()
    _WriteFile(sock, msg, len(msg), ctypes.byref(written), None)


def forward(printer: socket.socket, job: bytes) -> int:
    sent = ws2_32.send(printer.fileno(), job, len(job), 0)
    if sent < 0:
        raise OSError(ws2_32.WSAGetLastError(), "send failed")
    status = ctypes.create_string_buffer(64)
    n = ws2_32.recv(printer.fileno(), status, 64, 0)
    return int(status.raw[:n].split()[0]) if n > 0 else -1


def protocol_info_for(printer: socket.socket, pid: int) -> bytes:
    info = WSAPROTOCOL_INFOW()
    if ws2_32.WSADuplicateSocketW(printer.fileno(), pid, ctypes.byref(info)):
        raise OSError(ws2_32.WSAGetLastError(), "WSADuplicateSocketW failed")
    return bytes(info)


def pipe_for_child(sock: int) -> int:
    me = kernel32.GetCurrentProcess()
    out = wintypes.HANDLE()
    kernel32.DuplicateHandle(me, sock, me, ctypes.byref(out), 0, True, DUPLICATE_SAME_ACCESS)
    return out.value


def log_handles(log_path: str) -> tuple[int, int]:
    with open(log_path, "ab") as log:
        fd = log.fileno()
        return ucrt._get_osfhandle(fd), msvcrt.get_osfhandle(fd)


def pipe_as_file(sock: int):
    fd = msvcrt.open_osfhandle(sock, os.O_RDONLY)
    return os.fdopen(fd, "rb")


def serve(printer_addr: tuple[str, int]) -> None:
    printer = socket.create_connection(printer_addr)
    sock = open_job_pipe()
    job_id = 0
    while True:
        job = read_job(sock)
        if not job:
            break
        job_id += 1
        forward(printer, job)
        ack_job(sock, job_id)
    printer.close()
    kernel32.CloseHandle(sock)
