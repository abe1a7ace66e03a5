"""Small descriptor helpers shared by the agent's modules.

They take plain descriptors or handles; callers decide what to pass.
"""

import os
import sys

if sys.platform == "win32":
    import win32file


def write_all(fd, data):
    """Write all of ``data`` to descriptor ``fd``."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def redirect(fd, target):
    """Point descriptor ``target`` at whatever ``fd`` refers to."""
    os.dup2(fd, target)


def make_inheritable(fd):
    os.set_inheritable(fd, True)


def as_file(fd, mode="rb"):
    """Wrap ``fd`` in a buffered file object without taking ownership."""
    return os.fdopen(fd, mode, closefd=False)


def win_write(handle, data):
    """Synchronous WriteFile, for handles the CRT does not know about."""
    err, written = win32file.WriteFile(handle, data)
    if err:
        raise OSError(err, "WriteFile failed")
    return written
