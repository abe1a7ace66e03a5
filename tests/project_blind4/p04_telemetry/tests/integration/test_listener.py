import os
import socket


def test_listener_is_not_inherited(listener):
    assert not os.get_inheritable(listener.fileno())  # error: WSK205


def test_listener_accepts(listener):
    client = socket.create_connection(listener.getsockname())
    conn, _ = listener.accept()
    with client, conn:
        client.sendall(b"x")
        assert conn.recv(1) == b"x"
