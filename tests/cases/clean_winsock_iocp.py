"""IOCP echo server written against pywin32's Winsock wrappers.

Every call here takes a socket (or its handle) on purpose: these are the
Winsock entry points, not file I/O.
"""
import ctypes
import select
import socket
import struct

import _overlapped
import pywintypes
import win32event
import win32file

ws2_32 = ctypes.WinDLL("ws2_32")


def serve(port=9000):
    iocp = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    win32file.CreateIoCompletionPort(listener.fileno(), iocp, 1, 0)

    accepted = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    abuf = win32file.AllocateReadBuffer(win32file.CalculateSocketEndPointSize(listener))
    ov = pywintypes.OVERLAPPED()
    win32file.AcceptEx(listener, accepted, abuf, ov)
    win32file.GetQueuedCompletionStatus(iocp, win32event.INFINITE)
    accepted.setsockopt(socket.SOL_SOCKET, win32file.SO_UPDATE_ACCEPT_CONTEXT,
                        struct.pack("P", listener.fileno()))
    win32file.CreateIoCompletionPort(accepted.fileno(), iocp, 2, 0)

    rbuf = win32file.AllocateReadBuffer(4096)
    win32file.WSARecv(accepted, rbuf, ov, 0)
    _, nbytes, _, _ = win32file.GetQueuedCompletionStatus(iocp, win32event.INFINITE)
    win32file.WSASend(accepted, bytes(rbuf[:nbytes]), ov, 0)
    win32file.GetQueuedCompletionStatus(iocp, win32event.INFINITE)
    accepted.close()
    listener.close()


def send_file(sock: socket.socket, path):
    fh = win32file.CreateFile(path, win32file.GENERIC_READ, win32file.FILE_SHARE_READ,
                              None, win32file.OPEN_EXISTING, 0, None)
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    win32file.TransmitFile(sock, fh, 0, 0, ov, 0)
    win32file.GetOverlappedResult(sock.fileno(), ov, True)
    fh.Close()


def connect_async(addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("0.0.0.0", 0))
    ov = _overlapped.Overlapped(0)
    ov.ConnectEx(s.fileno(), addr)
    return s, ov


def proactor_roundtrip(s: socket.socket, data: bytes, buf: bytearray):
    send_ov = _overlapped.Overlapped(0)
    send_ov.WSASend(s.fileno(), data, 0)
    recv_ov = _overlapped.Overlapped(0)
    recv_ov.WSARecvInto(s.fileno(), buf, 0)
    return send_ov, recv_ov


def raw_send(s: socket.socket, data: bytes):
    ready = select.select([], [s], [], 5.0)[1]
    if ready:
        return ws2_32.send(ctypes.c_size_t(s.fileno()), data, len(data), 0)
    return 0
