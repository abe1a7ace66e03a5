"""Built-in port kinds: serial devices, the controller's named pipe, replay files."""
from __future__ import annotations

import serial  # pyserial
import win32file

from registry import port_opener


@port_opener("serial")
def open_serial(target: str, baud: int = 115200):
    return serial.Serial(target, baudrate=baud, timeout=0.5)


@port_opener("pipe")
def open_pipe(target: str, baud: int = 0):
    return win32file.CreateFile(
        rf"\\.\pipe\{target}",
        win32file.GENERIC_READ | win32file.GENERIC_WRITE,
        0,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )


@port_opener("replay")
def open_replay(target: str, baud: int = 0):
    return open(target, "r+b", buffering=0)
