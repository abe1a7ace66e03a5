"""CRT interop for the legacy log shipper.

The vendor DLL takes C runtime descriptors or OS handles; this module adapts
our connections and files to what it expects.
"""
import ctypes
import os
import socket
import sys

_msvcrt = ctypes.cdll.msvcrt
_ucrt = ctypes.CDLL("ucrtbase")
_crt_legacy = ctypes.CDLL("msvcrt.dll")

_ucrt._get_osfhandle.restype = ctypes.c_ssize_t
_ucrt._get_osfhandle.argtypes = [ctypes.c_int]
_open_osfhandle = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_ssize_t, ctypes.c_int)(
    ("_open_osfhandle", _msvcrt), ((1, "osfhandle"), (1, "flags"))
)

_vendor = ctypes.CDLL("logship.dll")


class Shipper:
    def __init__(self, host: str, port: int = 5140) -> None:
        self.conn = socket.create_connection((host, port))
        self.spool = open("spool.bin", "ab")

    def os_handle_for_spool(self) -> int:
        return _ucrt._get_osfhandle(self.spool.fileno())

    def os_handle_for_conn(self) -> int:
        # the socket's fileno() is already a SOCKET, not a CRT descriptor
        return _ucrt._get_osfhandle(self.conn.fileno())  # error: WSK204

    def crt_fd_for_conn(self) -> int:
        return _open_osfhandle(self.conn.fileno(), os.O_WRONLY)  # error: WSK204

    def legacy_handle(self) -> int:
        # the old vendor build links msvcrt.dll, so it needs that CRT's handle table
        return _crt_legacy._get_osfhandle(self.conn.fileno())  # error: WSK204

    def stdout_fd(self) -> int:
        return _crt_legacy._dup(sys.stdout.fileno())

    def flush_spool(self, data: bytes) -> None:
        fd = self.spool.fileno()
        _crt_legacy._write(fd, data, len(data))

    def attach(self) -> None:
        _vendor.logship_attach_handle(ctypes.c_ssize_t(self.os_handle_for_spool()))
        _vendor.logship_attach_socket(ctypes.c_ssize_t(self.conn.fileno()))

    def close(self) -> None:
        self.conn.close()
        self.spool.close()


def pipe_fd_pair() -> tuple[int, int]:
    import _winapi

    r, w = _winapi.CreatePipe(None, 0)
    return _msvcrt._open_osfhandle(r, os.O_RDONLY), _msvcrt._open_osfhandle(w, os.O_WRONLY)


if __name__ == "__main__":
    sh = Shipper(sys.argv[1] if len(sys.argv) > 1 else "localhost")
    sh.attach()
    sh.flush_spool(b"started\n")
    sh.close()
