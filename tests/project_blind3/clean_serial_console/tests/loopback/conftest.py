import pytest


@pytest.fixture
def sock(tmp_path):
    f = open(tmp_path / "loop.bin", "w+b", buffering=0)
    yield f
    f.close()
