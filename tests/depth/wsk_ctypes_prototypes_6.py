"""Direct kernel32 bindings for the zero-copy uploader.

pywin32 is not available in the embedded interpreter, so the uploader binds the
few kernel32 entry points it needs with ctypes prototypes.
"""
import ctypes
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

LPOVERLAPPED = ctypes.c_void_p
LPDWORD = ctypes.POINTER(wintypes.DWORD)
COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(None, wintypes.DWORD, wintypes.DWORD, LPOVERLAPPED)

_WriteFile_proto = ctypes.WINFUNCTYPE(
    wintypes.BOOL, wintypes.HANDLE, wintypes.LPCVOID, wintypes.DWORD, LPDWORD, LPOVERLAPPED,
    use_last_error=True,
)
_WriteFile_flags = (
    (1, "hFile"),
    (1, "lpBuffer"),
    (1, "nNumberOfBytesToWrite"),
    (2, "lpNumberOfBytesWritten"),
    (1, "lpOverlapped", None),
)
WriteFile = _WriteFile_proto(("WriteFile", kernel32), _WriteFile_flags)

_ReadFileEx_proto = ctypes.WINFUNCTYPE(
    wintypes.BOOL, wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, LPOVERLAPPED,
    COMPLETION_ROUTINE, use_last_error=True,
)
ReadFileEx = _ReadFileEx_proto(
    ("ReadFileEx", kernel32),
    ((1, "hFile"), (1, "lpBuffer"), (1, "nNumberOfBytesToRead"), (1, "lpOverlapped"),
     (1, "lpCompletionRoutine")),
)

GetStdHandle = kernel32.GetStdHandle
GetCurrentProcess = kernel32.GetCurrentProcess
DUPLICATE_SAME_ACCESS = 0x2
STD_ERROR_HANDLE = -12


def _errcheck(result, func, args):
    if not result:
        raise ctypes.WinError(ctypes.get_last_error())
    return args


def console_log(text: str) -> None:
    data = text.encode("utf-8")
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), data, len(data))


class Uploader:
    def __init__(self, addr: tuple[str, int]) -> None:
        self.sock = socket.create_connection(addr)
        self._pending = []

    def push(self, payload: bytes) -> int:
        h = wintypes.HANDLE(self.sock.fileno())
        return WriteFile(h, payload, len(payload))  # error: WSK102

    def start_read(self, size: int, ov, on_done) -> ctypes.Array:
        buf = ctypes.create_string_buffer(size)
        cb = COMPLETION_ROUTINE(on_done)
        self._pending.append((buf, cb))
        ReadFileEx(self.sock.fileno(), buf, size, ctypes.byref(ov), cb)  # error: WSK101
        return buf

    def share_with(self, target_process: int) -> int:
        dup = wintypes.HANDLE()
        ok = kernel32.DuplicateHandle(  # error: WSK103
            GetCurrentProcess(),
            ctypes.c_void_p(self.sock.fileno()),
            target_process,
            ctypes.byref(dup),
            0,
            False,
            DUPLICATE_SAME_ACCESS,
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return dup.value

    def close(self) -> None:
        self.sock.close()
