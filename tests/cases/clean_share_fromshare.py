"""Socket sharing between the dispatcher and its workers, done right.

socket.share() produces a WSAPROTOCOL_INFO blob for one target process;
the worker rebuilds the socket with socket.fromshare().
"""
import subprocess
import socket
import sys


def spawn_worker(conn: socket.socket):
    proc = subprocess.Popen(
        [sys.executable, __file__, "--worker"],
        stdin=subprocess.PIPE,
    )
    blob = conn.share(proc.pid)
    proc.stdin.write(len(blob).to_bytes(4, "little") + blob)
    proc.stdin.flush()
    conn.close()
    return proc


def worker():
    size = int.from_bytes(sys.stdin.buffer.read(4), "little")
    conn = socket.fromshare(sys.stdin.buffer.read(size))
    request = conn.recv(65536)
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
    conn.close()
    return request


def dispatch(port=8080):
    listener = socket.create_server(("", port))
    workers = []
    while True:
        conn, _ = listener.accept()
        workers.append(spawn_worker(conn))
        workers = [w for w in workers if w.poll() is None]


if __name__ == "__main__":
    if "--worker" in sys.argv:
        worker()
    else:
        dispatch()
