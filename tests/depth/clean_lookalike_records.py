"""Spool records for the print-server connector.

The records mirror the live-connection ones (some even carry the printer's
socket) but every descriptor they hand to os/Win32 calls belongs to a file or a
pipe.
"""
from __future__ import annotations

import asyncio
import collections
import ctypes
import dataclasses
import enum
import functools
import os
import socket
import subprocess
import threading
import typing
from ctypes import wintypes

import attrs
import msvcrt
import win32file

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
_proto = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HANDLE, wintypes.LPCVOID, wintypes.DWORD,
                            ctypes.POINTER(wintypes.DWORD), ctypes.c_void_p)
WriteFile = _proto(("WriteFile", kernel32), ((1, "h"), (1, "buf"), (1, "n"), (2, "written"), (1, "ov", None)))


class Spool(typing.NamedTuple):
    name: str
    fd: int
    peer: socket.socket | None = None


Job = collections.namedtuple("Job", "job_id fd")


@dataclasses.dataclass
class Printer:
    name: str
    conn: socket.socket
    spool_fd: int


@attrs.define
class Tray:
    path: str
    handle: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.handle = msvcrt.get_osfhandle(os.open(self.path, os.O_RDWR | os.O_CREAT))


class Slot(enum.Enum):
    HEADER = 1
    BODY = 2


class SpoolFile:
    def __init__(self, path: str) -> None:
        self._file = open(path, "r+b")

    def raw_handle(self) -> int:
        return self._file.fileno()


def open_spool(name: str, conn: socket.socket) -> Spool:
    fd = os.open(f"{name}.spl", os.O_RDWR | os.O_CREAT | os.O_BINARY)
    return Spool(name, fd, conn)


def flush_spool(sp: Spool, data: bytes) -> None:
    os.write(sp.fd, data)
    os.fsync(sp.fd)
    if sp.peer is not None:
        sp.peer.sendall(b"SPOOLED\r\n")


def submit(job: Job, data: bytes) -> None:
    win32file.WriteFile(msvcrt.get_osfhandle(job.fd), data)


def print_job(p: Printer, body: bytes) -> None:
    slots = {Slot.HEADER: p.spool_fd, Slot.BODY: os.open("body.tmp", os.O_WRONLY | os.O_CREAT)}
    os.write(slots[Slot.BODY], body)
    os.close(slots[Slot.BODY])
    p.conn.sendall(b"PRINT %s\r\n" % p.name.encode())


def tray_write(t: Tray, data: bytes) -> int:
    return WriteFile(t.handle, data, len(data))


def background_flush(sf: SpoolFile, data: bytes) -> None:
    fd = sf.raw_handle()
    writer = functools.partial(os.write, fd)
    threading.Thread(target=writer, args=(data,)).start()
    cleanup = lambda: os.close(fd)
    threading.Timer(5.0, cleanup).start()


def records(printers: list[Printer]) -> list[tuple[str, int]]:
    return [(p.name, p.spool_fd) for p in printers]


def reopen_all(printers: list[Printer]) -> list:
    return [os.fdopen(os.dup(fd), "ab") for _, fd in records(printers)]


async def convert(job: Job, argv: list[str]) -> int:
    with open(f"job{job.job_id}.log", "ab") as log:
        proc = await asyncio.create_subprocess_exec(*argv, stdin=asyncio.subprocess.PIPE, stdout=log)
        await proc.communicate(os.read(job.fd, 1 << 20))
    return subprocess.call(["cmd", "/c", "echo", "done"], stdout=subprocess.DEVNULL)
