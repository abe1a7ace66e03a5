import pytest

import tls


@pytest.fixture(scope="module")
def tls_conn():
    conn = tls.wrap_client("example.org")
    yield conn
    conn.close()
