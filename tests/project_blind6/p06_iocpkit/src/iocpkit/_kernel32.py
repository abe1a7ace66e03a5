"""ctypes bindings to kernel32, loaded once."""

import ctypes
from ctypes import wintypes

kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

LPOVERLAPPED_COMPLETION_ROUTINE = ctypes.WINFUNCTYPE(
    None, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p
)


class OVERLAPPED(ctypes.Structure):
    _fields_ = [
        ("Internal", ctypes.c_void_p),
        ("InternalHigh", ctypes.c_void_p),
        ("Offset", wintypes.DWORD),
        ("OffsetHigh", wintypes.DWORD),
        ("hEvent", wintypes.HANDLE),
    ]
