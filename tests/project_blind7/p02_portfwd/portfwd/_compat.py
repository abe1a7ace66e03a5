"""Windows compatibility shim.

On Windows we talk to kernel32 directly for the copy loop, which avoids a
round trip through the CRT; elsewhere the plain descriptor calls are used.
"""
import os
import sys

if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.ReadFile.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                                   ctypes.POINTER(wintypes.DWORD), ctypes.c_void_p]
    _kernel32.ReadFile.restype = wintypes.BOOL
    _kernel32.WriteFile.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD,
                                    ctypes.POINTER(wintypes.DWORD), ctypes.c_void_p]
    _kernel32.WriteFile.restype = wintypes.BOOL
    ERROR_BROKEN_PIPE = 109

    def win_read(handle, size):
        """Read up to *size* bytes from *handle*; b"" at end of stream."""
        buf = ctypes.create_string_buffer(size)
        got = wintypes.DWORD(0)
        ok = _kernel32.ReadFile(wintypes.HANDLE(handle), buf, size, ctypes.byref(got), None)
        if not ok:
            err = ctypes.get_last_error()
            if err == ERROR_BROKEN_PIPE:
                return b""
            raise ctypes.WinError(err)
        return buf.raw[: got.value]

    def win_write(handle, data):
        """Write all of *data* to *handle*."""
        data = bytes(data)
        done = wintypes.DWORD(0)
        ok = _kernel32.WriteFile(wintypes.HANDLE(handle), data, len(data), ctypes.byref(done), None)
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())
        return done.value

    def os_handle(fd):
        """The OS handle behind CRT descriptor *fd*."""
        return msvcrt.get_osfhandle(fd)

else:

    def win_read(handle, size):
        return os.read(handle, size)

    def win_write(handle, data):
        return os.write(handle, data)

    def os_handle(fd):
        return fd
