"""Notebook kernel launcher with a heartbeat channel.

The frontend starts the kernel as a child process and watches it through a heartbeat:
it writes one byte on its end of a socketpair and expects the kernel to echo it back
within ``interval`` seconds. The kernel's end of the pair is handed to the child. Output
from the kernel travels on a second socketpair (the "iopub" pair).
"""
from __future__ import annotations

import logging
import os
import select
import socket
import subprocess
import sys
import threading

if sys.platform == "win32":
    import _overlapped
    import _winapi

log = logging.getLogger("frontend.kernel")

DUPLICATE_SAME_ACCESS = 0x2
PROCESS_DUP_HANDLE = 0x40


class Heartbeat(threading.Thread):
    def __init__(self, interval: float = 1.0, misses: int = 3) -> None:
        super().__init__(name="heartbeat", daemon=True)
        self.interval = interval
        self.misses = misses
        self.ours, self.theirs = socket.socketpair()
        self.alive = threading.Event()
        self._stop_event = threading.Event()

    def run(self) -> None:
        missed = 0
        while not self._stop_event.is_set():
            os.write(self.ours.fileno(), b"\x01")  # error: WSK201
            readable, _, _ = select.select([self.ours], [], [], self.interval)
            if readable and os.read(self.ours.fileno(), 1) == b"\x01":  # error: WSK201
                missed = 0
                self.alive.set()
                continue
            missed += 1
            if missed >= self.misses:
                log.error("kernel missed %d heartbeats", missed)
                self.alive.clear()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=self.interval * 2)
        self.ours.close()


class KernelManager:
    def __init__(self, kernel_argv: list[str]) -> None:
        self.kernel_argv = kernel_argv
        self.heartbeat = Heartbeat()
        self.iopub_frontend, self.iopub_kernel = socket.socketpair()
        self.proc: subprocess.Popen | None = None

    def _posix_launch(self) -> subprocess.Popen:
        if os.name != "posix":
            raise RuntimeError("descriptor passing needs POSIX")
        hb = self.heartbeat.theirs
        argv = self.kernel_argv + ["--hb-fd", str(hb.fileno())]
        return subprocess.Popen(argv, pass_fds=(hb.fileno(),), stdout=self.iopub_kernel)

    def _windows_launch(self) -> subprocess.Popen:
        proc = subprocess.Popen(  # error: WSK301
            self.kernel_argv + ["--hb-handle-from-parent"],
            stdout=self.iopub_kernel,
            stdin=subprocess.PIPE,
        )
        me = _winapi.GetCurrentProcess()
        target = _winapi.OpenProcess(PROCESS_DUP_HANDLE, False, proc.pid)
        try:
            child_handle = _winapi.DuplicateHandle(  # error: WSK103
                me, self.heartbeat.theirs.fileno(), target, 0, False, DUPLICATE_SAME_ACCESS
            )
        finally:
            _winapi.CloseHandle(target)
        proc.stdin.write(f"{child_handle}\n".encode())
        proc.stdin.flush()
        return proc

    def start(self) -> None:
        if sys.platform == "win32":
            self.proc = self._windows_launch()
        else:
            self.proc = self._posix_launch()
        self.heartbeat.theirs.close()
        self.iopub_kernel.close()
        self.heartbeat.start()

    def read_output(self, timeout: float = 0.1) -> bytes:
        ready, _, _ = select.select([self.iopub_frontend], [], [], timeout)
        return self.iopub_frontend.recv(65536) if ready else b""

    def interrupt(self) -> None:
        if self.proc is None:
            return
        if sys.platform == "win32":
            # the interrupt event is a real kernel object, so DuplicateHandle is right here
            me = _winapi.GetCurrentProcess()
            event = _overlapped.CreateEvent(None, True, False, None)
            _winapi.DuplicateHandle(me, event, me, 0, True, DUPLICATE_SAME_ACCESS)
        else:
            self.proc.send_signal(2)

    def shutdown(self) -> None:
        self.heartbeat.stop()
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=5)
        self.iopub_frontend.close()
