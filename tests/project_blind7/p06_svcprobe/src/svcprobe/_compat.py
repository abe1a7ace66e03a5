import sys

WINDOWS = sys.platform == "win32"

if sys.version_info >= (3, 11):
    from contextlib import chdir
else:  # pragma: no cover
    import contextlib
    import os

    @contextlib.contextmanager
    def chdir(path):
        old = os.getcwd()
        os.chdir(path)
        try:
            yield
        finally:
            os.chdir(old)

__all__ = ["WINDOWS", "chdir"]
