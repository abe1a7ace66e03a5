"""CRT/Win32 handle conversions used by the console relay."""
import msvcrt
import os
import socket
import sys

import _winapi
import win32file


def socket_as_crt_fd(sock: socket.socket) -> int:
    return msvcrt.open_osfhandle(sock.fileno(), os.O_RDWR)  # error: WSK204


def native_handle(conn: socket.socket) -> int:
    return msvcrt.get_osfhandle(conn.fileno())  # error: WSK204


def console_handles():
    return (
        msvcrt.get_osfhandle(sys.stdin.fileno()),
        msvcrt.get_osfhandle(sys.stdout.fileno()),
    )


def log_handle(path):
    f = open(path, "ab")
    return f, msvcrt.get_osfhandle(f.fileno())


def pipe_as_file():
    rh, wh = _winapi.CreatePipe(None, 0)
    rfd = msvcrt.open_osfhandle(rh, os.O_RDONLY)
    return os.fdopen(rfd, "rb"), wh


def relay_endpoint(host, port):
    s = socket.create_connection((host, port))
    h = win32file._get_osfhandle(s.fileno())  # error: WSK204
    return s, h


def relay_endpoint_detached(host, port):
    s = socket.create_connection((host, port))
    return win32file._open_osfhandle(s.detach(), os.O_RDWR)  # error: WSK204


def relay_endpoint_ok(host, port):
    s = socket.create_connection((host, port))
    return s, s.makefile("rwb", buffering=0)
