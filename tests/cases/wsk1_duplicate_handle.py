"""Helpers for handing handles to child processes (service host)."""
import os
import socket

import _winapi
import win32api
import win32con
import win32event
from multiprocessing.reduction import steal_handle


def dup_for_child(handle, child_pid):
    hproc = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, child_pid)
    try:
        return win32api.DuplicateHandle(
            win32api.GetCurrentProcess(), handle, hproc, 0, False, win32con.DUPLICATE_SAME_ACCESS
        )
    finally:
        hproc.Close()


def share_stop_event(child_pid):
    ev = win32event.CreateEvent(None, True, False, None)
    return ev, dup_for_child(ev, child_pid)


def pass_listener(listener: socket.socket, child_pid):
    hproc = win32api.OpenProcess(win32con.PROCESS_DUP_HANDLE, False, child_pid)
    dup = win32api.DuplicateHandle(  # error: WSK103
        win32api.GetCurrentProcess(),
        listener.fileno(),
        hproc,
        0,
        True,
        win32con.DUPLICATE_SAME_ACCESS,
    )
    hproc.Close()
    return dup.Detach()


def pass_listener_correctly(listener: socket.socket, child_pid):
    return listener.share(child_pid)


def inheritable_copy(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    cur = _winapi.GetCurrentProcess()
    return _winapi.DuplicateHandle(cur, sock.fileno(), cur, 0, True, _winapi.DUPLICATE_SAME_ACCESS)  # error: WSK103


def inheritable_pipe_end():
    rh, wh = _winapi.CreatePipe(None, 0)
    cur = _winapi.GetCurrentProcess()
    copy = _winapi.DuplicateHandle(cur, wh, cur, 0, True, _winapi.DUPLICATE_SAME_ACCESS)
    _winapi.CloseHandle(wh)
    return rh, copy


def clone_listener(listener: socket.socket):
    """Take a second handle to the listening socket for the watchdog."""
    return steal_handle(os.getpid(), handle=listener.fileno())  # error: WSK103
