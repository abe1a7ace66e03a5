"""Multi-worker startup for the web framework (sanic-style)."""
import os
import socket
import sys
from multiprocessing import Process


def bind_listener(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    os.set_inheritable(sock.fileno(), True)  # error: WSK205
    return sock


def bind_listener_portable(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((host, port))
    sock.listen(128)
    if sys.platform == "win32":
        os.set_handle_inheritable(sock.fileno(), True)
    else:
        os.set_inheritable(sock.fileno(), True)
    return sock


def serve_worker(sock: socket.socket):
    os.set_blocking(sock.fileno(), False)  # error: WSK205
    while True:
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            continue
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        conn.close()


def describe(sock: socket.socket) -> dict:
    return {
        "inheritable": os.get_inheritable(sock.fileno()),  # error: WSK205
        "blocking": sock.getblocking(),
    }


def serve_multiple(host="0.0.0.0", port=8000, workers=4):
    sock = bind_listener_portable(host, port)
    procs = [Process(target=serve_worker, args=(sock,)) for _ in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    sock.close()
