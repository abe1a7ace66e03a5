"""Channel: what every printer transport must provide."""
import abc
import socket

import _winapi


class Channel(abc.ABC):
    """A bidirectional link to one printer."""

    @property
    @abc.abstractmethod
    def sock(self) -> socket.socket:
        """The connected socket carrying the job."""

    def handoff(self, target_pid):
        """Give the connection to the print worker process `target_pid`."""
        proc = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, target_pid)
        try:
            return _winapi.DuplicateHandle(  # error: WSK103
                _winapi.GetCurrentProcess(),
                self.sock.fileno(),
                proc,
                0,
                False,
                _winapi.DUPLICATE_SAME_ACCESS,
            )
        finally:
            _winapi.CloseHandle(proc)

    def close(self):
        self.sock.close()
