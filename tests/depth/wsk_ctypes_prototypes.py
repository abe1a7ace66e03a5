"""ctypes prototypes for the remote-console transport (no pywin32 dependency).

The prototypes are built with WINFUNCTYPE/CFUNCTYPE and paramflags, the way
the ctypes documentation shows, and then called like ordinary functions.
"""
import ctypes
import os
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)
ucrt = ctypes.CDLL("ucrtbase")

_RW_PROTO = ctypes.WINFUNCTYPE(
    wintypes.BOOL,
    wintypes.HANDLE,
    wintypes.LPVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
    use_last_error=True,
)
_RW_FLAGS = (
    (1, "hFile"),
    (1, "lpBuffer"),
    (1, "nNumberOfBytes"),
    (2, "lpNumberOfBytesTransferred"),
    (1, "lpOverlapped", None),
)

WriteFile = _RW_PROTO(("WriteFile", kernel32), _RW_FLAGS)
ReadFile = _RW_PROTO(("ReadFile", kernel32), _RW_FLAGS)

_DUP_PROTO = ctypes.WINFUNCTYPE(
    wintypes.BOOL,
    wintypes.HANDLE,
    wintypes.HANDLE,
    wintypes.HANDLE,
    ctypes.POINTER(wintypes.HANDLE),
    wintypes.DWORD,
    wintypes.BOOL,
    wintypes.DWORD,
    use_last_error=True,
)
DuplicateHandle = _DUP_PROTO(
    ("DuplicateHandle", kernel32),
    (
        (1, "hSourceProcessHandle"),
        (1, "hSourceHandle"),
        (1, "hTargetProcessHandle"),
        (2, "lpTargetHandle"),
        (1, "dwDesiredAccess", 0),
        (1, "bInheritHandle", False),
        (1, "dwOptions", 2),
    ),
)
GetCurrentProcess = ctypes.WINFUNCTYPE(wintypes.HANDLE)(("GetCurrentProcess", kernel32))

_get_osfhandle = ctypes.CFUNCTYPE(ctypes.c_intptr_t, ctypes.c_int)(("_get_osfhandle", ucrt))
_open_osfhandle = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_intptr_t, ctypes.c_int)(
    ("_open_osfhandle", ucrt), ((1, "osfhandle"), (1, "flags", 0))
)

send = ctypes.WINFUNCTYPE(ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)(
    ("send", ws2_32), ((1, "s"), (1, "buf"), (1, "len"), (1, "flags", 0))
)


class ConsoleTransport:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port))
        self.log_fd = os.open("console.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def write_frame(self, frame: bytes) -> int:
        buf = ctypes.create_string_buffer(frame, len(frame))
        return WriteFile(self.sock.fileno(), buf, len(frame))  # error: WSK102

    def read_frame(self, size: int) -> bytes:
        buf = ctypes.create_string_buffer(size)
        n = ReadFile(self.sock.fileno(), buf, size)  # error: WSK101
        return buf.raw[:n]

    def ping(self) -> None:
        send(self.sock.fileno(), b"PING", 4)

    def share_with(self, target_process) -> int:
        return DuplicateHandle(GetCurrentProcess(), self.sock.fileno(), target_process)  # error: WSK103

    def native_log_handle(self) -> int:
        return _get_osfhandle(self.log_fd)

    def socket_as_crt_fd(self) -> int:
        return _open_osfhandle(self.sock.detach(), os.O_RDWR)  # error: WSK204


def native_handle_of(conn: socket.socket) -> int:
    return _get_osfhandle(conn.fileno())  # error: WSK204


def write_through_pipe(pipe_handle: int, data: bytes) -> int:
    buf = ctypes.create_string_buffer(data, len(data))
    return WriteFile(pipe_handle, buf, len(data))


def open_read_ex(conn: socket.socket, buf, overlapped, on_done) -> bool:
    proto = ctypes.WINFUNCTYPE(
        wintypes.BOOL, wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, wintypes.LPVOID, wintypes.LPVOID
    )
    read_ex = proto(("ReadFileEx", kernel32))
    return bool(read_ex(conn.fileno(), buf, len(buf), overlapped, on_done))  # error: WSK101
