import os
import select
import socket
import sys

from ._compat import WINDOWS, write_fd

if sys.platform == "win32":
    try:
        import pywintypes
        import win32event
        import win32file
        HAVE_PYWIN32 = True
    except ImportError:
        HAVE_PYWIN32 = False
else:
    HAVE_PYWIN32 = False


class TcpShipper:
    def __init__(self, host, port, timeout=10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)

    def ship(self, payload):
        if HAVE_PYWIN32:
            ov = pywintypes.OVERLAPPED()
            ov.hEvent = win32event.CreateEvent(None, True, False, None)
            win32file.WSASend(self.sock, payload, ov, 0)
            return win32file.GetOverlappedResult(self.sock.fileno(), ov, True)
        self.sock.sendall(payload)
        return len(payload)

    def ship_fd(self, payload):
        """Write straight to the descriptor, like the C agent does (POSIX)."""
        if not WINDOWS:
            write_fd(self.sock.fileno(), payload)
        else:
            self.sock.sendall(payload)

    def writable(self, timeout=0.0):
        _, w, _ = select.select([], [self.sock], [], timeout)
        return bool(w)

    def set_inheritable(self, flag):
        if sys.platform == "win32":
            os.set_handle_inheritable(self.sock.fileno(), flag)
        else:
            os.set_inheritable(self.sock.fileno(), flag)

    def clone(self):
        return self.sock.dup()

    def close(self):
        self.sock.close()
