"""A child process reads the framed stream from its stdin."""

import socket
import subprocess
import sys

CHILD = "import sys; print(sys.stdin.buffer.read().decode().strip())"


def test_child_reads_socket(client, peer):
    client.sendall(b"ping\n")
    client.shutdown(socket.SHUT_WR)
    proc = subprocess.run(  # error: WSK301
        [sys.executable, "-c", CHILD],
        stdin=peer,
        capture_output=True,
        timeout=30,
    )
    assert proc.stdout.strip() == b"ping"


def test_child_gets_bytes_through_a_pipe(client, peer):
    client.sendall(b"pong\n")
    client.shutdown(socket.SHUT_WR)
    data = peer.recv(64)
    proc = subprocess.run([sys.executable, "-c", CHILD], input=data, capture_output=True, timeout=30)
    assert proc.stdout.strip() == b"pong"
