"""Platform facts, computed once."""
import os
import sys

IS_WINDOWS = sys.platform == "win32"
HAS_FORK = hasattr(os, "fork")


def default_worker_count() -> int:
    return max(1, (os.cpu_count() or 1) // 2)
