"""Named pipes on Windows, FIFOs elsewhere.

The attribute is called ``sock`` for historical reasons: the first version
used a socketpair here.
"""
import os
import sys
import tempfile

if sys.platform == "win32":
    import _winapi


class PipeSource:
    def __init__(self, name):
        if sys.platform == "win32":
            self.path = "\\\\.\\pipe\\" + name
            self.sock = _winapi.CreateNamedPipe(
                self.path,
                _winapi.PIPE_ACCESS_INBOUND,
                _winapi.PIPE_TYPE_BYTE | _winapi.PIPE_WAIT,
                1, 0, 65536, 0, _winapi.NULL,
            )
        else:
            self.path = os.path.join(tempfile.gettempdir(), name)
            if not os.path.exists(self.path):
                os.mkfifo(self.path)
            self.sock = os.open(self.path, os.O_RDONLY)

    def wait_for_writer(self):
        if sys.platform == "win32":
            _winapi.ConnectNamedPipe(self.sock, False)

    def read(self, n=65536):
        if sys.platform == "win32":
            data, _err = _winapi.ReadFile(self.sock, n)
            return data
        return os.read(self.sock, n)

    def close(self):
        if sys.platform == "win32":
            _winapi.CloseHandle(self.sock)
        else:
            os.close(self.sock)


class PipeSink:
    def __init__(self, name):
        if sys.platform == "win32":
            self.sock = _winapi.CreateFile(
                "\\\\.\\pipe\\" + name,
                _winapi.GENERIC_WRITE,
                0, _winapi.NULL, _winapi.OPEN_EXISTING, 0, _winapi.NULL,
            )
        else:
            self.sock = os.open(os.path.join(tempfile.gettempdir(), name), os.O_WRONLY)

    def write(self, data):
        if sys.platform == "win32":
            written, _err = _winapi.WriteFile(self.sock, data)
            return written
        return os.write(self.sock, data)

    def close(self):
        if sys.platform == "win32":
            _winapi.CloseHandle(self.sock)
        else:
            os.close(self.sock)
