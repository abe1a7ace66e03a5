"""Channel over TCP, for controllers on the lab network."""
from __future__ import annotations

import _overlapped
import _winapi
import socket
from multiprocessing import reduction

from .channel import Channel


class SocketChannel(Channel):
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def _raw_handle(self):
        return self._sock.fileno()

    def read_reply(self, size: int = 4096) -> bytes:
        ov = _overlapped.Overlapped()
        ov.WSARecv(self._sock.fileno(), size, 0)
        return ov.getresult(True)

    def read_reply_legacy(self, size: int = 4096) -> bytes:
        """Old firmware path, kept for the 1.x controllers."""
        ov = _overlapped.Overlapped()
        ov.ReadFile(self._sock.fileno(), size)  # error: WSK101
        return ov.getresult(True)

    def hand_to_worker(self, worker_pid: int) -> int:
        """Give the acquisition worker its own handle to the connection."""
        proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, worker_pid)
        try:
            return reduction.duplicate(self._sock.fileno(), proc)  # error: WSK103
        finally:
            _winapi.CloseHandle(proc)

    def close(self) -> None:
        self._sock.close()
