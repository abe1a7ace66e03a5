"""Named-pipe IPC server for the desktop agent (Windows).

The agent's UI talks to the background service over ``\\\\.\\pipe\\agent``.
Variable names come from the earlier TCP implementation (``sock``, ``conn``)
but everything here is a pipe handle.
"""
import _winapi
import logging
import struct
from multiprocessing import reduction

import pywintypes
import win32api
import win32con
import win32file
import win32pipe

log = logging.getLogger("agent.pipe")

PIPE_NAME = r"\\.\pipe\agent"
BUFSIZE = 64 * 1024
HEADER = struct.Struct("<I")


def create_listener():
    sock = win32pipe.CreateNamedPipe(
        PIPE_NAME,
        win32pipe.PIPE_ACCESS_DUPLEX | win32file.FILE_FLAG_OVERLAPPED,
        win32pipe.PIPE_TYPE_MESSAGE | win32pipe.PIPE_READMODE_MESSAGE | win32pipe.PIPE_WAIT,
        win32pipe.PIPE_UNLIMITED_INSTANCES,
        BUFSIZE,
        BUFSIZE,
        0,
        None,
    )
    return sock


def accept(sock):
    try:
        win32pipe.ConnectNamedPipe(sock, None)
    except pywintypes.error as exc:
        if exc.winerror != 535:  # ERROR_PIPE_CONNECTED
            raise
    return sock


def read_message(conn):
    rc, header = win32file.ReadFile(conn, HEADER.size)
    (length,) = HEADER.unpack(header)
    rc, body = win32file.ReadFile(conn, length)
    return body


def write_message(conn, body):
    win32file.WriteFile(conn, HEADER.pack(len(body)) + body)


def hand_to_worker(conn, worker_pid):
    """Give a worker process its own copy of the pipe handle."""
    me = win32api.GetCurrentProcess()
    target = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, worker_pid)
    try:
        return win32api.DuplicateHandle(me, conn, target, 0, False, win32con.DUPLICATE_SAME_ACCESS)
    finally:
        win32api.CloseHandle(target)


def hand_to_worker_stdlib(conn, worker_pid):
    return reduction.duplicate(int(conn), target_process=worker_pid)


def open_client():
    sock = _winapi.CreateFile(
        PIPE_NAME,
        _winapi.GENERIC_READ | _winapi.GENERIC_WRITE,
        0,
        _winapi.NULL,
        _winapi.OPEN_EXISTING,
        0,
        _winapi.NULL,
    )
    return sock


def client_roundtrip(body):
    sock = open_client()
    try:
        _winapi.WriteFile(sock, HEADER.pack(len(body)) + body)
        header, err = _winapi.ReadFile(sock, HEADER.size)
        (length,) = HEADER.unpack(header)
        reply, err = _winapi.ReadFile(handle=sock, size=length)
        return reply
    finally:
        _winapi.CloseHandle(sock)


def serve_forever(handler):
    while True:
        conn = accept(create_listener())
        try:
            while True:
                try:
                    request = read_message(conn)
                except pywintypes.error:
                    break
                write_message(conn, handler(request))
        finally:
            win32file.CloseHandle(conn)
            log.debug("pipe client disconnected")
