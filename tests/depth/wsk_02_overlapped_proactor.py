"""Minimal completion-port proactor for the replay tool.

asyncio's IocpProactor is too heavy for the replay harness (it needs a running
event loop), so this drives CPython's private ``_overlapped`` module directly.
"""
import socket
import _overlapped

NULL = 0
INFINITE = 0xFFFFFFFF
ERROR_IO_PENDING = 997


class _Op:
    """One outstanding overlapped operation."""

    __slots__ = ("kind", "handle", "ov", "callback", "buf")

    def __init__(self, kind: str, sock: socket.socket, callback):
        self.kind = kind
        self.handle = sock.fileno()
        self.ov = _overlapped.Overlapped(NULL)
        self.callback = callback
        self.buf = None


class ReplayProactor:
    __slots__ = ("_iocp", "_ops", "_registered")

    def __init__(self):
        self._iocp = _overlapped.CreateIoCompletionPort(
            _overlapped.INVALID_HANDLE_VALUE, NULL, 0, INFINITE
        )
        self._ops = {}
        self._registered = set()

    def _register(self, sock: socket.socket) -> None:
        if sock.fileno() not in self._registered:
            _overlapped.CreateIoCompletionPort(sock.fileno(), self._iocp, 0, 0)
            self._registered.add(sock.fileno())

    # -- operations ----------------------------------------------------
    def recv(self, sock: socket.socket, size: int, callback) -> None:
        self._register(sock)
        op = _Op("recv", sock, callback)
        op.ov.ReadFile(op.handle, size)  # error: WSK101
        self._ops[op.ov.address] = op

    def recv_into(self, sock: socket.socket, buf: bytearray, callback) -> None:
        self._register(sock)
        ov = _overlapped.Overlapped(NULL)
        handle = sock.fileno()
        ov.ReadFileInto(handle, buf)  # error: WSK101
        op = _Op("recv_into", sock, callback)
        op.ov, op.buf = ov, buf
        self._ops[ov.address] = op

    def recv_wsa(self, sock: socket.socket, size: int, callback) -> None:
        # the variant the proactor should have used everywhere
        self._register(sock)
        op = _Op("recv", sock, callback)
        op.ov.WSARecv(op.handle, size, 0)
        self._ops[op.ov.address] = op

    def send(self, sock: socket.socket, data: bytes, callback) -> None:
        self._register(sock)
        op = _Op("send", sock, callback)
        op.buf = data
        op.ov.WriteFile(sock.fileno(), data)  # error: WSK102
        self._ops[op.ov.address] = op

    def send_wsa(self, sock: socket.socket, data: bytes, callback) -> None:
        self._register(sock)
        op = _Op("send", sock, callback)
        op.ov.WSASend(op.handle, data, 0)
        self._ops[op.ov.address] = op

    # -- completion loop -------------------------------------------------
    def run_once(self, timeout_ms: int = 100) -> int:
        done = 0
        while True:
            status = _overlapped.GetQueuedCompletionStatus(self._iocp, timeout_ms)
            if status is None:
                return done
            _err, _transferred, _key, address = status
            op = self._ops.pop(address, None)
            if op is None:
                continue
            try:
                result = op.ov.getresult()
            except OSError as exc:
                result = exc
            op.callback(result)
            done += 1
            timeout_ms = 0


def replay(host: str, port: int, frames: list[bytes]) -> None:
    proactor = ReplayProactor()
    conn = socket.create_connection((host, port))
    replies = []
    for frame in frames:
        proactor.send(conn, frame, lambda r: None)
        proactor.recv(conn, 4096, replies.append)
        while not proactor.run_once():
            pass
    conn.close()
