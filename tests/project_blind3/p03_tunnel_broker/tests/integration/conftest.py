import pytest


@pytest.fixture
def detached(client):
    """The client's raw handle; the socket object no longer owns it."""
    return client.detach()
