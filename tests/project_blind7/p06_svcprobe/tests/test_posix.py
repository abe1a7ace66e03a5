import os
import sys

import pytest

from .util import fd_reader

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="socket handles are not CRT descriptors on Windows"
)


def test_fd_reader_on_socket(echo_client):
    echo_client.sendall(b"line\n")
    assert fd_reader(echo_client.fileno()).readline() == b"line\n"


def test_nonblocking_descriptor(echo_client):
    os.set_blocking(echo_client.fileno(), False)
    assert not os.get_blocking(echo_client.fileno())
