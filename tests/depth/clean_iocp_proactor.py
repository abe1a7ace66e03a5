"""A minimal IOCP proactor for the ``winloop-lite`` event loop.

Modelled on asyncio.windows_events.IocpProactor: sockets go through the
WSA* entry points; named pipes and files go through ReadFile/WriteFile.
"""

import msvcrt
import socket

import _overlapped
import _winapi

NULL = 0
INFINITE = 0xFFFFFFFF
PIPE_BUFSIZE = 8192


class PipeHandle:
    """Wrapper for an overlapped pipe handle (closed on garbage collection)."""

    def __init__(self, handle):
        self._handle = handle

    def fileno(self):
        if self._handle is None:
            raise ValueError("I/O operation on closed pipe")
        return self._handle

    def close(self, *, CloseHandle=_winapi.CloseHandle):
        if self._handle is not None:
            CloseHandle(self._handle)
            self._handle = None


class IocpProactor:
    def __init__(self, concurrency=INFINITE):
        self._iocp = _overlapped.CreateIoCompletionPort(
            _overlapped.INVALID_HANDLE_VALUE, NULL, 0, concurrency
        )
        self._cache = {}
        self._registered = set()

    def _register_with_iocp(self, obj):
        if obj not in self._registered:
            self._registered.add(obj)
            _overlapped.CreateIoCompletionPort(obj.fileno(), self._iocp, 0, 0)

    def _register(self, ov, obj):
        self._cache[ov.address] = (ov, obj)
        return ov

    def recv(self, conn, nbytes, flags=0):
        self._register_with_iocp(conn)
        ov = _overlapped.Overlapped(NULL)
        if isinstance(conn, socket.socket):
            ov.WSARecv(conn.fileno(), nbytes, flags)
        else:
            ov.ReadFile(conn.fileno(), nbytes)
        return self._register(ov, conn)

    def recv_into(self, conn, buf, flags=0):
        self._register_with_iocp(conn)
        ov = _overlapped.Overlapped(NULL)
        if not isinstance(conn, socket.socket):
            ov.ReadFileInto(conn.fileno(), buf)
        else:
            ov.WSARecvInto(conn.fileno(), buf, flags)
        return self._register(ov, conn)

    def send(self, conn, buf, flags=0):
        self._register_with_iocp(conn)
        ov = _overlapped.Overlapped(NULL)
        if isinstance(conn, socket.socket):
            ov.WSASend(conn.fileno(), buf, flags)
        else:
            ov.WriteFile(conn.fileno(), buf)
        return self._register(ov, conn)

    def recvfrom(self, conn: socket.socket, nbytes, flags=0):
        self._register_with_iocp(conn)
        ov = _overlapped.Overlapped(NULL)
        ov.WSARecvFrom(conn.fileno(), nbytes, flags)
        return self._register(ov, conn)

    def sendto(self, conn: socket.socket, buf, flags=0, addr=None):
        self._register_with_iocp(conn)
        ov = _overlapped.Overlapped(NULL)
        ov.WSASendTo(conn.fileno(), buf, flags, addr)
        return self._register(ov, conn)

    def accept(self, listener: socket.socket):
        self._register_with_iocp(listener)
        conn = socket.socket(listener.family, listener.type, listener.proto)
        ov = _overlapped.Overlapped(NULL)
        ov.AcceptEx(listener.fileno(), conn.fileno())
        self._register(ov, listener)
        return conn, ov

    def connect(self, conn: socket.socket, address):
        self._register_with_iocp(conn)
        _overlapped.BindLocal(conn.fileno(), conn.family)
        ov = _overlapped.Overlapped(NULL)
        ov.ConnectEx(conn.fileno(), address)
        return self._register(ov, conn)

    def sendfile(self, sock: socket.socket, file, offset, count):
        self._register_with_iocp(sock)
        ov = _overlapped.Overlapped(NULL)
        offset_low = offset & 0xFFFFFFFF
        offset_high = (offset >> 32) & 0xFFFFFFFF
        ov.TransmitFile(sock.fileno(), msvcrt.get_osfhandle(file.fileno()), offset_low, offset_high, count, 0, 0)
        return self._register(ov, sock)

    def accept_pipe(self, pipe):
        self._register_with_iocp(pipe)
        ov = _overlapped.Overlapped(NULL)
        connected = ov.ConnectNamedPipe(pipe.fileno())
        if connected:
            return pipe
        return self._register(ov, pipe)

    def connect_pipe(self, address):
        return PipeHandle(_overlapped.ConnectPipe(address))


def make_server_pipe(name):
    """Create one instance of a duplex message pipe."""
    sock = _winapi.CreateNamedPipe(
        name,
        _winapi.PIPE_ACCESS_DUPLEX | _winapi.FILE_FLAG_OVERLAPPED,
        _winapi.PIPE_TYPE_MESSAGE | _winapi.PIPE_READMODE_MESSAGE | _winapi.PIPE_WAIT,
        _winapi.PIPE_UNLIMITED_INSTANCES,
        PIPE_BUFSIZE,
        PIPE_BUFSIZE,
        _winapi.NMPWAIT_WAIT_FOREVER,
        _winapi.NULL,
    )
    return PipeHandle(sock)


def pipe_write_sync(path: str, data: bytes) -> int:
    # the old RPC client called every endpoint "sock"; this one is a named pipe
    sock = _winapi.CreateFile(path, _winapi.GENERIC_WRITE, 0, NULL, _winapi.OPEN_EXISTING, 0, NULL)
    try:
        written, err = _winapi.WriteFile(sock, data)
        return written
    finally:
        _winapi.CloseHandle(sock)


def pipe_read_sync(pipe: PipeHandle, size: int = PIPE_BUFSIZE) -> bytes:
    data, err = _winapi.ReadFile(pipe.fileno(), size)
    return data
