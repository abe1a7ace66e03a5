import os
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows APIs")


def test_handle_is_number(endpoint):
    assert isinstance(endpoint.handle, int)


def test_crt_wrapper(endpoint):
    import msvcrt

    fd = msvcrt.open_osfhandle(endpoint.handle, os.O_RDONLY)  # error: WSK204
    assert fd >= 0


def test_makefile(endpoint):
    f = endpoint.sock.makefile("rb")
    f.close()
