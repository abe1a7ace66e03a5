"""TelemetryRelay Windows service.

Collects line-oriented telemetry from field devices over TCP and forwards
it to the local collector through a named pipe.

    python wsk_windows_service.py install
    python wsk_windows_service.py start
"""

import socket
import sys
import threading

import msvcrt
import pywintypes
import servicemanager
import win32api
import win32con
import win32event
import win32file
import win32process
import win32service
import win32serviceutil

PIPE_NAME = r"\\.\pipe\telemetry-collector"
PORT = 9100


class TelemetryService(win32serviceutil.ServiceFramework):
    _svc_name_ = "TelemetryRelay"
    _svc_display_name_ = "Telemetry Relay"
    _svc_description_ = "Forwards device telemetry to the local collector."

    def __init__(self, args):
        win32serviceutil.ServiceFramework.__init__(self, args)
        self.stop_event = win32event.CreateEvent(None, 0, 0, None)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.pipe = None
        self.running = True
        self.overlapped_io = False

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        self.running = False
        win32event.SetEvent(self.stop_event)
        self.listener.close()

    def SvcDoRun(self):
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (self._svc_name_, ""),
        )
        self.pipe = win32file.CreateFile(
            PIPE_NAME, win32file.GENERIC_WRITE, 0, None, win32file.OPEN_EXISTING, 0, None
        )
        self.listener.bind(("0.0.0.0", PORT))
        self.listener.listen(16)
        target = self.handle_device_overlapped if self.overlapped_io else self.handle_device
        while self.running:
            try:
                conn, addr = self.listener.accept()
            except OSError:
                break
            threading.Thread(target=target, args=(conn, addr), daemon=True).start()
        win32file.CloseHandle(self.pipe)

    def handle_device(self, conn: socket.socket, addr) -> None:
        handle = conn.fileno()
        try:
            while self.running:
                hr, data = win32file.ReadFile(handle, 4096)  # error: WSK101
                if not data:
                    break
                win32file.WriteFile(self.pipe, data)
                win32file.WriteFile(handle, b"ACK\r\n")  # error: WSK102
        except pywintypes.error as exc:
            servicemanager.LogErrorMsg("device %s: %s" % (addr[0], exc.strerror))
        finally:
            conn.close()

    def handle_device_overlapped(self, conn: socket.socket, addr) -> None:
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        buf = win32file.AllocateReadBuffer(4096)
        try:
            while self.running:
                win32file.WSARecv(conn, buf, ov, 0)
                n = win32file.GetOverlappedResult(conn.fileno(), ov, True)
                if not n:
                    break
                win32file.WriteFile(self.pipe, bytes(buf[:n]))
                win32file.WSASend(conn, b"ACK\r\n", ov, 0)
                win32file.GetOverlappedResult(conn.fileno(), ov, True)
        except pywintypes.error as exc:
            servicemanager.LogErrorMsg("device %s: %s" % (addr[0], exc.strerror))
        finally:
            win32api.CloseHandle(ov.hEvent)
            conn.close()

    def spawn_decoder(self, conn: socket.socket) -> int:
        """Legacy binary devices are handled by decoder.exe, which speaks on stdio."""
        si = win32process.STARTUPINFO()
        si.dwFlags = win32con.STARTF_USESTDHANDLES
        si.hStdInput = msvcrt.get_osfhandle(conn.fileno())  # error: WSK204
        si.hStdOutput = win32api.GetStdHandle(win32api.STD_OUTPUT_HANDLE)
        si.hStdError = si.hStdOutput
        hproc, hthread, pid, tid = win32process.CreateProcess(
            None, "decoder.exe --stdio", None, None, True, 0, None, None, si
        )
        win32api.CloseHandle(hthread)
        win32api.CloseHandle(hproc)
        return pid

    def hand_off(self, conn: socket.socket, worker_pid: int) -> int:
        """Give an accepted device connection to a worker process."""
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, worker_pid)
        try:
            dup = win32api.DuplicateHandle(  # error: WSK103
                win32api.GetCurrentProcess(),
                conn.fileno(),
                target,
                0,
                False,
                win32con.DUPLICATE_SAME_ACCESS,
            )
        finally:
            win32api.CloseHandle(target)
        conn.close()
        return dup.Detach()


def debug_print(msg: str) -> None:
    console = win32api.GetStdHandle(win32api.STD_ERROR_HANDLE)
    win32file.WriteFile(console, (msg + "\r\n").encode("mbcs", "replace"))


if __name__ == "__main__":
    if len(sys.argv) == 1:
        servicemanager.Initialize()
        servicemanager.PrepareToHostSingle(TelemetryService)
        servicemanager.StartServiceCtrlDispatcher()
    else:
        win32serviceutil.HandleCommandLine(TelemetryService)
