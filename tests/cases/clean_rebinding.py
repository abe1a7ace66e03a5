"""Probe helpers for the diagnostics tool.

Names are reused between the network probe and the local file checks;
by the time ReadFile runs, they hold file handles.
"""
import socket

import win32file


def _open_ro(path):
    return win32file.CreateFile(path, win32file.GENERIC_READ, win32file.FILE_SHARE_READ,
                                None, win32file.OPEN_EXISTING, 0, None)


def probe_then_read(host, port, path):
    s = socket.create_connection((host, port), timeout=2)
    reachable = s.recv(1) != b""
    s.close()
    s = _open_ro(path)
    _, head = win32file.ReadFile(s, 10)
    s.Close()
    return reachable, head


def handle_reuse(host, port, path):
    conn = socket.create_connection((host, port), timeout=2)
    h = conn.fileno()
    conn.sendall(b"STATUS\n")
    status = conn.recv(64)
    conn.close()
    h = win32file.CreateFile(path, win32file.GENERIC_WRITE, 0, None,
                             win32file.CREATE_ALWAYS, 0, None)
    win32file.WriteFile(h, status)
    h.Close()


def reopen(path):
    target = socket.socket()
    target.close()
    target = _open_ro(path)
    data = win32file.ReadFile(target, 4096)[1]
    target.Close()
    return data
