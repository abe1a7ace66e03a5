"""Windows service that receives plant-floor telemetry over TCP.

Installed with ``python telemetry_service.py install``; the service control
manager starts ``TelemetryService`` and calls ``SvcDoRun``.  A named pipe
(``\\\\.\\pipe\\telemetry-control``) accepts operator commands.
"""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading

import servicemanager
import win32api
import win32con
import win32event
import win32file
import win32pipe
import win32service
import win32serviceutil

LOG = logging.getLogger("telemetry")
PORT = 5140
CONTROL_PIPE = r"\\.\pipe\telemetry-control"
DECODER = [sys.executable, "-m", "telemetry.decoder"]
SPOOL = r"C:\ProgramData\Telemetry\spool.bin"


class TelemetryService(win32serviceutil.ServiceFramework):
    _svc_name_ = "TelemetrySvc"
    _svc_display_name_ = "Plant Telemetry Receiver"

    def __init__(self, args):
        super().__init__(args)
        self.stop_event = win32event.CreateEvent(None, 0, 0, None)
        self.listener = socket.create_server(("0.0.0.0", PORT), backlog=16)
        self.listener.settimeout(1.0)
        self.spool = open(SPOOL, "ab")
        self.running = True

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        self.running = False
        win32event.SetEvent(self.stop_event)
        self.listener.close()

    def SvcDoRun(self):
        servicemanager.LogInfoMsg(f"{self._svc_name_} listening on {PORT}")
        threading.Thread(target=self._control_loop, daemon=True).start()
        while self.running:
            try:
                conn, peer = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                break
            threading.Thread(target=self._serve, args=(conn, peer), daemon=True).start()

    def _serve(self, conn, peer):
        handle = conn.fileno()
        hr, banner = win32file.ReadFile(handle, 64)  # error: WSK101
        if not banner.startswith(b"TLM1"):
            win32file.WriteFile(handle, b"ERR bad banner\n")  # error: WSK102
            conn.close()
            return
        if banner.rstrip().endswith(b"RAW"):
            # legacy gateways: the decoder parses the raw stream itself
            proc = subprocess.Popen(DECODER + ["--raw"], stdin=conn)  # error: WSK301
            proc.wait()
            conn.close()
            return
        while self.running:
            chunk = conn.recv(4096)
            if not chunk:
                break
            self._store(peer, chunk)
        conn.close()

    def _store(self, peer, chunk: bytes) -> None:
        self.spool.write(chunk)
        self.spool.flush()
        os.fsync(self.spool.fileno())
        LOG.debug("stored %d bytes from %s", len(chunk), peer)

    def _control_loop(self):
        pipe = win32pipe.CreateNamedPipe(
            CONTROL_PIPE,
            win32pipe.PIPE_ACCESS_DUPLEX,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            1, 4096, 4096, 0, None,
        )
        while self.running:
            win32pipe.ConnectNamedPipe(pipe, None)
            hr, cmd = win32file.ReadFile(pipe, 512)
            reply = self._handle_command(cmd.strip())
            win32file.WriteFile(pipe, reply)
            win32pipe.DisconnectNamedPipe(pipe)
        win32file.CloseHandle(pipe)

    def _handle_command(self, cmd: bytes) -> bytes:
        if cmd == b"ping":
            return b"pong"
        if cmd.startswith(b"handoff "):
            # give the listening socket to the updater, then stop accepting
            pid = int(cmd.split()[1])
            target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
            dup = win32api.DuplicateHandle(  # error: WSK103
                win32api.GetCurrentProcess(),
                self.listener.fileno(),
                target,
                0,
                False,
                win32con.DUPLICATE_SAME_ACCESS,
            )
            return str(int(dup.Detach())).encode()
        if cmd == b"respawn-decoder":
            # the decoder is started with close_fds=False and looks for the listener
            os.set_inheritable(self.listener.fileno(), True)  # error: WSK205
            subprocess.Popen(DECODER + ["--listen-inherited"], close_fds=False)
            return b"ok"
        return b"unknown command"


if __name__ == "__main__":
    win32serviceutil.HandleCommandLine(TelemetryService)
