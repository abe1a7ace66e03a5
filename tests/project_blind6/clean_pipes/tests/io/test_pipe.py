import os
import subprocess
import sys

from pipeline.forward import forward_bytes


def test_roundtrip(sock, writer):
    os.write(writer, b"x")
    assert os.read(sock, 1) == b"x"


def test_framed(sock, writer):
    forward_bytes(writer, b"abc")
    assert len(os.read(sock, 16)) == 7


def test_child_reads_pipe(sock, writer):
    os.write(writer, b"hi")
    os.close(writer)
    out = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdin.read())"],
        stdin=sock,
        capture_output=True,
        check=True,
    ).stdout
    assert out.strip() == b"hi"


def test_dup_pipe(sock):
    fd = os.dup(sock)
    assert os.fstat(fd)
    os.close(fd)
