"""IOCP echo server on CPython's _overlapped module (Windows only).

Sockets only ever meet Winsock calls (AcceptEx, WSARecv, WSASend); the
operator channel is a named pipe, which is what ReadFile/WriteFile are for.
"""
from __future__ import annotations

import os
import socket
import struct
import sys

if sys.platform != "win32":
    raise ImportError("Windows only")

import _overlapped
import _winapi

CONTROL_PIPE = r"\\.\pipe\echo-control"
BUFSIZE = 16384


class EchoServer:
    def __init__(self, port: int) -> None:
        self.listener = socket.create_server(("127.0.0.1", port))
        self.iocp = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, _overlapped.NULL, 0, 0)
        _overlapped.CreateIoCompletionPort(self.listener.fileno(), self.iocp, 0, 0)
        os.set_handle_inheritable(self.listener.fileno(), False)
        self.pending: dict[int, tuple[str, socket.socket, _overlapped.Overlapped]] = {}

    def _post_accept(self) -> None:
        conn = socket.socket(self.listener.family, self.listener.type)
        ov = _overlapped.Overlapped(_overlapped.NULL)
        ov.AcceptEx(self.listener.fileno(), conn.fileno())
        self.pending[ov.address] = ("accept", conn, ov)

    def _post_recv(self, conn: socket.socket) -> None:
        ov = _overlapped.Overlapped(_overlapped.NULL)
        ov.WSARecv(conn.fileno(), BUFSIZE, 0)
        self.pending[ov.address] = ("recv", conn, ov)

    def _post_send(self, conn: socket.socket, data: bytes) -> None:
        ov = _overlapped.Overlapped(_overlapped.NULL)
        ov.WSASend(conn.fileno(), data, 0)
        self.pending[ov.address] = ("send", conn, ov)

    def run_once(self, timeout_ms: int = 1000) -> bool:
        status = _overlapped.GetQueuedCompletionStatus(self.iocp, timeout_ms)
        if status is None:
            return False
        err, nbytes, key, address = status
        kind, conn, ov = self.pending.pop(address)
        if kind == "accept":
            ov.getresult()
            conn.setsockopt(socket.SOL_SOCKET, _overlapped.SO_UPDATE_ACCEPT_CONTEXT,
                            struct.pack("@P", self.listener.fileno()))
            _overlapped.CreateIoCompletionPort(conn.fileno(), self.iocp, 0, 0)
            self._post_recv(conn)
            self._post_accept()
        elif kind == "recv":
            data = ov.getresult()
            if data:
                self._post_send(conn, data)
            else:
                conn.close()
        else:
            ov.getresult()
            self._post_recv(conn)
        return True


def control_channel(server: EchoServer) -> None:
    sock = _winapi.CreateNamedPipe(
        CONTROL_PIPE,
        _winapi.PIPE_ACCESS_DUPLEX,
        _winapi.PIPE_TYPE_MESSAGE | _winapi.PIPE_READMODE_MESSAGE | _winapi.PIPE_WAIT,
        1, 4096, 4096, _winapi.NMPWAIT_WAIT_FOREVER, _winapi.NULL,
    )
    try:
        _winapi.ConnectNamedPipe(sock, False)
        cmd, _ = _winapi.ReadFile(sock, 256)
        if cmd.strip() == b"stats":
            _winapi.WriteFile(sock, f"pending={len(server.pending)}".encode())
        elif cmd.startswith(b"share "):
            # a worker asked for the listener: give it WSAPROTOCOL_INFO, not a handle
            pid = int(cmd.split()[1])
            _winapi.WriteFile(sock, server.listener.share(pid))
    finally:
        _winapi.CloseHandle(sock)


def adopt_shared(blob: bytes) -> socket.socket:
    return socket.fromshare(blob)


if __name__ == "__main__":
    srv = EchoServer(int(sys.argv[1]) if len(sys.argv) > 1 else 7007)
    srv._post_accept()
    while True:
        srv.run_once()
