"""Platform facts, computed once."""
import os
import sys

IS_WINDOWS = sys.platform == "win32"
IS_POSIX = os.name == "posix"
HAS_FORK = hasattr(os, "fork")


def is_posix() -> bool:
    return os.name == "posix"
