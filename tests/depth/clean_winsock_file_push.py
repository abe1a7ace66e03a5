"""Windows file-push agent.

Streams files to the collector with TransmitFile over an overlapped socket
and takes commands from the local tray app over a named pipe.
"""
import socket

import pywintypes
import win32event
import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\filepush-control"


def open_control_pipe():
    sock = win32pipe.CreateNamedPipe(
        PIPE_NAME,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1, 65536, 65536, 0, None,
    )
    win32pipe.ConnectNamedPipe(sock, None)
    return sock


def read_command(sock):
    _hr, data = win32file.ReadFile(sock, 4096)
    return bytes(data).decode().strip()


def reply(sock, text):
    win32file.WriteFile(sock, text.encode() + b"\n")


class Pusher:
    def __init__(self, addr):
        self.conn = socket.create_connection(addr)
        self.event = win32event.CreateEvent(None, True, False, None)

    def _overlapped(self):
        ov = pywintypes.OVERLAPPED()
        win32event.ResetEvent(self.event)
        ov.hEvent = self.event
        return ov

    def _wait(self, ov):
        win32event.WaitForSingleObject(self.event, win32event.INFINITE)
        return win32file.GetOverlappedResult(self.conn.fileno(), ov, True)

    def push_file(self, path):
        handle = win32file.CreateFile(
            path, win32file.GENERIC_READ, win32file.FILE_SHARE_READ, None,
            win32file.OPEN_EXISTING, win32file.FILE_FLAG_SEQUENTIAL_SCAN, None,
        )
        try:
            size = win32file.GetFileSize(handle)
            ov = self._overlapped()
            win32file.WSASend(self.conn, f"FILE {size}\n".encode(), ov, 0)
            self._wait(ov)
            ov = self._overlapped()
            win32file.TransmitFile(self.conn, handle, 0, 0, ov, 0)
            self._wait(ov)
            ack = win32file.AllocateReadBuffer(64)
            ov = self._overlapped()
            win32file.WSARecv(self.conn, ack, ov, 0)
            got = self._wait(ov)
            return bytes(ack[:got]).startswith(b"OK")
        except pywintypes.error:
            win32file.CancelIo(self.conn.fileno())
            raise
        finally:
            handle.Close()

    def head(self, path, n=512):
        handle = win32file.CreateFile(path, win32file.GENERIC_READ, 0, None, win32file.OPEN_EXISTING, 0, None)
        try:
            _hr, data = win32file.ReadFile(handle, n)
        finally:
            handle.Close()
        return bytes(data)


def main(addr):
    pusher = Pusher(addr)
    sock = open_control_pipe()
    while True:
        command = read_command(sock)
        if command == "quit":
            break
        if command.startswith("push "):
            path = command[5:]
            ok = pusher.push_file(path)
            reply(sock, ("pushed " if ok else "failed ") + path)
        elif command.startswith("head "):
            reply(sock, repr(pusher.head(command[5:])))
    win32file.CloseHandle(sock)
