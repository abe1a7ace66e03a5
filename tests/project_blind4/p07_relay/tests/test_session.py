import os
import socket

from relay.session import replay


def test_dup_keeps_connection_open(upstream):
    fd = os.dup(upstream.fileno())  # error: WSK202
    clone = socket.socket(fileno=fd)
    upstream.close()
    clone.sendall(b"ping")
    assert clone.recv(4) == b"ping"
    clone.close()


def test_replay_counts_records(echo_server):
    assert replay(echo_server.getsockname(), [b"a", b"b"]) == 2


def test_journal_roundtrip(tmp_path):
    path = tmp_path / "journal.bin"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"rec")
    os.close(fd)
    assert path.read_bytes() == b"rec"
