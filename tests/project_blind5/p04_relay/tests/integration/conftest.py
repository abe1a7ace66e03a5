import pytest


@pytest.fixture
def accepted(listener, client):
    conn, _ = listener.accept()
    yield conn
    conn.close()


@pytest.fixture
def logfile(tmp_path):
    f = open(tmp_path / "relay.log", "wb")
    yield f
    f.close()
