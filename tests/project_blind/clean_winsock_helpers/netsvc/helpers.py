"""Socket helpers that stay inside Winsock."""

import os
import socket
import sys

if sys.platform == "win32":
    import pywintypes
    import win32file


def connect(addr, timeout=10.0) -> socket.socket:
    return socket.create_connection(addr, timeout=timeout)


def send_all(sock, data):
    sock.sendall(data)


def overlapped_send(sock, data):
    """Queue ``data`` with WSASend and wait for it."""
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32file.CreateEvent(None, True, False, None)
    win32file.WSASend(sock, data, ov, 0)
    return win32file.GetOverlappedResult(sock.fileno(), ov, True)


def share_with(sock, pid):
    return sock.share(pid)


def adopt(blob):
    return socket.fromshare(blob)


def clone(sock):
    return sock.dup()


def as_stream(sock):
    return sock.makefile("rwb")


def allow_inherit(sock):
    if sys.platform == "win32":
        os.set_handle_inheritable(sock.fileno(), True)
    else:
        sock.set_inheritable(True)
