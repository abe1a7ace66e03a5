import os
import socket

from pipeline import write_handle
from pipeline.routing import emit


def test_write_pipe(sock):
    assert write_handle(sock, b"x") == 1


def test_dup_pipe(sock):
    os.close(os.dup(sock))


def test_log(log_file):
    os.write(log_file.fileno(), b"line\n")
    os.fsync(log_file.fileno())


def test_server(server_sock):
    c = socket.create_connection(server_sock.getsockname())
    conn, _ = server_sock.accept()
    emit(c, b"x")
    assert conn.recv(1) == b"x"
    c.close()
    conn.close()
