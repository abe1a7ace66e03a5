import socket
import threading

import pytest

from relay.resources import open_upstream


def _echo(server: socket.socket) -> None:
    try:
        conn, _ = server.accept()
    except OSError:
        return
    with conn:
        while data := conn.recv(4096):
            conn.sendall(data)


@pytest.fixture
def echo_server():
    server = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=_echo, args=(server,), daemon=True)
    thread.start()
    yield server
    server.close()


@pytest.fixture
def upstream(echo_server):
    with open_upstream(echo_server.getsockname()) as up:
        yield up
