"""Expose a Windows COM port over TCP (eventlet + pywin32).

One client at a time; a new client replaces the previous one.  In reverse
mode the bridge dials out to a terminal server instead of listening.
"""
import ctypes
import logging
import msvcrt
import os

import eventlet
import pywintypes
import win32file
from eventlet import tpool

log = logging.getLogger("serialbridge")


class SerialBridge:
    def __init__(self, com_name, listen_addr=("0.0.0.0", 7000)):
        self.port = win32file.CreateFile(
            "\\\\.\\" + com_name,
            win32file.GENERIC_READ | win32file.GENERIC_WRITE,
            0,
            None,
            win32file.OPEN_EXISTING,
            0,
            None,
        )
        self.server = eventlet.listen(listen_addr)
        self.net = None

    def accept(self):
        if self.net is not None:
            self.net.close()
        self.net, addr = self.server.accept()
        log.info("client %s attached", addr)

    def dial_out(self, addr):
        self.net = eventlet.connect(addr)

    def net_to_serial(self):
        while self.net is not None:
            try:
                _hr, data = win32file.ReadFile(self.net.fileno(), 4096)  # error: WSK101
            except pywintypes.error as exc:
                log.warning("network read failed: %s", exc)
                break
            if not data:
                break
            tpool.execute(win32file.WriteFile, self.port, data)

    def serial_to_net(self):
        while self.net is not None:
            _hr, data = tpool.execute(win32file.ReadFile, self.port, 256)
            if data:
                tpool.execute(self._push, data)

    def _push(self, data):
        win32file.WriteFile(self.net.fileno(), data)  # error: WSK102

    def attach_logger(self, dll_path):
        """Hand both ends to the vendor's protocol logger, which wants CRT fds."""
        vendor = ctypes.CDLL(dll_path)
        port_fd = msvcrt.open_osfhandle(self.port.handle, os.O_RDONLY)
        net_fd = msvcrt.open_osfhandle(self.net.fileno(), os.O_RDONLY)  # error: WSK204
        vendor.vt_attach(port_fd, net_fd)

    def pump_until_closed(self, logger_dll=None):
        if logger_dll:
            self.attach_logger(logger_dll)
        pumps = [eventlet.spawn(self.net_to_serial), eventlet.spawn(self.serial_to_net)]
        pumps[0].wait()
        pumps[1].kill()

    def run(self, logger_dll=None, reverse_to=None):
        while True:
            if reverse_to:
                self.dial_out(reverse_to)
            else:
                self.accept()
            self.pump_until_closed(logger_dll)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    target = os.environ.get("BRIDGE_REVERSE")
    SerialBridge(os.environ.get("BRIDGE_COM", "COM3")).run(
        logger_dll=os.environ.get("BRIDGE_LOGGER"),
        reverse_to=tuple(target.split(":")) if target else None,
    )
