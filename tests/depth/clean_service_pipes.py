"""SpoolBridge Windows service.

Receives print jobs over TCP and hands them to the spooler helper through
a named pipe.  The pipe lives in ``self.sock`` because the Linux daemon
this was ported from used a UNIX-domain socket there.
"""

import os
import socket
import subprocess
import sys

import msvcrt
import pywintypes
import servicemanager
import win32api
import win32event
import win32file
import win32pipe
import win32service
import win32serviceutil

PIPE_NAME = r"\\.\pipe\spoolbridge"
PORT = 9101


class SpoolBridge(win32serviceutil.ServiceFramework):
    _svc_name_ = "SpoolBridge"
    _svc_display_name_ = "Spool Bridge"
    _svc_description_ = "Accepts raw print jobs on TCP 9101."

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.stop_event = win32event.CreateEvent(None, 0, 0, None)
        self.sock = win32pipe.CreateNamedPipe(
            PIPE_NAME,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_READMODE_BYTE | win32pipe.PIPE_WAIT,
            1,
            65536,
            65536,
            0,
            None,
        )
        self.listener = None
        self.iocp = win32file.CreateIoCompletionPort(win32file.INVALID_HANDLE_VALUE, None, 0, 0)

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.stop_event)

    def SvcDoRun(self):
        servicemanager.LogInfoMsg("SpoolBridge waiting for the spooler helper")
        win32pipe.ConnectNamedPipe(self.sock, None)
        self.listener = socket.create_server(("0.0.0.0", PORT))
        self.listener.settimeout(1.0)
        while win32event.WaitForSingleObject(self.stop_event, 0) != win32event.WAIT_OBJECT_0:
            try:
                conn, addr = self.listener.accept()
            except socket.timeout:
                continue
            self.relay_job(conn)
        win32file.CloseHandle(self.sock)

    def relay_job(self, conn: socket.socket) -> None:
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(65536)
        with conn:
            win32file.CreateIoCompletionPort(conn.fileno(), self.iocp, 1, 0)
            header = conn.recv(16)
            win32file.WriteFile(self.sock, header)
            while True:
                win32file.WSARecv(conn, buf, ov, 0)
                n = win32file.GetOverlappedResult(conn.fileno(), ov, True)
                if not n:
                    break
                win32file.WriteFile(self.sock, bytes(buf[:n]))
            hr, status = win32file.ReadFile(self.sock, 64)
            win32file.WSASend(conn, status, ov, 0)
            win32file.GetOverlappedResult(conn.fileno(), ov, True)
        win32api.CloseHandle(ov.hEvent)

    def wait_readable(self, conn: socket.socket, timeout_ms: int) -> bool:
        ev = win32event.CreateEvent(None, True, False, None)
        try:
            win32file.WSAEventSelect(conn, ev, win32file.FD_READ | win32file.FD_CLOSE)
            return win32event.WaitForSingleObject(ev, timeout_ms) == win32event.WAIT_OBJECT_0
        finally:
            win32file.WSAEventSelect(conn, ev, 0)
            win32api.CloseHandle(ev)

    def cancel(self, conn: socket.socket) -> None:
        win32file.CancelIo(conn.fileno())


def send_test_page(conn: socket.socket, path: str) -> None:
    ov = pywintypes.OVERLAPPED()
    ov.hEvent = win32event.CreateEvent(None, True, False, None)
    fh = win32file.CreateFile(path, win32file.GENERIC_READ, win32file.FILE_SHARE_READ, None, win32file.OPEN_EXISTING, 0, None)
    try:
        win32file.TransmitFile(conn, fh, 0, 0, ov, 0)
        win32file.GetOverlappedResult(conn.fileno(), ov, True)
    finally:
        win32file.CloseHandle(fh)
        win32api.CloseHandle(ov.hEvent)


def run_converter(conn: socket.socket, data: bytes) -> None:
    proc = subprocess.Popen(
        ["gswin64c.exe", "-q", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-sOutputFile=-", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    out, _ = proc.communicate(data)
    conn.sendall(out)


def debug_print(msg: str) -> None:
    console = win32api.GetStdHandle(win32api.STD_ERROR_HANDLE)
    win32file.WriteFile(console, (msg + "\r\n").encode("mbcs", "replace"))


def console_handle():
    sock = msvcrt.get_osfhandle(sys.stdout.fileno())  # named sock; it is the console
    return sock


def self_test(port: int = PORT) -> None:
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(b"\x1b%-12345X@PJL INFO STATUS\r\n")
    s.close()
    s = open(os.path.join(os.environ.get("TEMP", "."), "spoolbridge-selftest.log"), "ab")
    s.write(b"selftest ok\r\n")
    s.flush()
    os.fsync(s.fileno())
    s.close()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "selftest":
        self_test()
    elif len(sys.argv) == 1:
        servicemanager.Initialize()
        servicemanager.PrepareToHostSingle(SpoolBridge)
        servicemanager.StartServiceCtrlDispatcher()
    else:
        win32serviceutil.HandleCommandLine(SpoolBridge)
