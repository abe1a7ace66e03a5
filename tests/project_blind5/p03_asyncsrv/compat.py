"""Thin wrappers over the Win32 handle API."""
import _winapi

import win32file


def write_handle(handle, data: bytes) -> int:
    _err, written = win32file.WriteFile(handle, data)
    return written


def read_handle(handle, size: int) -> bytes:
    data, _err = _winapi.ReadFile(handle, size)
    return data


def send_blob(handle, blob: bytes) -> None:
    header = len(blob).to_bytes(4, "big")
    write_handle(handle, header + blob)


def dup_into(target_process, handle) -> int:
    return _winapi.DuplicateHandle(
        _winapi.GetCurrentProcess(),
        handle,
        target_process,
        0,
        False,
        _winapi.DUPLICATE_SAME_ACCESS,
    )
