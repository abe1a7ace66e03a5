"""Windows service that relays a local named pipe to a remote log collector.

Install with ``python wsk_pywin32_service.py install``.
"""
import logging
import socket

import pywintypes
import servicemanager
import win32api
import win32con
import win32event
import win32file
import win32pipe
import win32service
import win32serviceutil

log = logging.getLogger("PipeRelay")

PIPE_NAME = r"\\.\pipe\piperelay"
COLLECTOR = ("logs.corp.example", 6514)


class PipeRelayService(win32serviceutil.ServiceFramework):
    _svc_name_ = "PipeRelay"
    _svc_display_name_ = "Pipe to collector relay"

    def __init__(self, args):
        super().__init__(args)
        self.stop_event = win32event.CreateEvent(None, 0, 0, None)
        self.upstream = None

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.stop_event)

    def SvcDoRun(self):
        servicemanager.LogInfoMsg("PipeRelay starting")
        self.upstream = socket.create_connection(COLLECTOR)
        try:
            self.relay_loop()
        finally:
            self.upstream.close()

    def open_pipe(self):
        # Historical name: this is the named pipe clients write to.
        sock = win32pipe.CreateNamedPipe(
            PIPE_NAME,
            win32pipe.PIPE_ACCESS_INBOUND,
            win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
            1, 65536, 65536, 0, None,
        )
        win32pipe.ConnectNamedPipe(sock, None)
        return sock

    def relay_loop(self):
        while win32event.WaitForSingleObject(self.stop_event, 0) != win32event.WAIT_OBJECT_0:
            sock = self.open_pipe()
            try:
                while True:
                    try:
                        rc, data = win32file.ReadFile(sock, 4096)
                    except pywintypes.error:
                        break
                    win32file.WriteFile(self.upstream.fileno(), data)  # error: WSK102
            finally:
                win32file.CloseHandle(sock)

    def read_ack(self):
        rc, ack = win32file.ReadFile(self.upstream.fileno(), 16)  # error: WSK101
        return ack

    def read_ack_overlapped(self, overlapped):
        buf = win32file.AllocateReadBuffer(16)
        win32file.WSARecv(self.upstream, buf, overlapped, 0)
        return win32file.GetOverlappedResult(self.upstream.fileno(), overlapped, True)

    def send_overlapped(self, data, overlapped):
        return win32file.WSASend(self.upstream, data, overlapped, 0)

    def share_with(self, pid):
        """Hand our upstream connection to a helper process."""
        me = win32api.GetCurrentProcess()
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        return win32api.DuplicateHandle(  # error: WSK103
            me, self.upstream.fileno(), target, 0, False, win32con.DUPLICATE_SAME_ACCESS
        )

    def share_pipe_with(self, pid, pipe_handle):
        me = win32api.GetCurrentProcess()
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        return win32api.DuplicateHandle(me, pipe_handle, target, 0, False, win32con.DUPLICATE_SAME_ACCESS)

    def share_properly(self, pid):
        return self.upstream.share(pid)


if __name__ == "__main__":
    win32serviceutil.HandleCommandLine(PipeRelayService)
