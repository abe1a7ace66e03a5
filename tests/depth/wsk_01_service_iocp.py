"""Telemetry relay hosted as a Windows service.

Install with ``python wsk_01_service_iocp.py install`` and start it from
services.msc.  Field devices connect over TCP on port 9500; every frame they
send is acknowledged and forwarded to the archiver worker process.

The accept path uses AcceptEx and an I/O completion port, like the old C++
relay this replaced.
"""
import socket
import struct

import pywintypes
import servicemanager
import win32api
import win32con
import win32event
import win32file
import win32service
import win32serviceutil

LISTEN_ADDR = ("0.0.0.0", 9500)
BUFSIZE = 8192
KEY_LISTENER = 1
KEY_CLIENT = 2
KEY_STOP = 3


class RelayService(win32serviceutil.ServiceFramework):
    _svc_name_ = "PyTelemetryRelay"
    _svc_display_name_ = "Python telemetry relay"
    _svc_description_ = "Relays telemetry frames from field devices to the archiver."

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.hWaitStop = win32event.CreateEvent(None, 0, 0, None)
        self.port = None
        self.listener = None
        self._pending = None
        self._accept_buf = None
        self._accept_ov = None
        self._archiver = None

    # -- service control -------------------------------------------------
    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.hWaitStop)
        if self.port is not None:
            win32file.PostQueuedCompletionStatus(self.port, 0, KEY_STOP, None)

    def SvcDoRun(self):
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (self._svc_name_, ""),
        )
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(LISTEN_ADDR)
        self.listener.listen(64)
        self.port = win32file.CreateIoCompletionPort(
            self.listener.fileno(), None, KEY_LISTENER, 0
        )
        self._start_archiver()
        self._post_accept()
        try:
            self._loop()
        finally:
            self.listener.close()
            servicemanager.LogInfoMsg("telemetry relay stopped")

    # -- archiver hand-off ------------------------------------------------
    def _start_archiver(self):
        import win32process

        si = win32process.STARTUPINFO()
        hproc, hthread, pid, _tid = win32process.CreateProcess(
            None, "pythonw.exe -m relay.archiver", None, None, True, 0, None, None, si
        )
        self._archiver = (hproc, pid)
        # let the archiver accept on the same port when we are overloaded
        self._shared_listener = win32api.DuplicateHandle(  # error: WSK103
            win32api.GetCurrentProcess(),
            self.listener.fileno(),
            hproc,
            0,
            True,
            win32con.DUPLICATE_SAME_ACCESS,
        )

    # -- accept ------------------------------------------------------------
    def _post_accept(self):
        self._pending = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._accept_buf = win32file.AllocateReadBuffer(
            win32file.CalculateSocketEndPointSize(self.listener)
        )
        self._accept_ov = pywintypes.OVERLAPPED()
        self._accept_ov.object = "accept"
        win32file.AcceptEx(self.listener, self._pending, self._accept_buf, self._accept_ov)

    def _on_accepted(self):
        conn = self._pending
        conn.setsockopt(
            socket.SOL_SOCKET,
            win32file.SO_UPDATE_ACCEPT_CONTEXT,
            struct.pack("P", self.listener.fileno()),
        )
        win32file.CreateIoCompletionPort(conn.fileno(), self.port, KEY_CLIENT, 0)
        ov = pywintypes.OVERLAPPED()
        ov.object = ("read", conn, win32file.AllocateReadBuffer(BUFSIZE))
        win32file.ReadFile(conn.fileno(), ov.object[2], ov)  # error: WSK101
        self._reply(conn, b"HELLO")
        self._post_accept()

    # -- client traffic ----------------------------------------------------
    def _reply(self, conn, frame):
        ack = b"ACK" + struct.pack("<I", len(frame))
        ov = pywintypes.OVERLAPPED()
        ov.object = ("write", conn, ack)
        win32file.WriteFile(conn.fileno(), ack, ov)  # error: WSK102

    def _on_read(self, conn, buf, nbytes):
        if nbytes == 0:
            conn.close()
            return
        frame = bytes(buf[:nbytes])
        self._reply(conn, frame)
        ov = pywintypes.OVERLAPPED()
        ov.object = ("read", conn, buf)
        win32file.WSARecv(conn, buf, ov, 0)

    def _loop(self):
        while True:
            rc, nbytes, key, ov = win32file.GetQueuedCompletionStatus(self.port, 1000)
            if key == KEY_STOP:
                break
            if rc == win32event.WAIT_TIMEOUT or ov is None:
                continue
            if ov.object == "accept":
                self._on_accepted()
            elif ov.object[0] == "read":
                _, conn, buf = ov.object
                self._on_read(conn, buf, nbytes)


if __name__ == "__main__":
    win32serviceutil.HandleCommandLine(RelayService)
