"""Windows transport for the log shipper.

The shipper writes batches to a collector over TCP and to a local named pipe
that the tray application listens on.  The blocking path goes through cffi,
the asynchronous path through the _overlapped module that asyncio uses.
"""
import _overlapped
import _winapi
import socket
from cffi import FFI

ffi = FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef int BOOL;
    typedef unsigned long DWORD;
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    BOOL DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
    HANDLE GetCurrentProcess(void);
    DWORD GetLastError(void);
    """
)
k32 = ffi.dlopen("kernel32")

TRAY_PIPE = r"\\.\pipe\logshipper-tray"
INFINITE = 0xFFFFFFFF


def ship_blocking(sock: socket.socket, batch: list[bytes]) -> int:
    data = b"".join(batch)
    written = ffi.new("DWORD *")
    buf = ffi.from_buffer(data)
    if not k32.WriteFile(ffi.cast("HANDLE", sock.fileno()), buf, len(data), written, ffi.NULL):  # error: WSK102
        raise OSError(k32.GetLastError(), "WriteFile failed")
    return written[0]


def handle_for_child(sock: socket.socket) -> int:
    """Give the uploader child a handle of its own."""
    me = k32.GetCurrentProcess()
    out = ffi.new("HANDLE *")
    k32.DuplicateHandle(me, ffi.cast("HANDLE", sock.fileno()), me, out, 0, 1, 2)  # error: WSK103
    return int(ffi.cast("uintptr_t", out[0]))


class OverlappedShipper:
    def __init__(self, addr: tuple[str, int]) -> None:
        self.sock = socket.create_connection(addr)
        self.sock.setblocking(False)
        self.iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, 0)
        _overlapped.CreateIoCompletionPort(self.sock.fileno(), self.iocp, 0, 0)
        self.tray = _winapi.CreateFile(
            TRAY_PIPE,
            _winapi.GENERIC_WRITE,
            0,
            _winapi.NULL,
            _winapi.OPEN_EXISTING,
            _winapi.FILE_FLAG_OVERLAPPED,
            _winapi.NULL,
        )
        _overlapped.CreateIoCompletionPort(self.tray, self.iocp, 0, 0)

    def _wait(self, ov: "_overlapped.Overlapped") -> int:
        if ov.pending:
            _overlapped.GetQueuedCompletionStatus(self.iocp, INFINITE)
        return ov.getresult()

    def send(self, data: bytes) -> int:
        ov = _overlapped.Overlapped(0)
        ov.WSASend(self.sock.fileno(), data, 0)
        return self._wait(ov)

    def notify_tray(self, line: bytes) -> int:
        ov = _overlapped.Overlapped(0)
        ov.WriteFile(self.tray, line)
        return self._wait(ov)

    def read_ack(self) -> bytes:
        ov = _overlapped.Overlapped(0)
        ov.ReadFile(self.sock.fileno(), 64)  # error: WSK101
        self._wait(ov)
        return ov.getresult()

    def read_ack_into(self, buf: bytearray) -> int:
        ov = _overlapped.Overlapped(0)
        ov.WSARecvInto(self.sock.fileno(), buf, 0)
        return self._wait(ov)

    def close(self) -> None:
        self.sock.close()
        _winapi.CloseHandle(self.tray)
        _winapi.CloseHandle(self.iocp)


def main() -> None:
    shipper = OverlappedShipper(("collector.internal", 6514))
    try:
        shipper.send(b"hello\n")
        shipper.notify_tray(b"connected\n")
        print(shipper.read_ack())
        fallback = socket.create_connection(("collector.internal", 6515))
        ship_blocking(fallback, [b"batch-1\n", b"batch-2\n"])
        fallback.close()
    finally:
        shipper.close()
