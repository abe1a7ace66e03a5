"""Serial-over-TCP bridge using raw kernel32 calls (no pywin32 on the kiosk)."""
import ctypes
import socket
from ctypes import windll, wintypes

kernel32 = ctypes.windll.kernel32

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
OPEN_EXISTING = 3
INVALID_HANDLE_VALUE = wintypes.HANDLE(-1).value

LPOVERLAPPED_COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(
    None, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID
)


def open_com(name):
    h = kernel32.CreateFileW(
        "\\\\.\\" + name, GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, 0, None
    )
    if h == INVALID_HANDLE_VALUE:
        raise ctypes.WinError()
    return h


def read_handle(h, n):
    buf = ctypes.create_string_buffer(n)
    got = wintypes.DWORD(0)
    if not kernel32.ReadFile(h, buf, n, ctypes.byref(got), None):
        raise ctypes.WinError()
    return buf.raw[: got.value]


def bridge(com_name, listen_port):
    com = open_com(com_name)
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("0.0.0.0", listen_port))
    srv.listen(1)
    client, _ = srv.accept()
    written = wintypes.DWORD(0)
    data = read_handle(com, 256)
    kernel32.WriteFile(wintypes.HANDLE(client.fileno()), data, len(data), ctypes.byref(written), None)  # error: WSK102
    buf = ctypes.create_string_buffer(256)
    got = wintypes.DWORD(0)
    kernel32.ReadFile(client.fileno(), buf, 256, ctypes.byref(got), None)  # error: WSK101
    kernel32.WriteFile(com, buf, got.value, ctypes.byref(written), None)
    client.sendall(b"OK\r\n")
    return client


@LPOVERLAPPED_COMPLETION_ROUTINE
def _on_read(err, nbytes, overlapped):
    pass


def start_async_read(conn: socket.socket, buf, ov):
    h = wintypes.HANDLE(conn.fileno())
    ok = windll.kernel32.ReadFileEx(  # error: WSK101
        h, buf, len(buf), ctypes.byref(ov), _on_read
    )
    if not ok:
        raise ctypes.WinError()
