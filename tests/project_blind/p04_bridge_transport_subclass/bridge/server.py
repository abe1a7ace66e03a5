"""Windows side: present the gateway connection to the overlapped-I/O engine."""

import win32api
import win32con
import win32file

from .transport import Transport


class PipeServer(Transport):
    """Feeds the legacy engine, which only knows ReadFile/WriteFile."""

    def push(self, data):
        win32file.WriteFile(self.sock.fileno(), data)  # error: WSK102

    def pull(self, size=4096):
        rc, data = win32file.ReadFile(self.sock.fileno(), size)  # error: WSK101
        if rc:
            raise OSError(rc, "ReadFile failed")
        return data

    def hand_to(self, pid):
        """Give the engine process its own handle to the connection."""
        me = win32api.GetCurrentProcess()
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, pid)
        try:
            return win32api.DuplicateHandle(  # error: WSK103
                me,
                self.sock.fileno(),
                target,
                0,
                False,
                win32con.DUPLICATE_SAME_ACCESS,
            )
        finally:
            win32api.CloseHandle(target)
