import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows only")


def test_import():
    import iocpkit

    assert iocpkit.Connection
