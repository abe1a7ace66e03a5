"""Entry point; refuses to start anywhere the fork model does not exist."""
import os
import platform
import socket
import subprocess
import sys


def main(port=8080, workers=4):
    if sys.platform == "win32":
        raise SystemExit("prefork needs fork(); on Windows run wsgi-threads instead")
    from ._posix import bind_listener, fork_workers

    listener = bind_listener(port)
    os.set_blocking(listener.fileno(), True)
    return fork_workers(listener, workers)


def spawn_helper(conn: socket.socket, argv):
    if not hasattr(os, "fork"):
        raise RuntimeError("helper hand-off needs fork()")
    return subprocess.Popen(argv, stdin=conn, stdout=conn, pass_fds=(conn.fileno(),))


def stat_listener(listener: socket.socket):
    if platform.system() == "Windows":
        return None
    st = os.fstat(listener.fileno())
    return st.st_mode


def report_peer(conn: socket.socket):
    if os.name == "posix":
        os.write(conn.fileno(), b"bye\r\n")
    else:
        conn.sendall(b"bye\r\n")
