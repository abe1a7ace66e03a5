from __future__ import annotations

import win32file
import win32pipe

PIPE_PREFIX = "\\\\.\\pipe\\"


def create(name, *, max_instances=4):
    sock = win32pipe.CreateNamedPipe(
        PIPE_PREFIX + name,
        win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
        win32pipe.PIPE_TYPE_BYTE | win32pipe.PIPE_WAIT,
        max_instances,
        65536,
        65536,
        0,
        None,
    )
    return sock


class PipeChannel:
    """Server end of a named pipe.  Called ``sock`` for symmetry with the TCP transport."""

    def __init__(self, name):
        self.name = name
        self.sock = create(name)

    def wait(self):
        win32pipe.ConnectNamedPipe(self.sock, None)

    def close(self):
        win32file.CloseHandle(self.sock)
