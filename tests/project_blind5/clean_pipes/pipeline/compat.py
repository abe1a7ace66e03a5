"""Handle and descriptor helpers (same shapes as a socket compat layer)."""
import os
import subprocess

import _winapi


def write_handle(fd: int, data: bytes) -> int:
    return os.write(fd, data)


def win_write(handle, data: bytes) -> int:
    written, _err = _winapi.WriteFile(handle, data)
    return written


def dup_into(target_process, handle) -> int:
    return _winapi.DuplicateHandle(
        _winapi.GetCurrentProcess(),
        handle,
        target_process,
        0,
        False,
        _winapi.DUPLICATE_SAME_ACCESS,
    )


def spawn(argv: list[str], out) -> subprocess.Popen:
    return subprocess.Popen(argv, stdout=out)
