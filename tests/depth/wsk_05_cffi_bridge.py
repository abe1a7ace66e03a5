"""Self-pipe wake-up for the cffi-based event pump.

Windows has no pipe that select() accepts, so the pump uses a connected socket
pair as its wake-up channel.  The signalling side was ported from the old
anonymous-pipe code and still goes through kernel32.
"""
import socket
import threading

from cffi import FFI

ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    HANDLE GetCurrentProcess(void);
    HANDLE OpenProcess(DWORD, BOOL, DWORD);
    BOOL DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
    BOOL CloseHandle(HANDLE);
    DWORD GetLastError(void);
    """
)
_k32 = ffi.dlopen("kernel32")

PROCESS_DUP_HANDLE = 0x0040
DUPLICATE_SAME_ACCESS = 0x0002


class Waker:
    def __init__(self) -> None:
        self._rx, self._tx = socket.socketpair()
        self._rx.setblocking(False)
        self._lock = threading.Lock()

    def fileno(self) -> int:
        # what the pump hands to select()
        return self._rx.fileno()

    def wake(self) -> None:
        written = ffi.new("DWORD *")
        with self._lock:
            _k32.WriteFile(ffi.cast("HANDLE", self._tx.fileno()), b"\0", 1, written, ffi.NULL)  # error: WSK102

    def drain(self) -> int:
        buf = ffi.new("char[]", 512)
        got = ffi.new("DWORD *")
        ok = _k32.ReadFile(  # error: WSK101
            ffi.cast("HANDLE", self._rx.fileno()), buf, 512, got, ffi.NULL
        )
        return got[0] if ok else 0

    def _handles(self):
        yield self._rx.fileno()
        yield self._tx.fileno()

    def export_to(self, pid: int) -> list[int]:
        """Give a helper process its own copies of both ends."""
        target = _k32.OpenProcess(PROCESS_DUP_HANDLE, 0, pid)
        me = _k32.GetCurrentProcess()
        out = []
        try:
            for h in self._handles():
                dup = ffi.new("HANDLE *")
                if not _k32.DuplicateHandle(me, ffi.cast("HANDLE", h), target, dup, 0, 0, DUPLICATE_SAME_ACCESS):  # error: WSK103
                    raise OSError(_k32.GetLastError(), "DuplicateHandle")
                out.append(int(ffi.cast("uintptr_t", dup[0])))
        finally:
            _k32.CloseHandle(target)
        return out

    def close(self) -> None:
        self._rx.close()
        self._tx.close()
