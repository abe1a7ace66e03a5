import pytest


@pytest.fixture
def log_file(tmp_path):
    f = open(tmp_path / "stage.log", "wb")
    yield f
    f.close()
