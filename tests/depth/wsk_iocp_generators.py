"""A tiny generator-based IOCP scheduler (Windows only).

Tasks are generators that yield Overlapped objects; the scheduler resumes a
task with the operation's result once the completion port reports it.
"""
import _overlapped
import _winapi
import socket
import struct
from collections import deque

INFINITE = 0xFFFFFFFF
BANNER = b"iocp-echo 0.3 ready\r\n"


class Scheduler:
    def __init__(self):
        self.port = _overlapped.CreateIoCompletionPort(_overlapped.INVALID_HANDLE_VALUE, 0, 0, 0)
        self.ready = deque()
        self.waiting = {}

    def register(self, handle):
        _overlapped.CreateIoCompletionPort(handle, self.port, 0, 0)

    def spawn(self, task):
        self.ready.append((task, None))

    def _step(self, task, value):
        try:
            ov = task.send(value)
        except StopIteration:
            return
        self.waiting[ov.address] = (task, ov)

    def run(self):
        while self.ready or self.waiting:
            while self.ready:
                self._step(*self.ready.popleft())
            if not self.waiting:
                break
            status = _overlapped.GetQueuedCompletionStatus(self.port, INFINITE)
            if status is None:
                continue
            _err, _transferred, _key, address = status
            task, ov = self.waiting.pop(address)
            try:
                result = ov.getresult()
            except OSError:
                result = b""
            self.ready.append((task, result))


def banner_task(conn):
    ov, _err = _winapi.WriteFile(conn.fileno(), BANNER, overlapped=True)  # error: WSK102
    yield ov


def echo_task(conn):
    yield from banner_task(conn)
    while True:
        ov = _overlapped.Overlapped(0)
        ov.ReadFile(conn.fileno(), 4096)  # error: WSK101
        data = yield ov
        if not data:
            break
        ov = _overlapped.Overlapped(0)
        ov.WriteFile(conn.fileno(), data)  # error: WSK102
        yield ov
    conn.close()


def line_counter_task(conn):
    """Same shape as echo_task, written with Winsock calls."""
    lines = 0
    while True:
        ov = _overlapped.Overlapped(0)
        ov.WSARecv(conn.fileno(), 4096, 0)
        data = yield ov
        if not data:
            break
        lines += data.count(b"\n")
        ov = _overlapped.Overlapped(0)
        ov.WSASend(conn.fileno(), b"%d\r\n" % lines, 0)
        yield ov
    conn.close()


def accept_task(sched, listener, echo):
    while True:
        conn = socket.socket(listener.family, listener.type)
        ov = _overlapped.Overlapped(0)
        ov.AcceptEx(listener.fileno(), conn.fileno())
        yield ov
        conn.setsockopt(
            socket.SOL_SOCKET,
            _overlapped.SO_UPDATE_ACCEPT_CONTEXT,
            struct.pack("P", listener.fileno()),
        )
        sched.register(conn.fileno())
        if echo:
            sched.spawn(echo_task(conn))
        else:
            sched.spawn(line_counter_task(conn))


def main():
    sched = Scheduler()
    for port, echo in ((7000, True), (7001, False)):
        listener = socket.create_server(("127.0.0.1", port))
        sched.register(listener.fileno())
        sched.spawn(accept_task(sched, listener, echo))
    sched.run()


if __name__ == "__main__":
    main()
