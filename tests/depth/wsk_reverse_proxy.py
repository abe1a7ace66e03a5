"""winproxy -- a small HTTP/1.1 reverse proxy.

Routes requests by Host header to backends listed in a JSON file.  On
Windows the body relay goes through kernel32 ReadFile/WriteFile via ctypes
(it measured faster than recv/send on Python 3.6, see docs/perf.md).
"""

import ctypes
import http.client
import json
import logging
import os
import socket
import sys
import threading
from ctypes import wintypes

log = logging.getLogger("winproxy")

BUF_SIZE = 1 << 16

if os.name == "nt":
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.ReadFile.argtypes = [
        wintypes.HANDLE,
        wintypes.LPVOID,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        wintypes.LPVOID,
    ]
    kernel32.ReadFile.restype = wintypes.BOOL
    kernel32.WriteFile.argtypes = [
        wintypes.HANDLE,
        wintypes.LPCVOID,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        wintypes.LPVOID,
    ]
    kernel32.WriteFile.restype = wintypes.BOOL
else:
    kernel32 = None


def _relay_win32(src: socket.socket, dst: socket.socket) -> int:
    buf = ctypes.create_string_buffer(BUF_SIZE)
    nread = wintypes.DWORD(0)
    nwritten = wintypes.DWORD(0)
    total = 0
    while True:
        ok = kernel32.ReadFile(wintypes.HANDLE(src.fileno()), buf, BUF_SIZE, ctypes.byref(nread), None)  # error: WSK101
        if not ok or nread.value == 0:
            break
        ok = kernel32.WriteFile(  # error: WSK102
            wintypes.HANDLE(dst.fileno()),
            buf,
            nread.value,
            ctypes.byref(nwritten),
            None,
        )
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        total += nwritten.value
    return total


def _relay_portable(src: socket.socket, dst: socket.socket) -> int:
    total = 0
    while True:
        data = src.recv(BUF_SIZE)
        if not data:
            break
        dst.sendall(data)
        total += len(data)
    return total


relay = _relay_win32 if os.name == "nt" else _relay_portable


def _host_header(head: bytes) -> str:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"host":
            return value.strip().decode("latin-1").split(":")[0].lower()
    return ""


class Backend:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port

    def health_check(self) -> bool:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=2)
        try:
            conn.request("HEAD", "/healthz")
            return conn.getresponse().status < 500
        except OSError:
            return False
        finally:
            conn.close()

    def open_tunnel(self) -> http.client.HTTPConnection:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        conn.connect()
        # CGI helpers spawned by the proxy must not inherit backend sockets
        os.set_inheritable(conn.sock.fileno(), False)  # error: WSK205
        return conn


class Proxy:
    def __init__(self, routes: dict, port: int) -> None:
        self.routes = routes
        self.listener = socket.create_server(("", port), backlog=256)

    def serve_forever(self) -> None:
        while True:
            client, addr = self.listener.accept()
            threading.Thread(target=self.handle, args=(client, addr), daemon=True).start()

    def handle(self, client: socket.socket, addr) -> None:
        with client:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    return
                head += chunk
                if len(head) > 65536:
                    client.sendall(b"HTTP/1.1 431 Request Header Fields Too Large\r\n\r\n")
                    return
            backend = self.routes.get(_host_header(head))
            if backend is None:
                client.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                return
            upstream = backend.open_tunnel()
            try:
                upstream.sock.sendall(head)
                t = threading.Thread(target=relay, args=(upstream.sock, client), daemon=True)
                t.start()
                sent = relay(client, upstream.sock)
                t.join()
                log.info("%s -> %s:%d, %d bytes", addr[0], backend.host, backend.port, sent)
            finally:
                upstream.close()


def load_routes(path: str) -> dict:
    with open(path, encoding="utf-8") as fp:
        raw = json.load(fp)
    return {host.lower(): Backend(b["host"], int(b["port"])) for host, b in raw.items()}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: winproxy ROUTES.json PORT", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    Proxy(load_routes(argv[0]), int(argv[1])).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
