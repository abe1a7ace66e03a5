"""IOCP echo server used by the Windows network soak tests.

Accepts with AcceptEx, reads with WSARecv and answers with WSASend.  The
greeting and the "handover" to a worker process were added later.
"""
import socket
import struct

import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32process
from win32file import WriteFile as _raw_write

BUF_SIZE = 8192
GREETING = b"soak-echo 2.1\r\n"


class IocpEchoServer:
    def __init__(self, port: int) -> None:
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("0.0.0.0", port))
        self.listener.listen(64)
        self.port = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
        win32file.CreateIoCompletionPort(self.listener.fileno(), self.port, 1, 0)
        self.audit = win32file.CreateFile(
            "soak-audit.log",
            win32file.GENERIC_WRITE,
            win32file.FILE_SHARE_READ,
            None,
            win32file.OPEN_ALWAYS,
            0,
            None,
        )

    def accept_one(self) -> socket.socket:
        accepted = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        buf = win32file.AllocateReadBuffer(win32file.CalculateSocketEndPointSize(self.listener))
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        win32file.AcceptEx(self.listener, accepted, buf, ov)
        win32event.WaitForSingleObject(ov.hEvent, win32event.INFINITE)
        accepted.setsockopt(
            socket.SOL_SOCKET,
            win32file.SO_UPDATE_ACCEPT_CONTEXT,
            struct.pack("P", self.listener.fileno()),
        )
        win32file.CreateIoCompletionPort(accepted.fileno(), self.port, 2, 0)
        return accepted

    def greet(self, conn: socket.socket) -> None:
        _raw_write(conn.fileno(), GREETING, None)  # error: WSK102
        win32file.WriteFile(self.audit, b"greeted\r\n", None)

    def echo_once(self, conn: socket.socket) -> int:
        buf = win32file.AllocateReadBuffer(BUF_SIZE)
        ov = pywintypes.OVERLAPPED()
        win32file.WSARecv(conn, buf, ov, 0)
        _rc, nbytes, _key, _ov = win32file.GetQueuedCompletionStatus(self.port, 5000)
        if nbytes:
            win32file.WSASend(conn, buf[:nbytes], pywintypes.OVERLAPPED(), 0)
            win32file.GetQueuedCompletionStatus(self.port, 5000)
        return nbytes

    def drain_sync(self, conn: socket.socket) -> bytes:
        """Blocking read used by the "slow client" scenario."""
        _hr, data = win32file.ReadFile(conn.fileno(), BUF_SIZE, None)  # error: WSK101
        return bytes(data)

    def hand_over(self, conn: socket.socket, worker_pid: int) -> int:
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, worker_pid)
        try:
            dup = win32api.DuplicateHandle(  # error: WSK103
                win32api.GetCurrentProcess(),
                conn.fileno(),
                target,
                0,
                False,
                win32con.DUPLICATE_SAME_ACCESS,
            )
            return dup.Detach()
        finally:
            win32api.CloseHandle(target)

    def close(self) -> None:
        win32file.CancelIo(self.listener.fileno())
        self.listener.close()
        win32api.CloseHandle(self.audit)


def spawn_worker(cmdline: str) -> int:
    _hp, _ht, pid, _tid = win32process.CreateProcess(
        None, cmdline, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    return pid


if __name__ == "__main__":
    srv = IocpEchoServer(9900)
    client = srv.accept_one()
    srv.greet(client)
    while srv.echo_once(client):
        pass
    srv.hand_over(client, spawn_worker("python soak_worker.py"))
    srv.close()
