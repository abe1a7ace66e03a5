import io

import pytest


@pytest.mark.network
def test_read_raw(tls_conn):
    tls_conn.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
    with io.open(tls_conn.fileno(), "rb", closefd=False) as fh:  # error: WSK203
        assert fh.read(4)


@pytest.mark.network
def test_read_makefile(tls_conn):
    tls_conn.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
    with tls_conn.makefile("rb") as fh:
        assert fh.read(4) == b"HTTP"
