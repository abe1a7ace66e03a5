"""HANDLE-level channel for the capture uploader's Windows build.

The uploader's C core works on raw HANDLEs and OVERLAPPED structures; this
module gives the Python side the same primitives so both can share buffers.
"""
import ctypes
import socket
from ctypes import wintypes

kernel32 = ctypes.windll.LoadLibrary("kernel32")
ws2_32 = ctypes.WinDLL("ws2_32")

GENERIC_READ = 0x80000000
OPEN_EXISTING = 3
PROCESS_DUP_HANDLE = 0x0040
DUPLICATE_CLOSE_SOURCE = 0x0001
DUPLICATE_SAME_ACCESS = 0x0002


class OVERLAPPED(ctypes.Structure):
    _fields_ = [
        ("Internal", ctypes.c_void_p),
        ("InternalHigh", ctypes.c_void_p),
        ("Offset", wintypes.DWORD),
        ("OffsetHigh", wintypes.DWORD),
        ("hEvent", wintypes.HANDLE),
    ]


COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(
    None, wintypes.DWORD, wintypes.DWORD, ctypes.POINTER(OVERLAPPED)
)


class RawChannel:
    """Context manager owning a connected socket and its raw HANDLE."""

    def __init__(self, addr):
        self.addr = addr
        self._sock = None
        self.handle = None
        self._pending = []

    def __enter__(self):
        self._sock = socket.create_connection(self.addr)
        self.handle = wintypes.HANDLE(self._sock.fileno())
        return self

    def __exit__(self, *exc_info):
        self._sock.close()
        self.handle = None
        return False

    def read(self, size):
        buf = ctypes.create_string_buffer(size)
        got = wintypes.DWORD(0)
        if not kernel32.ReadFile(self.handle, buf, size, ctypes.byref(got), None):  # error: WSK101
            raise ctypes.WinError(ctypes.get_last_error())
        return buf.raw[: got.value]

    def send(self, data):
        sent = ws2_32.send(self._sock.fileno(), data, len(data), 0)
        if sent < 0:
            raise ctypes.WinError(ws2_32.WSAGetLastError())
        return sent

    def write_async(self, data, on_done):
        ov = OVERLAPPED()
        buf = ctypes.create_string_buffer(data, len(data))

        def _done(err, transferred, _ov):
            self._pending.remove(entry)
            on_done(err, transferred)

        callback = COMPLETION_ROUTINE(_done)
        entry = (ov, buf, callback)
        self._pending.append(entry)
        if not kernel32.WriteFileEx(self.handle, buf, len(data), ctypes.byref(ov), callback):  # error: WSK102
            self._pending.remove(entry)
            raise ctypes.WinError(ctypes.get_last_error())

    def pump_completions(self, timeout_ms=0):
        kernel32.SleepEx(timeout_ms, True)


def read_manifest(path):
    handle = kernel32.CreateFileW(path, GENERIC_READ, 1, None, OPEN_EXISTING, 0, None)
    buf = ctypes.create_string_buffer(8192)
    got = wintypes.DWORD(0)
    try:
        kernel32.ReadFile(handle, buf, len(buf), ctypes.byref(got), None)
    finally:
        kernel32.CloseHandle(handle)
    return buf.raw[: got.value]


def export_to_core(sock: socket.socket, core_pid: int) -> int:
    """Move a connection into the C core's process (it is closed here)."""
    target = kernel32.OpenProcess(PROCESS_DUP_HANDLE, False, core_pid)
    out = wintypes.HANDLE()
    ok = kernel32.DuplicateHandle(  # error: WSK103
        kernel32.GetCurrentProcess(),
        ctypes.c_void_p(sock.detach()),
        target,
        ctypes.byref(out),
        0,
        False,
        DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE,
    )
    kernel32.CloseHandle(target)
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    return out.value


def upload(addr, manifest_path, payload):
    with RawChannel(addr) as ch:
        ch.send(read_manifest(manifest_path))
        ch.write_async(payload, lambda err, n: None)
        ch.pump_completions(5000)
        return ch.read(64)
