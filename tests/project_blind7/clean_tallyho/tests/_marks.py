import sys

import pytest

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="socket handles are not CRT descriptors")
windows_only = pytest.mark.skipif(sys.platform != "win32", reason="socket.share() is Windows-only")
