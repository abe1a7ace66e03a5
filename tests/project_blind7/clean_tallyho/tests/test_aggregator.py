import os

import pytest

from tallyho import Aggregator


@pytest.fixture
def aggregator():
    agg = Aggregator(port=0)
    yield agg
    agg.close()


def test_address(aggregator):
    assert aggregator.address[1] > 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork-based workers")
def test_descriptor_blocking_toggle(aggregator):
    os.set_blocking(aggregator.sock.fileno(), False)
    assert not os.get_blocking(aggregator.sock.fileno())
    os.set_blocking(aggregator.sock.fileno(), True)
