"""Worker side of the socket-sharing supervisor (Windows).

The supervisor calls sock.share(worker_pid) and sends the blob over
the worker's stdin; the worker rebuilds the socket with fromshare().
"""
import socket
import sys

import win32file


def worker_main(shared_blob: bytes):
    conn = socket.fromshare(shared_blob)
    _, request = win32file.ReadFile(conn.fileno(), 8192)  # error: WSK101
    conn.sendall(b"HTTP/1.0 204 No Content\r\n\r\n")
    conn.close()
    return request


def worker_main_ok(shared_blob: bytes):
    conn = socket.fromshare(shared_blob)
    request = conn.recv(8192)
    conn.sendall(b"HTTP/1.0 204 No Content\r\n\r\n")
    conn.close()
    return request


def mirror(conn: socket.socket, tap_handle):
    copy = conn.dup()
    _, head = win32file.ReadFile(tap_handle, 512)
    win32file.WriteFile(copy.fileno(), head)  # error: WSK102
    copy.close()


def from_inherited_handle():
    handle = int(sys.argv[1])
    s = socket.fromfd(handle, socket.AF_INET, socket.SOCK_STREAM)
    win32file.WriteFile(s.fileno(), b"worker up\n")  # error: WSK102
    return s


def supervisor_share(conn: socket.socket, worker_pid: int, worker_stdin):
    blob = conn.share(worker_pid)
    win32file.WriteFile(worker_stdin, len(blob).to_bytes(4, "little") + blob)
