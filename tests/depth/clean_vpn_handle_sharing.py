"""Hands the tunnel's sockets to the packet helper, the portable way.

Windows: the parent calls ``sock.share(pid)`` for the running helper and writes the blobs
to the helper's stdin pipe; the helper rebuilds them with ``socket.fromshare``. Elsewhere:
plain descriptor inheritance with ``pass_fds``.
"""
from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
from typing import Sequence

if sys.platform == "win32":
    import _winapi
    import win32file

DUPLICATE_SAME_ACCESS = 0x2


def start_helper(argv: Sequence[str], ctrl: socket.socket, data: socket.socket) -> subprocess.Popen:
    if sys.platform == "win32":
        proc = subprocess.Popen(list(argv) + ["--shared-stdin"], stdin=subprocess.PIPE)
        for sock in (ctrl, data):
            blob = sock.share(proc.pid)
            proc.stdin.write(base64.b64encode(blob) + b"\n")
        proc.stdin.flush()
        return proc
    else:
        for sock in (ctrl, data):
            os.set_inheritable(sock.fileno(), True)
        fds = (ctrl.fileno(), data.fileno())
        return subprocess.Popen(list(argv) + ["--fds", "%d,%d" % fds], pass_fds=fds, stdin=ctrl)


def start_helper_inheriting(argv: Sequence[str], data: socket.socket) -> subprocess.Popen:
    """Windows alternative: inherit exactly one handle through the attribute list."""
    if sys.platform != "win32":
        raise RuntimeError("use start_helper() on this platform")
    os.set_handle_inheritable(data.fileno(), True)
    info = subprocess.STARTUPINFO(lpAttributeList={"handle_list": [data.fileno()]})
    return subprocess.Popen(
        list(argv) + ["--data-handle", str(data.fileno())], startupinfo=info, close_fds=True,
    )


def helper_side_sockets() -> list[socket.socket]:
    """Run in the helper: rebuild what the parent sent."""
    if "--shared-stdin" in sys.argv:
        return [socket.fromshare(base64.b64decode(sys.stdin.buffer.readline())) for _ in range(2)]
    spec = sys.argv[sys.argv.index("--fds") + 1]
    return [socket.socket(fileno=int(fd)) for fd in spec.split(",")]


class TapDevice:
    """The TAP adapter is a real device handle, so file APIs are right for it."""

    def __init__(self, path: str) -> None:
        self.sock_handle = win32file.CreateFile(
            path, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None,
            win32file.OPEN_EXISTING, win32file.FILE_ATTRIBUTE_SYSTEM, None,
        )

    def read_packet(self, mtu: int) -> bytes:
        _hr, packet = win32file.ReadFile(self.sock_handle, mtu)
        return bytes(packet)

    def write_packet(self, packet: bytes) -> None:
        win32file.WriteFile(self.sock_handle, packet)

    def give_to(self, pid: int) -> int:
        me = _winapi.GetCurrentProcess()
        target = _winapi.OpenProcess(0x40, False, pid)
        try:
            return _winapi.DuplicateHandle(
                me, int(self.sock_handle), target, 0, False, DUPLICATE_SAME_ACCESS
            )
        finally:
            _winapi.CloseHandle(target)


def pump_once(tap: TapDevice, data: socket.socket, mtu: int = 1400) -> None:
    packet = tap.read_packet(mtu)
    data.send(packet)
    reply = data.recv(mtu + 64)
    if reply:
        tap.write_packet(reply)


def close_all(ctrl: socket.socket, data: socket.socket) -> None:
    if os.name == "nt":
        ctrl.close()
        data.close()
        return
    os.close(ctrl.detach())
    os.close(data.detach())
