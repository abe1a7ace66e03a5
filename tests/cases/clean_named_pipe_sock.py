"""Build-agent control channel over a named pipe.

The historic code used TCP, hence the variable names; the transport is
a Win32 named pipe now, and ReadFile/WriteFile are the right calls.
"""
import _winapi

import win32api
import win32con
import win32file
import win32pipe

PIPE = r"\\.\pipe\build-agent"
BUFSIZE = 65536


def serve_once():
    sock = win32pipe.CreateNamedPipe(
        PIPE,
        win32pipe.PIPE_ACCESS_DUPLEX,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        1, BUFSIZE, BUFSIZE, 0, None,
    )
    win32pipe.ConnectNamedPipe(sock, None)
    _, request = win32file.ReadFile(sock, BUFSIZE)
    win32file.WriteFile(sock, b"ack:" + request)
    win32file.FlushFileBuffers(sock)
    win32pipe.DisconnectNamedPipe(sock)
    sock.Close()


def client(msg: bytes) -> bytes:
    conn = win32file.CreateFile(
        PIPE, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None,
        win32file.OPEN_EXISTING, 0, None,
    )
    win32pipe.SetNamedPipeHandleState(conn, win32pipe.PIPE_READMODE_MESSAGE, None, None)
    win32file.WriteFile(conn, msg)
    _, reply = win32file.ReadFile(conn, BUFSIZE)
    conn.Close()
    return reply


def give_to_child(sock, child_pid):
    hproc = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, child_pid)
    return win32api.DuplicateHandle(
        win32api.GetCurrentProcess(), sock, hproc, 0, False, win32con.DUPLICATE_SAME_ACCESS
    )


def serve_once_winapi():
    sock = _winapi.CreateNamedPipe(
        PIPE, _winapi.PIPE_ACCESS_DUPLEX,
        _winapi.PIPE_TYPE_MESSAGE | _winapi.PIPE_READMODE_MESSAGE | _winapi.PIPE_WAIT,
        1, BUFSIZE, BUFSIZE, 0, _winapi.NULL,
    )
    _winapi.ConnectNamedPipe(sock)
    data, err = _winapi.ReadFile(sock, BUFSIZE)
    _winapi.WriteFile(sock, b"ack:" + data)
    _winapi.CloseHandle(sock)


def tail_log(path):
    conn = win32file.CreateFile(path, win32file.GENERIC_READ, win32file.FILE_SHARE_READ,
                                None, win32file.OPEN_EXISTING, 0, None)
    _, data = win32file.ReadFile(conn, BUFSIZE)
    conn.Close()
    return data
