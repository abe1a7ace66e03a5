"""Pipe-backed stand-ins: the same tests run against anonymous pipes."""
import os

import pytest


@pytest.fixture
def pipe_ends():
    r, w = os.pipe()
    with os.fdopen(r, "rb") as reader, os.fdopen(w, "wb", buffering=0) as writer:
        yield reader, writer


@pytest.fixture
def client(pipe_ends):
    return pipe_ends[1]


@pytest.fixture
def peer(pipe_ends):
    return pipe_ends[0]
