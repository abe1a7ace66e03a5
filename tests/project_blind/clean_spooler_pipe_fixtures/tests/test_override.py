"""This module replaces the ``server`` fixture with a log file."""

import os

import pytest


@pytest.fixture
def server(tmp_path):
    f = open(tmp_path / "server.log", "w+b")
    yield f
    f.close()


def test_server_log(server):
    os.write(server.fileno(), b"started\n")
    os.fsync(server.fileno())
    assert os.fstat(server.fileno()).st_size == 8
