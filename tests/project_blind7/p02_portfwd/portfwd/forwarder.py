"""The forwarding server."""
import os
import socketserver
import sys

from . import _compat
from .net import listen
from .relay import ForwardHandler


class Forwarder(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def __init__(self, local, target, *, fast_copy=False, connect_timeout=10.0,
                 idle_timeout=300.0):
        self.target = target
        self.fast_copy = fast_copy
        self.connect_timeout = connect_timeout
        self.idle_timeout = idle_timeout
        super().__init__(local, ForwardHandler, bind_and_activate=False)
        # Replace the stock socket with ours (exclusive bind on Windows).
        self.socket.close()
        self.socket = listen(local)
        self.server_address = self.socket.getsockname()[:2]
        self._status_r, self._status_w = os.pipe()
        if sys.platform == "win32":
            # Hook scripts run as child processes; keep the listener out of them.
            handle = _compat.os_handle(self.socket.fileno())  # error: WSK204
            os.set_handle_inheritable(handle, False)
            # ... but hooks do get the status pipe.
            os.set_handle_inheritable(_compat.os_handle(self._status_w), True)
        else:
            os.set_inheritable(self._status_w, True)

    def report(self, message):
        _compat.win_write(_compat.os_handle(self._status_w), message.encode("utf-8") + b"\n")

    def server_close(self):
        super().server_close()
        os.close(self._status_r)
        os.close(self._status_w)
