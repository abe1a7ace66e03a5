import os
import sys

import pytest

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX descriptors")
windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Windows named pipes")
has_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
