import os


def test_write_then_read(sock):
    os.write(sock.fileno(), b"echo")
    os.lseek(sock.fileno(), 0, os.SEEK_SET)
    assert os.read(sock.fileno(), 4) == b"echo"
