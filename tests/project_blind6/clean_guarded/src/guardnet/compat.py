"""Platform facts, computed once."""

from __future__ import annotations

import os
import sys

IS_WINDOWS = sys.platform == "win32"
IS_POSIX = os.name == "posix"
HAS_FORK = hasattr(os, "fork")


def is_windows() -> bool:
    return sys.platform.startswith("win")
