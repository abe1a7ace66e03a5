import socket


def test_listener_is_tcp(listener):
    assert listener.type == socket.SOCK_STREAM


def test_listener_as_file(listener):
    with open(listener.fileno(), "rb", closefd=False) as fh:  # error: WSK203
        assert fh.readable()
