"""Console mirror for the Windows service wrapper.

Copies the wrapped service's console output both to the local console and to
a TCP log collector.  Uses kernel32 directly so that no C runtime buffering
sits between the service and the collector.
"""
import ctypes
import socket
import threading
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

LPDWORD = ctypes.POINTER(wintypes.DWORD)
STD_OUTPUT_HANDLE = -11
DUPLICATE_SAME_ACCESS = 0x2

_GetStdHandle = kernel32.GetStdHandle
_GetStdHandle.argtypes = (wintypes.DWORD,)
_GetStdHandle.restype = wintypes.HANDLE

_WriteFile = kernel32.WriteFile
_WriteFile.argtypes = (wintypes.HANDLE, wintypes.LPCVOID, wintypes.DWORD, LPDWORD, wintypes.LPVOID)
_WriteFile.restype = wintypes.BOOL

# ReadFile with the byte count as an output parameter
_ReadFile_proto = ctypes.WINFUNCTYPE(
    wintypes.BOOL, wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, LPDWORD, wintypes.LPVOID,
    use_last_error=True,
)
_ReadFile = _ReadFile_proto(
    ("ReadFile", kernel32),
    ((1, "hFile"), (1, "lpBuffer"), (1, "nNumberOfBytesToRead"), (2, "lpNumberOfBytesRead"), (1, "lpOverlapped", None)),
)

# looked up by name from the command table below
_HANDLE_OPS = {
    "close": kernel32.CloseHandle,
    "dup": kernel32.DuplicateHandle,
    "flush": kernel32.FlushFileBuffers,
}


def _write_all(handle, data: bytes) -> None:
    written = wintypes.DWORD()
    view = memoryview(data)
    while view:
        chunk = bytes(view)
        if not _WriteFile(handle, chunk, len(chunk), ctypes.byref(written), None):  # error: WSK102
            raise ctypes.WinError(ctypes.get_last_error())
        view = view[written.value:]


class CollectorLink:
    """TCP connection to the log collector."""

    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=10)
        self._lock = threading.Lock()

    def push(self, data: bytes) -> None:
        with self._lock:
            _write_all(self._sock.fileno(), data)

    def read_ack(self, size: int = 64) -> bytes:
        buf = ctypes.create_string_buffer(size)
        got = _ReadFile(self._sock.fileno(), buf, size)  # error: WSK101
        return buf.raw[:got]

    def clone_handle(self) -> int:
        me = kernel32.GetCurrentProcess()
        out = wintypes.HANDLE()
        ok = _HANDLE_OPS["dup"](  # error: WSK103
            me, wintypes.HANDLE(self._sock.fileno()), me, ctypes.byref(out), 0, False, DUPLICATE_SAME_ACCESS
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return out.value

    def close(self) -> None:
        self._sock.close()


class ConsoleMirror:
    def __init__(self, collector: CollectorLink) -> None:
        self._console = _GetStdHandle(STD_OUTPUT_HANDLE)
        self._collector = collector

    def emit(self, line: str) -> None:
        data = line.encode("utf-8", "replace")
        _write_all(self._console, data)
        self._collector.push(data)

    def flush(self) -> None:
        _HANDLE_OPS["flush"](self._console)


def run(host: str = "collector.internal", port: int = 6514) -> None:
    link = CollectorLink(host, port)
    mirror = ConsoleMirror(link)
    try:
        mirror.emit("service wrapper attached\r\n")
        if link.read_ack() != b"OK":
            mirror.emit("collector did not acknowledge\r\n")
    finally:
        mirror.flush()
        link.close()
