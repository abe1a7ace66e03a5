import sys

import pytest


@pytest.mark.skipif(sys.platform != "win32", reason="Windows handle semantics")
def test_listener_os_handle(ftp_listener):
    import msvcrt

    h = msvcrt.get_osfhandle(ftp_listener.fileno())  # error: WSK204
    assert h != -1
