"""Raw Win32 I/O for the capture agent's network tap.

kernel32 is loaded once into a module global, and once more as a class
attribute of the overlapped channel.  The named-pipe path is fine; the paths
that were later switched from a pipe to a TCP socket are not.
"""
import ctypes
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

kernel32.WriteFile.argtypes = [
    wintypes.HANDLE,
    wintypes.LPCVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
]
kernel32.WriteFile.restype = wintypes.BOOL
kernel32.ReadFile.restype = wintypes.BOOL
kernel32.CreateNamedPipeW.restype = wintypes.HANDLE

PIPE_ACCESS_DUPLEX = 0x00000003
PIPE_TYPE_BYTE = 0x00000000
DUPLICATE_SAME_ACCESS = 0x00000002


def _raise_last_error(what: str) -> None:
    raise ctypes.WinError(ctypes.get_last_error(), what)


def push_raw(sock: socket.socket, data: bytes) -> int:
    written = wintypes.DWORD()
    ok = kernel32.WriteFile(sock.fileno(), data, len(data), ctypes.byref(written), None)  # error: WSK102
    if not ok:
        _raise_last_error("WriteFile")
    return written.value


def pull_from_collector(srv: socket.socket, size: int) -> bytes:
    conn, _ = srv.accept()
    buf = ctypes.create_string_buffer(size)
    got = wintypes.DWORD()
    if not kernel32.ReadFile(ctypes.c_void_p(conn.fileno()), buf, size, ctypes.byref(got), None):  # error: WSK101
        _raise_last_error("ReadFile")
    return buf.raw[: got.value]


def open_status_pipe(name: str) -> int:
    sock_pipe = kernel32.CreateNamedPipeW(
        name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 65536, 65536, 0, None
    )
    written = wintypes.DWORD()
    kernel32.WriteFile(sock_pipe, b"tap ready\n", 10, ctypes.byref(written), None)
    return sock_pipe


class OverlappedChannel:
    _k32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._handle = wintypes.HANDLE(sock.fileno())

    def write_async(self, data: bytes, overlapped, on_done) -> None:
        if not self._k32.WriteFileEx(self._handle, data, len(data), overlapped, on_done):  # error: WSK102
            _raise_last_error("WriteFileEx")

    def hand_to(self, target_process) -> int:
        me = self._k32.GetCurrentProcess()
        out = wintypes.HANDLE()
        ok = OverlappedChannel._k32.DuplicateHandle(  # error: WSK103
            me,
            self._handle,
            target_process,
            ctypes.byref(out),
            0,
            False,
            DUPLICATE_SAME_ACCESS,
        )
        if not ok:
            _raise_last_error("DuplicateHandle")
        return out.value

    def close(self) -> None:
        self._sock.close()


def start(collector: str, port: int) -> OverlappedChannel:
    sock = socket.create_connection((collector, port))
    push_raw(sock, b"HELLO tap/1\n")
    return OverlappedChannel(sock)
