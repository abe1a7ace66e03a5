"""Hand-off of accepted connections to the native I/O thread (Windows)."""
import queue
import socket

import _winapi
import win32file

handoff_queue: "queue.Queue[tuple[int, tuple]]" = queue.Queue()


def handoff(listener: socket.socket):
    conn, addr = listener.accept()
    h = conn.detach()  # the socket object no longer owns the handle
    _winapi.WriteFile(h, b"220 ready\r\n")  # error: WSK102
    handoff_queue.put((h, addr))


def handoff_ok(listener: socket.socket):
    conn, addr = listener.accept()
    conn.sendall(b"220 ready\r\n")
    h = conn.detach()
    handoff_queue.put((h, addr))


def adopt(h: int) -> socket.socket:
    return socket.socket(fileno=h)


def greet_all(port, count=10):
    srv = socket.create_server(("", port))
    for _ in range(count):
        conn, _ = srv.accept()
        if (h := conn.fileno()) != -1:
            win32file.WriteFile(h, b"hello\r\n")  # error: WSK102
        conn.close()
    srv.close()


def read_banner(host, port):
    s = socket.create_connection((host, port), timeout=5)
    handle = int(s.detach())
    _, banner = win32file.ReadFile(handle, 256)  # error: WSK101
    socket.socket(fileno=handle).close()
    return banner


def read_banner_ok(host, port):
    with socket.create_connection((host, port), timeout=5) as s:
        return s.recv(256)


def drain_status_pipe(pipe_name):
    h = win32file.CreateFile(pipe_name, win32file.GENERIC_READ, 0, None,
                             win32file.OPEN_EXISTING, 0, None)
    while (chunk := win32file.ReadFile(h, 4096)[1]):
        print(chunk.decode(errors="replace"), end="")
    h.Close()
