import os


def test_raw_write_reaches_peer(client, peer):
    os.write(client.fileno(), b"ping")
    assert peer.read(4) == b"ping"


def test_pipe_is_not_a_tty(client):
    assert not os.isatty(client.fileno())
    os.set_blocking(client.fileno(), True)
