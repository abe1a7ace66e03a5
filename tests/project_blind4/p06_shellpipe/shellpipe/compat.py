"""Platform facts, computed once."""
import os
import sys

IS_WINDOWS = sys.platform == "win32"


def is_posix() -> bool:
    return os.name == "posix"
