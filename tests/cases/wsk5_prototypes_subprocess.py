"""ctypes prototypes, class-level libraries and asyncio subprocesses given a socket."""
import asyncio
import ctypes
import socket
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
crt = ctypes.CDLL("msvcrt")

_PROTO = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, wintypes.LPVOID, wintypes.LPVOID)
WriteFile = _PROTO(("WriteFile", kernel32), ((1, "h"), (1, "buf"), (1, "n"), (2, "done"), (1, "ov", None)))
to_crt = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_intptr_t, ctypes.c_int)(("_open_osfhandle", crt))


def through_prototypes(sock: socket.socket, data: bytes) -> None:
    WriteFile(sock.fileno(), data, len(data))  # error: WSK102
    to_crt(sock.fileno(), 0)  # error: WSK204
    read = ctypes.CFUNCTYPE(wintypes.BOOL)(("ReadFile", kernel32))
    read(sock.fileno(), None, 0, None, None)  # error: WSK101


class Channel:
    _k32 = ctypes.WinDLL("kernel32")

    def __init__(self, host: str) -> None:
        self.sock = socket.create_connection((host, 9000))

    def write(self, data: bytes) -> None:
        self._k32.WriteFile(self.sock.fileno(), data, len(data), None, None)  # error: WSK102

    def share(self, process) -> None:
        Channel._k32.DuplicateHandle(process, self.sock.fileno(), process, None, 0, False, 2)  # error: WSK103


async def children(host: str) -> None:
    conn = socket.create_connection((host, 7000))
    await asyncio.create_subprocess_exec("worker", stdin=conn)  # error: WSK301
    await asyncio.create_subprocess_shell("worker", stdout=conn.fileno())  # error: WSK301
    loop = asyncio.get_running_loop()
    await loop.subprocess_exec(asyncio.SubprocessProtocol, "worker", stderr=conn)  # error: WSK301
