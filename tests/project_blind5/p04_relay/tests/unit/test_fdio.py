import os

from relay import drain, pump


def test_pump_to_pipe():
    r, w = os.pipe()
    pump(w, b"abc")
    os.close(w)
    assert drain(r) == b"abc"
    os.close(r)


def test_pump_to_client(client, listener):
    conn, _ = listener.accept()
    pump(client.fileno(), b"ping")  # error: WSK201
    assert conn.recv(4) == b"ping"
    conn.close()
