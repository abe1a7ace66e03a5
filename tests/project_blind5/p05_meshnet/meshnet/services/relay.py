"""Relay service: forwards payloads and hands connections to helpers."""
import ctypes
import msvcrt
import os
from ctypes import wintypes
from multiprocessing import reduction

from ..core.factory import dial, make_peer, session
from ..winio.kernel import kernel32
from .registry import create


def forward(address: tuple[str, int], data: bytes) -> int:
    ep = dial(address)
    written = wintypes.DWORD()
    buf = ctypes.create_string_buffer(data, len(data))
    ok = kernel32.WriteFile(  # error: WSK102
        wintypes.HANDLE(ep.sock.fileno()),
        buf,
        len(data),
        ctypes.byref(written),
        None,
    )
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    return written.value


def log_to(path: str, data: bytes) -> None:
    with open(path, "ab") as f:
        written = wintypes.DWORD()
        kernel32.WriteFile(msvcrt.get_osfhandle(f.fileno()), data, len(data), ctypes.byref(written), None)


def announce(name: str, address: tuple[str, int], payload: bytes) -> None:
    peer = make_peer(name, address)
    os.write(peer.fd, payload)  # error: WSK201


def hand_off(conn, kind: str, pid: int) -> None:
    s = create(kind)
    reduction.send_handle(conn, s.fileno(), pid)  # error: WSK103


def crt_handle(address: tuple[str, int]) -> int:
    with session(address) as s:
        return msvcrt.get_osfhandle(s.fileno())  # error: WSK204
