import pytest

from gateway.backends import open_smtp


@pytest.fixture
def smtp():
    client = open_smtp("localhost", 2525)
    yield client
    client.quit()
