"""Moving sockets between processes and threads without DuplicateHandle."""
import multiprocessing
import os
import select
import socket

import _overlapped
import win32file

from .conn import Conn, dial
from .emit import close_target, emit


def _worker(q):
    kind, payload = q.get()
    if kind == "shared":
        s = socket.fromshare(payload)
    else:
        s = payload
    with s:
        s.sendall(b"hello from worker\n")


def hand_off(host, port):
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=_worker, args=(q,))
    p.start()
    conn = dial(host, port)
    q.put(("shared", conn.share(p.pid)))
    conn.close()
    return p


def hand_off_pickled(host, port):
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=_worker, args=(q,))
    p.start()
    with dial(host, port) as conn:
        q.put(("object", conn))
    return p


def overlapped_echo(host, port):
    with Conn.open(host, port) as s:
        iocp = _overlapped.CreateIoCompletionPort(s.fileno(), _overlapped.INVALID_HANDLE_VALUE, 0, 0)
        ov = _overlapped.Overlapped(None)
        ov.WSASend(s.fileno(), b"ping", 0)
        ov.getresult(True)
        ov = _overlapped.Overlapped(None)
        ov.WSARecv(s.fileno(), 4, 0)
        return ov.getresult(True), iocp


def pywin32_echo(host, port):
    conn = Conn.open(host, port)
    with conn as s:
        ov = win32file.OVERLAPPED()
        win32file.WSASend(s, b"ping", ov, 0)
        win32file.GetOverlappedResult(conn.fileno(), ov, True)
        buf = win32file.AllocateReadBuffer(4)
        win32file.WSARecv(s, buf, ov, 0)
        return bytes(buf)


def private_copy(host, port):
    conn = dial(host, port)
    twin = conn.dup()
    os.set_handle_inheritable(twin.fileno(), False)
    clone = socket.socket(fileno=conn.detach())
    return twin, clone


def wait_readable(conns, timeout=1.0):
    ready, _, _ = select.select([c.fileno() for c in conns], [], [], timeout)
    return ready


def fanout(host, port, log_fd, data):
    conn = dial(host, port)
    for target in (conn, log_fd):
        emit(target, data)
    close_target(conn)
    close_target(log_fd)


def as_stream(host, port):
    conn = dial(host, port)
    with conn.makefile("rwb", buffering=0) as stream:
        stream.write(b"HELO\r\n")
        return stream.readline()
