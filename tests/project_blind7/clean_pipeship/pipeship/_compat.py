import os
import sys

WINDOWS = sys.platform == "win32"
POSIX = os.name == "posix"


def write_fd(fd, data):
    """Write all of *data* to the descriptor *fd*."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def close_quietly(fd):
    try:
        os.close(fd)
    except OSError:
        pass
