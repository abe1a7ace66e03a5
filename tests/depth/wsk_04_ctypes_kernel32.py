"""Raw kernel32 I/O for the capture uplink (Windows only).

The capture card driver writes frames into an overlapped handle; the uplink
code was written against that handle and later pointed at a TCP connection to
the collector.
"""
import ctypes
import socket
import sys
import urllib.parse
from ctypes import wintypes

if sys.platform != "win32":
    raise ImportError("the capture uplink requires Windows")

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

LPDWORD = ctypes.POINTER(wintypes.DWORD)
DUPLICATE_SAME_ACCESS = 0x00000002

kernel32.WriteFile.argtypes = [
    wintypes.HANDLE,
    wintypes.LPCVOID,
    wintypes.DWORD,
    LPDWORD,
    wintypes.LPVOID,
]
kernel32.WriteFile.restype = wintypes.BOOL
kernel32.DuplicateHandle.argtypes = [
    wintypes.HANDLE,
    wintypes.HANDLE,
    wintypes.HANDLE,
    ctypes.POINTER(wintypes.HANDLE),
    wintypes.DWORD,
    wintypes.BOOL,
    wintypes.DWORD,
]
kernel32.DuplicateHandle.restype = wintypes.BOOL


class OVERLAPPED(ctypes.Structure):
    _fields_ = [
        ("Internal", ctypes.c_void_p),
        ("InternalHigh", ctypes.c_void_p),
        ("Offset", wintypes.DWORD),
        ("OffsetHigh", wintypes.DWORD),
        ("hEvent", wintypes.HANDLE),
    ]


LPOVERLAPPED_COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(
    None, wintypes.DWORD, wintypes.DWORD, ctypes.POINTER(OVERLAPPED)
)


def _check(ok: int, what: str) -> None:
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error(), what)


class CaptureUplink:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=10)
        self._handle = wintypes.HANDLE(self._sock.fileno())
        self._pending = []

    @classmethod
    def from_url(cls, url: str) -> "CaptureUplink":
        parts = urllib.parse.urlsplit(url)
        return cls(parts.hostname or "localhost", parts.port or 7070)

    def push(self, frame: bytes) -> int:
        written = wintypes.DWORD(0)
        ok = kernel32.WriteFile(  # error: WSK102
            self._handle, frame, len(frame), ctypes.byref(written), None
        )
        _check(ok, "WriteFile")
        return written.value

    def push_async(self, frame: bytes, done) -> None:
        ov = OVERLAPPED()
        routine = LPOVERLAPPED_COMPLETION_ROUTINE(lambda err, n, _ov: done(err, n))
        k32 = ctypes.windll.LoadLibrary("kernel32")
        buf = ctypes.create_string_buffer(frame, len(frame))
        ok = k32.WriteFileEx(  # error: WSK102
            ctypes.c_void_p(self._sock.fileno()), buf, len(frame), ctypes.byref(ov), routine
        )
        _check(ok, "WriteFileEx")
        self._pending.append((ov, routine, buf))

    def pull_async(self, size: int, done) -> None:
        ov = OVERLAPPED()
        buf = ctypes.create_string_buffer(size)
        routine = LPOVERLAPPED_COMPLETION_ROUTINE(lambda err, n, _ov: done(err, buf.raw[:n]))
        raw = self._sock.fileno()
        ok = ctypes.windll.kernel32.ReadFileEx(raw, buf, size, ctypes.byref(ov), routine)  # error: WSK101
        _check(ok, "ReadFileEx")
        self._pending.append((ov, routine, buf))

    def hand_to(self, target_process: int) -> int:
        dup = wintypes.HANDLE()
        ok = kernel32.DuplicateHandle(  # error: WSK103
            kernel32.GetCurrentProcess(),
            self._handle,
            wintypes.HANDLE(target_process),
            ctypes.byref(dup),
            0,
            False,
            DUPLICATE_SAME_ACCESS,
        )
        _check(ok, "DuplicateHandle")
        return dup.value

    def wait(self, timeout_ms: int = 0) -> None:
        # alertable wait so the completion routines run
        kernel32.SleepEx(timeout_ms, True)

    def close(self) -> None:
        self._sock.close()
