import pytest

from winbridge.transport.stream import StreamEndpoint


@pytest.fixture
def endpoint():
    ep = StreamEndpoint("127.0.0.1", 0)
    yield ep
    ep.close()
