import os
import stat


def test_echo(transport):
    transport.send(b"hello")
    assert transport.recv(5) == b"hello"


def test_still_open(transport):
    info = os.fstat(transport.fileno())  # error: WSK205
    assert stat.S_ISSOCK(info.st_mode)
