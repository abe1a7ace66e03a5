import os
import socket

import pytest


@pytest.fixture(scope="session")
def ftp_listener():
    srv = socket.create_server(("127.0.0.1", 0))
    yield srv
    srv.close()


@pytest.fixture
def ftp_control(ftp_listener):
    client = socket.create_connection(ftp_listener.getsockname())
    conn, _ = ftp_listener.accept()
    conn.sendall(b"220 mirror test server ready\r\n")
    yield conn
    conn.close()
    client.close()


@pytest.fixture
def spool(tmp_path):
    fd = os.open(tmp_path / "spool.bin", os.O_RDWR | os.O_CREAT, 0o600)
    yield fd
    os.close(fd)
