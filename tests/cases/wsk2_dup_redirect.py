"""inetd-style launcher: runs a handler program per connection."""
import os
import socket
import subprocess
import sys


def spawn_handler_fork(conn: socket.socket, argv):
    pid = os.fork()
    if pid == 0:
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        os.execvp(argv[0], argv)
    conn.close()
    return pid


def keep_copy(conn: socket.socket) -> int:
    fd = os.dup(conn.fileno())  # error: WSK202
    return fd


def keep_copy_ok(conn: socket.socket) -> socket.socket:
    return conn.dup()


def redirect_stdout_to(conn: socket.socket):
    saved = os.dup(sys.stdout.fileno())
    sys.stdout.flush()
    os.dup2(conn.fileno(), sys.stdout.fileno())  # error: WSK202
    return saved


def restore_stdout(saved: int):
    sys.stdout.flush()
    os.dup2(saved, sys.stdout.fileno())
    os.close(saved)


def spawn_handler(conn: socket.socket, argv):
    if hasattr(os, "fork"):
        return spawn_handler_fork(conn, argv)
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = proc.communicate(conn.recv(65536))
    conn.sendall(out)
    conn.close()
    return proc.pid


def serve(port=7000, argv=("cat",)):
    listener = socket.create_server(("", port))
    while True:
        conn, _ = listener.accept()
        spawn_handler(conn, list(argv))
