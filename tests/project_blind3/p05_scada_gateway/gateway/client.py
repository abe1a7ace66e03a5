"""Top of the stack: the client the historian uses, writing with Win32 I/O."""
import ctypes
import struct
from ctypes import wintypes

from .framing import FramingMixin, RetryMixin

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)


class ModbusClient(FramingMixin, RetryMixin):
    def __init__(self, host, unit=1):
        self.unit = unit
        self.open_link(host)

    def write_raw(self, frame):
        written = wintypes.DWORD(0)
        buf = ctypes.create_string_buffer(frame, len(frame))
        ok = kernel32.WriteFile(  # error: WSK102
            wintypes.HANDLE(self.sock.fileno()), buf, len(frame), ctypes.byref(written), None
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return written.value

    def read_holding(self, addr, count):
        self.sock.sendall(self.frame(self.unit, struct.pack(">BHH", 3, addr, count)))
        return self.sock.recv(260)
