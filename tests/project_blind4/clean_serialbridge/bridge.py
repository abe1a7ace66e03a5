"""Move frames between a device port and the controller pipe."""
from __future__ import annotations

import os

import win32file
from vendorlink import open_link

import ports  # noqa: F401  (registers the built-in kinds)
from registry import opener_for


def send_to_device(kind: str, target: str, frame: bytes) -> int:
    port = opener_for(kind)(target)
    try:
        return os.write(port.fileno(), frame)
    finally:
        port.close()


def send_to_controller(frame: bytes, pipe_name: str = "benchctl") -> int:
    sock = opener_for("pipe")(pipe_name)
    try:
        _err, written = win32file.WriteFile(sock, frame)
        return written
    finally:
        win32file.CloseHandle(sock)


def forward_to_vendor_link(host: str, frame: bytes) -> int:
    """The vendor SDK hands back its own link object; it documents fileno() as a CRT fd."""
    link = open_link(host, mode="raw")
    try:
        return os.write(link.fileno(), frame)
    finally:
        link.close()
