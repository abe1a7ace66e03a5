import os

import pytest


@pytest.fixture
def sock():
    """Historical name: this was a socket before the console went serial-only."""
    r, w = os.pipe()
    yield w
    os.close(r)


@pytest.fixture(params=["text", "binary"])
def logfile(request, tmp_path):
    mode = "w" if request.param == "text" else "wb"
    with open(tmp_path / "console.log", mode) as f:
        yield f
