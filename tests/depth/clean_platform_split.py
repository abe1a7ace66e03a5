"""Descriptor plumbing for the job runner, split by platform.

POSIX gets the cheap descriptor tricks; Windows uses the sockets' own methods
and relays through pipes.
"""
import os
import platform
import socket
import subprocess
import sys

IS_WINDOWS = sys.platform == "win32"

if sys.platform != "win32":
    def make_inheritable(sock):
        os.set_inheritable(sock.fileno(), True)
else:
    def make_inheritable(sock):
        sock.set_inheritable(True)


def set_nonblocking(sock: socket.socket) -> None:
    if IS_WINDOWS:
        sock.setblocking(False)
        return
    os.set_blocking(sock.fileno(), False)


def attach_child(conn: socket.socket, argv):
    if platform.system() == "Windows":
        # The caller relays between conn and the pipes.
        return subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    return subprocess.Popen(argv, stdin=conn, stdout=conn)


def redirect_stdio(conn: socket.socket) -> None:
    if os.name != "posix":
        raise NotImplementedError("stdio redirection needs POSIX descriptors")
    for target in (0, 1):
        os.dup2(conn.fileno(), target)


def is_local_tty(sock: socket.socket) -> bool:
    if sys.platform.startswith(("linux", "darwin", "freebsd")):
        return os.isatty(sock.fileno())
    return False


def clone_for_worker(sock: socket.socket) -> socket.socket:
    if os.name == "nt":
        return sock.dup()
    return socket.socket(fileno=os.dup(sock.fileno()))


def relay_windows(conn: socket.socket, proc: subprocess.Popen) -> None:
    while data := conn.recv(65536):
        proc.stdin.write(data)
        proc.stdin.flush()
        conn.sendall(proc.stdout.read1(65536))
    proc.stdin.close()


def run_job(listener: socket.socket, argv):
    conn, _addr = listener.accept()
    make_inheritable(conn)
    set_nonblocking(listener)
    proc = attach_child(conn, argv)
    if proc.stdout is not None:
        relay_windows(conn, proc)
    return proc.wait()


if __name__ == "__main__":
    srv = socket.create_server(("127.0.0.1", 7100))
    sys.exit(run_job(srv, sys.argv[1:] or ["cat"]))
