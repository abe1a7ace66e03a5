"""Submit RAW jobs."""
import _overlapped
import win32file

from ..net import dial

UEL = b"\x1b%-12345X"


def send_job(host, data):
    conn = dial.PrinterConn.open(host)
    try:
        win32file.WriteFile(conn.sock.fileno(), UEL + data + UEL)  # error: WSK102
    finally:
        conn.sock.close()


def send_job_wsa(host, data):
    conn = dial.PrinterConn.open(host)
    try:
        ov = win32file.OVERLAPPED()
        win32file.WSASend(conn.sock, UEL + data + UEL, ov, 0)
        win32file.GetOverlappedResult(conn.sock.fileno(), ov, True)
    finally:
        conn.sock.close()


def read_reply(host, query):
    with dial.RawSession(host) as s:
        s.sendall(UEL + query)
        ov = _overlapped.Overlapped(None)
        ov.ReadFile(s.fileno(), 1024)  # error: WSK101
        return ov.getresult(True)


def read_reply_wsa(host, query):
    with dial.RawSession(host) as s:
        s.sendall(UEL + query)
        ov = _overlapped.Overlapped(None)
        ov.WSARecv(s.fileno(), 1024, 0)
        return ov.getresult(True)


def park(host):
    """Open a channel and leave it non-blocking for the event loop."""
    import os

    ch = dial.TcpChannel(dial.dial(host))
    os.set_blocking(ch.sock.fileno(), False)  # error: WSK205
    return ch
