import os
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SCM_RIGHTS is POSIX-only")

from posixd.core.fdpass import read_greeting  # noqa: E402


def test_read_greeting(connected):
    client, server = connected
    client.sendall(b"PXD1")
    assert read_greeting(server) == b"PXD1"


def test_raw_descriptor_io(connected):
    client, server = connected
    os.write(client.fileno(), b"hi")
    assert os.read(server.fileno(), 2) == b"hi"
