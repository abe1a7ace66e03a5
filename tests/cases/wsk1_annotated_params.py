"""Framing helpers shared by the RPC client and server (Windows backend)."""
import socket
import ssl
from socket import socket as Socket
from typing import Optional

import pywintypes
import win32event
import win32file

HEADER = 4


def send_frame(sock: socket.socket, payload: bytes) -> None:
    header = len(payload).to_bytes(HEADER, "big")
    win32file.WriteFile(sock.fileno(), header + payload)  # error: WSK102


def recv_exact(sock: "socket.socket", n: int) -> bytes:
    chunks = []
    while n:
        _, chunk = win32file.ReadFile(sock.fileno(), n)  # error: WSK101
        if not chunk:
            raise ConnectionError("peer closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def say_goodbye(sock: Optional[socket.socket]) -> None:
    if sock is None:
        return
    try:
        win32file.WriteFile(sock.fileno(), b"BYE\n")  # error: WSK102
    finally:
        sock.close()


def send_tls_frame(tls: ssl.SSLSocket | None, payload: bytes) -> bool:
    if tls is None:
        return False
    win32file.WriteFile(tls.fileno(), payload)  # error: WSK102
    return True


def peek_header(*, conn: Socket, timeout: float = 5.0) -> bytes:
    conn.settimeout(timeout)
    _, header = win32file.ReadFile(conn.fileno(), HEADER)  # error: WSK101
    return header


def send_frame_ok(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(HEADER, "big") + payload)


def send_frame_overlapped(sock: socket.socket, payload: bytes) -> int:
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    win32file.WSASend(sock, payload, ov, 0)
    return win32file.GetOverlappedResult(sock.fileno(), ov, True)


def read_config(handle, n: int = 4096) -> bytes:
    _, data = win32file.ReadFile(handle, n)
    return data
