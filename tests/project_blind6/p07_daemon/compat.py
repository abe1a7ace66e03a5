"""Platform probes shared by the daemon modules."""

import os
import sys


def is_posix() -> bool:
    return os.name == "posix"


def is_windows() -> bool:
    return sys.platform == "win32"
