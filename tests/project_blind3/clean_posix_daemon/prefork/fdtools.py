"""Small descriptor helpers (platform-neutral code, no socket knowledge)."""
import os


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def make_inheritable(fd):
    os.set_inheritable(fd, True)
    return fd
