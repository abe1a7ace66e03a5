import socket
import threading

import pytest

from portfwd import Forwarder


def _echo(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                conn.sendall(data)


@pytest.fixture
def echo_upstream():
    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_echo, args=(listener,), daemon=True).start()
    yield listener
    listener.close()


@pytest.fixture
def forwarder(echo_upstream):
    server = Forwarder(("127.0.0.1", 0), echo_upstream.getsockname()[:2])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
