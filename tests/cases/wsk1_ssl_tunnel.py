"""TLS tunnel from a local named pipe to the upstream API (Windows service)."""
import socket
import ssl

import win32file


def open_tunnel(host, port, cafile):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(cafile)
    raw = socket.create_connection((host, port))
    return ctx.wrap_socket(raw, server_hostname=host)


def forward(tls: ssl.SSLSocket, pipe_handle):
    while True:
        _, chunk = win32file.ReadFile(pipe_handle, 16384)
        if not chunk:
            break
        tls.sendall(chunk)


def forward_legacy(host, port, pipe_handle):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_default_certs()
    tls = ctx.wrap_socket(socket.create_connection((host, port)), server_hostname=host)
    _, chunk = win32file.ReadFile(pipe_handle, 16384)
    win32file.WriteFile(tls.fileno(), chunk)  # error: WSK102
    return tls


def reply_pump(host, port, pipe_handle):
    ctx = ssl.create_default_context()
    raw = socket.create_connection((host, port))
    with ctx.wrap_socket(raw, server_hostname=host) as tls:
        _, reply = win32file.ReadFile(tls.fileno(), 16384)  # error: WSK101
        win32file.WriteFile(pipe_handle, reply)


def probe_insecure(host, port):
    s = ssl.wrap_socket(socket.socket(), cert_reqs=ssl.CERT_NONE)
    s.connect((host, port))
    _, hello = win32file.ReadFile(s.fileno(), 4096)  # error: WSK101
    s.close()
    return hello


def probe_insecure_ok(host, port):
    s = ssl.wrap_socket(socket.socket(), cert_reqs=ssl.CERT_NONE)
    s.connect((host, port))
    hello = s.recv(4096)
    s.close()
    return hello
