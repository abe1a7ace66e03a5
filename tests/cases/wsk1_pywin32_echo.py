"""Tiny Win32 echo service used by the integration rig.

Accepts TCP clients and echoes each request back, logging every
connection to a named pipe that the supervisor reads.
"""
import logging
import socket

import pywintypes
import win32event
import win32file

log = logging.getLogger(__name__)

LOG_PIPE = r"\\.\pipe\echo-supervisor"


def open_log_pipe():
    return win32file.CreateFile(
        LOG_PIPE,
        win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )


def serve(port=7007):
    srv = socket.create_server(("127.0.0.1", port))
    log_pipe = open_log_pipe()
    while True:
        conn, addr = srv.accept()
        log.info("client %s", addr)
        win32file.WriteFile(log_pipe, f"connect {addr}\n".encode())
        try:
            hr, data = win32file.ReadFile(conn.fileno(), 4096)  # error: WSK101
            if not data:
                continue
            win32file.WriteFile(conn.fileno(), data)  # error: WSK102
            conn.sendall(b"\n")
        except pywintypes.error as exc:
            log.warning("client %s failed: %s", addr, exc)
        finally:
            conn.close()


def serve_overlapped(port=7008):
    """The variant that works: Winsock calls on the accepted socket."""
    srv = socket.create_server(("127.0.0.1", port))
    conn, addr = srv.accept()
    buf = win32file.AllocateReadBuffer(4096)
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    win32file.WSARecv(conn, buf, ov, 0)
    nbytes = win32file.GetOverlappedResult(conn.fileno(), ov, True)
    win32event.ResetEvent(ov.hEvent)
    win32file.WSASend(conn, bytes(buf[:nbytes]), ov, 0)
    win32file.GetOverlappedResult(conn.fileno(), ov, True)
    log.info("echoed %d bytes to %s", nbytes, addr)
    conn.close()
    srv.close()
