"""Look-alikes of ctypes prototypes, class-level libraries and asyncio subprocesses that are fine."""
import asyncio
import ctypes
import os
import socket
import subprocess
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
ws2_32 = ctypes.WinDLL("ws2_32", use_last_error=True)

_PROTO = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, wintypes.LPVOID, wintypes.LPVOID)
WriteFile = _PROTO(("WriteFile", kernel32))
send = ctypes.WINFUNCTYPE(ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)(("send", ws2_32))
WSASend = _PROTO(("WSASend", ws2_32))
unknown = _PROTO(("WriteFile", ctypes.WinDLL("mylib")))  # not kernel32's export


def through_prototypes(sock: socket.socket, pipe_handle: int, data: bytes) -> None:
    WriteFile(pipe_handle, data, len(data), None, None)  # a pipe
    send(sock.fileno(), data, len(data), 0)  # Winsock itself
    WSASend(sock.fileno(), data, len(data), None, None)
    unknown(sock.fileno(), data, len(data), None, None)
    log = os.open("log", os.O_WRONLY)
    WriteFile(log, data, len(data), None, None)  # a file


class Channel:
    _k32 = ctypes.WinDLL("kernel32")
    _ws2 = ctypes.WinDLL("ws2_32")
    name = "channel"

    def __init__(self, sock: socket.socket, pipe: int) -> None:
        self.sock, self.pipe = sock, pipe

    def write(self, data: bytes) -> None:
        self._k32.WriteFile(self.pipe, data, len(data), None, None)
        self._ws2.send(self.sock.fileno(), data, len(data), 0)
        Channel._k32.CloseHandle(self.pipe)


async def children(sock: socket.socket) -> None:
    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE, stdout=subprocess.PIPE)
    await proc.communicate(sock.recv(1024))
    with open("input.txt", "rb") as source:
        shell = await asyncio.create_subprocess_shell("sort", stdin=source)
        await shell.wait()
    loop = asyncio.get_running_loop()
    await loop.subprocess_exec(asyncio.SubprocessProtocol, "cat", stdin=subprocess.DEVNULL)
