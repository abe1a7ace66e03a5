import os
import sys

import pytest


def test_server_socket_methods(server):
    server.setblocking(False)
    assert server.getblocking() is False
    assert server.get_inheritable() is False


def test_dup_after_inline_skip(client_sock):
    if sys.platform == "win32":
        pytest.skip("os.dup does not accept socket handles on Windows")
    fd = os.dup(client_sock.fileno())
    os.close(fd)


def test_stdout_is_not_a_socket():
    assert os.isatty(sys.stdout.fileno()) in (True, False)
