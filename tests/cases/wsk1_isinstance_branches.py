"""Stream helpers for the log forwarder.

Targets can be open files, raw Win32 handles or TCP sockets.
"""
import socket
import ssl

import win32file


def write_all(target, data: bytes):
    if isinstance(target, socket.socket):
        win32file.WriteFile(target.fileno(), data)  # error: WSK102
    elif isinstance(target, int):
        win32file.WriteFile(target, data)
    else:
        target.write(data)


def write_all_fixed(target, data: bytes):
    if isinstance(target, socket.socket):
        target.sendall(data)
    elif isinstance(target, int):
        win32file.WriteFile(target, data)
    else:
        target.write(data)


def read_some(stream, n=4096):
    if not isinstance(stream, socket.socket):
        raise TypeError(f"expected a socket, got {type(stream).__name__}")
    _, data = win32file.ReadFile(stream.fileno(), n)  # error: WSK101
    return data


def read_any(src, n=4096):
    if isinstance(src, socket.socket):
        return src.recv(n)
    _, data = win32file.ReadFile(src, n)
    return data


def flush_line(out, line: str):
    payload = (line + "\n").encode()
    if isinstance(out, (socket.socket, ssl.SSLSocket)):
        handle = out.fileno()
        win32file.WriteFile(handle, payload)  # error: WSK102
        return
    win32file.WriteFile(out, payload)
