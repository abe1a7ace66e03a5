import socket
import threading

import pytest

from wiretap.transport.tcp import TcpTransport


def _echo(srv: socket.socket) -> None:
    conn, _ = srv.accept()
    with conn:
        while data := conn.recv(4096):
            conn.sendall(data)


@pytest.fixture
def echo_server():
    srv = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_echo, args=(srv,), daemon=True).start()
    yield srv.getsockname()
    srv.close()


@pytest.fixture
def transport(echo_server):
    t = TcpTransport(echo_server)
    yield t
    t.close()
