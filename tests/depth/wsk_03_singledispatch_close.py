"""Teardown and diagnostics for the agent's resource registry.

Everything the agent opens (log files, pipes, raw descriptors, sockets) is
registered here so that ``shutdown()`` can release it in reverse order.
"""
import functools
import io
import msvcrt
import os
import socket
import ssl
import threading
from typing import Any


@functools.singledispatch
def release(obj: Any) -> None:
    close = getattr(obj, "close", None)
    if close is not None:
        close()


@release.register
def _(obj: int) -> None:
    # raw CRT descriptors handed to us by the launcher
    os.close(obj)


@release.register
def _(obj: io.IOBase) -> None:
    if not obj.closed:
        obj.flush()
        os.fsync(obj.fileno())
        obj.close()


@release.register
def _(obj: socket.socket) -> None:
    try:
        obj.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    os.close(obj.fileno())  # error: WSK205


@functools.singledispatch
def clone(obj: Any) -> Any:
    raise TypeError(f"cannot clone {type(obj).__name__}")


@clone.register
def _(obj: io.FileIO) -> int:
    return os.dup(obj.fileno())


@clone.register
def _(obj: ssl.SSLSocket) -> int:
    return os.dup(obj.fileno())  # error: WSK202


class Registry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[Any] = []

    def add(self, obj: Any) -> Any:
        with self._lock:
            self._entries.append(obj)
        return obj

    def shutdown(self) -> None:
        with self._lock:
            entries, self._entries = self._entries[::-1], []
        for obj in entries:
            release(obj)

    @functools.singledispatchmethod
    def describe(self, obj: Any) -> str:
        return repr(obj)

    @describe.register
    def _(self, obj: io.BufferedIOBase) -> str:
        return f"file fd={obj.fileno()} os-handle={msvcrt.get_osfhandle(obj.fileno()):#x}"

    @describe.register
    def _(self, obj: socket.socket) -> str:
        handle = msvcrt.get_osfhandle(obj.fileno())  # error: WSK204
        return f"socket {obj.getsockname()} os-handle={handle:#x}"

    @functools.singledispatchmethod
    def set_blocking(self, obj: Any, flag: bool) -> None:
        os.set_blocking(obj, flag)

    @set_blocking.register
    def _(self, obj: socket.socket, flag: bool) -> None:
        os.set_blocking(obj.fileno(), flag)  # error: WSK205

    def dump(self) -> list[str]:
        with self._lock:
            return [self.describe(obj) for obj in self._entries]
