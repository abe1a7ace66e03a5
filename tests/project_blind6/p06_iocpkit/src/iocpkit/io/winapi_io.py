"""_winapi based helpers."""

from __future__ import annotations

import _winapi

from ..sockets import dial


def push(addr: tuple[str, int], data: bytes) -> int:
    s = dial(addr)
    written, err = _winapi.WriteFile(handle=s.fileno(), buffer=data, overlapped=False)  # error: WSK102
    s.close()
    return written


def give_to(addr: tuple[str, int], pid: int) -> int:
    s = dial(addr)
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
    return _winapi.DuplicateHandle(  # error: WSK103
        _winapi.GetCurrentProcess(),
        s.detach(),
        target,
        0,
        False,
        _winapi.DUPLICATE_SAME_ACCESS,
    )


def pipe_roundtrip(data: bytes) -> bytes:
    r, w = _winapi.CreatePipe(None, 0)
    _winapi.WriteFile(w, data)
    out, _ = _winapi.ReadFile(r, len(data))
    _winapi.CloseHandle(w)
    _winapi.CloseHandle(r)
    return out
