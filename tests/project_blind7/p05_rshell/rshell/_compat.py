"""Console plumbing that differs between Windows and POSIX."""
import os
import sys

if sys.platform == "win32":
    import msvcrt

    def to_crt_fd(handle, flags=0):
        """A C runtime descriptor for the OS handle *handle*."""
        return msvcrt.open_osfhandle(handle, flags)

    def set_binary(fd):
        msvcrt.setmode(fd, os.O_BINARY)

else:

    def to_crt_fd(handle, flags=0):
        return handle

    def set_binary(fd):
        pass
