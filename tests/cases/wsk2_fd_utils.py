"""Low-level descriptor utilities for the replay proxy."""
import os
import socket
import sys


def close_without_shutdown(sock: socket.socket):
    """Drop our reference without sending FIN (the child keeps a copy)."""
    os.close(sock.detach())  # error: WSK205


def close_ok(sock: socket.socket):
    sock.close()  # close() sends no FIN while another process holds a copy


def fd_info(conn: socket.socket) -> dict:
    st = os.fstat(conn.fileno())  # error: WSK205
    return {"mode": st.st_mode, "size": st.st_size}


def rewind(conn: socket.socket):
    os.lseek(conn.fileno(), 0, os.SEEK_SET)  # error: WSK205


def flush_durably(f, conn: socket.socket):
    f.flush()
    os.fsync(f.fileno())
    os.fsync(conn.fileno())  # error: WSK205


def replay_at(conn: socket.socket, data: bytes, offset: int):
    return os.pwrite(conn.fileno(), data, offset)  # error: WSK201


def peek_at(conn: socket.socket, n: int, offset: int):
    return os.pread(conn.fileno(), n, offset)  # error: WSK201


def raw_recv(conn: socket.socket, n: int) -> bytes:
    if sys.platform == "win32":
        raise RuntimeError("raw_recv needs POSIX descriptors; use conn.recv")
    return os.read(conn.fileno(), n)


def truncate_log(path, size):
    with open(path, "r+b") as f:
        os.ftruncate(f.fileno(), size)
        os.fsync(f.fileno())


def daemonize_with(conn: socket.socket):
    if hasattr(os, "fork"):
        if os.fork():
            os._exit(0)
        os.setsid()
        os.set_inheritable(conn.fileno(), True)
        os.close(sys.stdin.fileno())
