"""Push build artefacts to the cache daemon over TCP (Windows agents)."""
import socket

from win32file import FILE_SHARE_READ, GENERIC_READ, OPEN_EXISTING, CreateFile
from win32file import ReadFile as rf
from win32file import WriteFile as wf

CHUNK = 64 * 1024


def upload(path, host="cache.internal", port=9400):
    src = CreateFile(path, GENERIC_READ, FILE_SHARE_READ, None, OPEN_EXISTING, 0, None)
    try:
        with socket.create_connection((host, port), timeout=30) as s:
            s.sendall(b"PUT " + path.encode() + b"\n")
            while True:
                _, chunk = rf(src, CHUNK)
                if not chunk:
                    break
                wf(s.fileno(), chunk)  # error: WSK102
            _, status = rf(s.fileno(), 16)  # error: WSK101
    finally:
        src.Close()
    return status.startswith(b"OK")


def download(key, dest_handle, host="cache.internal", port=9400):
    with socket.create_connection((host, port), timeout=30) as s:
        s.sendall(b"GET " + key.encode() + b"\n")
        while True:
            chunk = s.recv(CHUNK)
            if not chunk:
                break
            wf(dest_handle, chunk)


def ping(host="cache.internal", port=9400):
    with socket.create_connection((host, port)) as s:
        s.sendall(b"PING\n")
        return s.recv(16) == b"PONG\n"
