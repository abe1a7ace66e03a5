"""ctypes bindings used by the serial-over-TCP bridge on Windows.

The bridge originally drove a COM port through kernel32 and reused the same
code for its TCP mode.
"""
import ctypes
import logging
import socket
from ctypes import wintypes

log = logging.getLogger("bridge.win")

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ucrt = ctypes.CDLL("ucrtbase")

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
OPEN_EXISTING = 3
DUPLICATE_SAME_ACCESS = 0x2
INVALID_HANDLE_VALUE = wintypes.HANDLE(-1).value

LPOVERLAPPED_COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(None, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p)


def open_com_port(name: str) -> int:
    handle = kernel32.CreateFileW("\\\\.\\" + name, GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, 0, None)
    if handle == INVALID_HANDLE_VALUE:
        raise ctypes.WinError(ctypes.get_last_error())
    return handle


def write_com(handle: int, data: bytes) -> int:
    written = wintypes.DWORD()
    if not kernel32.WriteFile(handle, data, len(data), ctypes.byref(written), None):
        raise ctypes.WinError(ctypes.get_last_error())
    return written.value


class TcpPort:
    """TCP mode: same interface as the COM port wrapper."""

    def __init__(self, host: str, port: int):
        self.sock = socket.create_connection((host, port))
        self._on_read = LPOVERLAPPED_COMPLETION_ROUTINE(self._completed)
        self._buf = ctypes.create_string_buffer(4096)

    def _completed(self, err, count, overlapped):
        log.debug("read completed err=%d count=%d", err, count)

    def write(self, data: bytes) -> int:
        written = wintypes.DWORD()
        ok = ctypes.windll.kernel32.WriteFile(wintypes.HANDLE(self.sock.fileno()), data, len(data), ctypes.byref(written), None)  # error: WSK102
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return written.value

    def start_read(self, overlapped) -> None:
        ok = kernel32.ReadFileEx(  # error: WSK101
            wintypes.HANDLE(self.sock.fileno()),
            self._buf,
            len(self._buf),
            ctypes.byref(overlapped),
            self._on_read,
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())

    def handle_for(self, target_process: int) -> int:
        dup = wintypes.HANDLE()
        me = kernel32.GetCurrentProcess()
        kernel32.DuplicateHandle(me, self.sock.fileno(), target_process, ctypes.byref(dup), 0, False, DUPLICATE_SAME_ACCESS)  # error: WSK103
        return dup.value

    def crt_fd(self) -> int:
        return ctypes.CDLL("msvcrt")._get_osfhandle(self.sock.fileno())  # error: WSK204

    def crt_fd_ucrt(self) -> int:
        return ucrt._open_osfhandle(ctypes.c_void_p(self.sock.fileno()), 0)  # error: WSK204

    def close(self) -> None:
        self.sock.close()


def legacy_osfhandle(fd: int) -> int:
    """Maps a C runtime descriptor (from os.open) to its OS handle."""
    return ctypes.cdll.msvcrt._get_osfhandle(fd)


def open_port(spec: str):
    if spec.startswith("tcp:"):
        host, _, port = spec[4:].rpartition(":")
        return TcpPort(host, int(port))
    return open_com_port(spec)
