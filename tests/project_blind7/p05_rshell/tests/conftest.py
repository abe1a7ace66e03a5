import threading

import pytest

from rshell import open_session
from rshell.server import ShellServer

SECRET = b"test-secret"


@pytest.fixture
def shell_server():
    server = ShellServer(("127.0.0.1", 0), SECRET)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def session(shell_server):
    host, port = shell_server.server_address[:2]
    sess = open_session(host, port, secret=SECRET, timeout=10)
    yield sess
    sess.close()
