"""Named-pipe IPC endpoint for the tray application.

Historically this talked TCP, which is why the pipe objects are still called
``sock``/``conn`` throughout.  Everything here is a pipe, console or process
handle; the only real socket is the status feed, and it is only used with
socket methods.
"""
import ctypes
import socket
from ctypes import wintypes

import _overlapped
import _winapi
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32pipe

PIPE_NAME = r"\\.\pipe\tray-ipc"
BUFSIZE = 4096
STD_OUTPUT_HANDLE = -11

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

# prototype-style binding of ReadFile, used for the anonymous stdin pipe
_ReadFileProto = ctypes.WINFUNCTYPE(
    wintypes.BOOL,
    wintypes.HANDLE,
    wintypes.LPVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
)
_read_file = _ReadFileProto(("ReadFile", kernel32))
_WriteFile = kernel32.WriteFile
_WriteFile.argtypes = [wintypes.HANDLE, wintypes.LPCVOID, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD), wintypes.LPVOID]
_WriteFile.restype = wintypes.BOOL


def console_write(text: str) -> None:
    sock = kernel32.GetStdHandle(STD_OUTPUT_HANDLE)
    data = text.encode("utf-8")
    written = wintypes.DWORD()
    _WriteFile(sock, data, len(data), ctypes.byref(written), None)


def read_parent_stdin(size: int = BUFSIZE) -> bytes:
    sock = win32api.GetStdHandle(win32api.STD_INPUT_HANDLE)
    buf = ctypes.create_string_buffer(size)
    got = wintypes.DWORD()
    _read_file(int(sock), buf, size, ctypes.byref(got), None)
    return buf.raw[: got.value]


class PipeServer:
    def __init__(self) -> None:
        self.sock = win32pipe.CreateNamedPipe(
            PIPE_NAME,
            win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
            win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
            win32pipe.PIPE_UNLIMITED_INSTANCES,
            BUFSIZE,
            BUFSIZE,
            0,
            None,
        )
        self.port = win32file.CreateIoCompletionPort(self.sock, None, 1, 0)
        self.status_feed = socket.create_connection(("127.0.0.1", 8125))

    def serve_one(self) -> bytes:
        ov = pywintypes.OVERLAPPED()
        ov.hEvent = win32event.CreateEvent(None, True, False, None)
        win32pipe.ConnectNamedPipe(self.sock, ov)
        win32event.WaitForSingleObject(ov.hEvent, win32event.INFINITE)
        buf = win32file.AllocateReadBuffer(BUFSIZE)
        _hr, data = win32file.ReadFile(self.sock, buf, None)
        # forward what the tray sent to the status feed, and echo the status back
        self.status_feed.sendall(bytes(data))
        win32file.WriteFile(self.sock, self.status_feed.recv(BUFSIZE))
        return bytes(data)

    def hand_to_helper(self, helper_pid: int) -> int:
        conn = self.sock
        target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, helper_pid)
        return win32api.DuplicateHandle(
            win32api.GetCurrentProcess(), conn, target, 0, False, win32con.DUPLICATE_SAME_ACCESS
        )


def client_roundtrip(message: bytes) -> bytes:
    sock = win32file.CreateFile(
        PIPE_NAME,
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    try:
        win32file.WriteFile(sock, message)
        _hr, reply = win32file.ReadFile(sock, BUFSIZE)
        return bytes(reply)
    finally:
        sock.Close()


def anonymous_pipe_pair() -> tuple[bytes, int]:
    rsock, wsock = _winapi.CreatePipe(None, 0)
    _winapi.WriteFile(wsock, b"hello")
    data, _err = _winapi.ReadFile(rsock, 5)
    proc = _winapi.GetCurrentProcess()
    dup = _winapi.DuplicateHandle(proc, rsock, proc, 0, False, _winapi.DUPLICATE_SAME_ACCESS)
    _winapi.CloseHandle(wsock)
    return data, dup


def overlapped_pipe_read(conn_handle: int) -> bytes:
    ov = _overlapped.Overlapped(0)
    ov.ReadFile(conn_handle, BUFSIZE)
    return ov.getresult(True)


def duplicate_process_handle(pid: int) -> int:
    me = win32api.GetCurrentProcess()
    sock = win32api.OpenProcess(win32con.PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    return win32api.DuplicateHandle(me, sock, me, 0, False, win32con.DUPLICATE_SAME_ACCESS)
