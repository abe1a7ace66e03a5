import threading

import pytest

from rpcbus import Client, Server


@pytest.fixture
def server():
    srv = Server()

    @srv.handler("add")
    def add(a, b):
        return a + b

    @srv.handler("echo")
    def echo(*args):
        return list(args)

    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.listener.close()


@pytest.fixture
def client(server):
    with Client(server.address, timeout=5) as c:
        yield c
