"""Handle plumbing for the worker launcher (ctypes only, no pywin32)."""
import ctypes
import socket
from ctypes import wintypes

_k32 = ctypes.WinDLL("kernel32", use_last_error=True)
_k32_alt = ctypes.windll.LoadLibrary("kernel32")

DUPLICATE_SAME_ACCESS = 0x2
PROCESS_DUP_HANDLE = 0x40


def _check(ok):
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    return ok


def open_process(pid):
    return _check(_k32.OpenProcess(PROCESS_DUP_HANDLE, False, pid))


def dup_event_into(pid, event_handle):
    """Give a child process its own copy of our shutdown event."""
    target = wintypes.HANDLE()
    proc = open_process(pid)
    _check(_k32.DuplicateHandle(_k32.GetCurrentProcess(), event_handle, proc,
                                ctypes.byref(target), 0, False, DUPLICATE_SAME_ACCESS))
    _k32.CloseHandle(proc)
    return target.value


def hand_listener_to(pid, port):
    listener = socket.create_server(("", port))
    target = wintypes.HANDLE()
    proc = open_process(pid)
    ok = _k32.DuplicateHandle(  # error: WSK103
        _k32.GetCurrentProcess(),
        ctypes.c_void_p(listener.fileno()),
        proc,
        ctypes.byref(target),
        0,
        True,
        DUPLICATE_SAME_ACCESS,
    )
    _check(ok)
    return listener, target.value


def announce(listener: socket.socket, status_pipe):
    msg = b"listening\n"
    n = wintypes.DWORD()
    _k32_alt.WriteFile(status_pipe, msg, len(msg), ctypes.byref(n), None)
    h = listener.fileno()
    _k32_alt.WriteFile(ctypes.c_size_t(h), msg, len(msg), ctypes.byref(n), None)  # error: WSK102


def main(pid, port):
    shutdown = _k32.CreateEventW(None, True, False, None)
    dup_event_into(pid, shutdown)
    return hand_listener_to(pid, port)
