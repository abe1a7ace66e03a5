"""Health monitor run by the Windows service wrapper."""

import os
import sys

import relay.net as n

if sys.platform == "win32":
    import win32file


def heartbeat(host):
    """Write one heartbeat record through the overlapped-I/O layer."""
    s = n.connect(host, timeout=3.0)
    try:
        win32file.WriteFile(s.fileno(), b"HB\n")  # error: WSK102
    finally:
        s.close()


def probe(host):
    """Report whether the collector connection is in blocking mode."""
    from relay.net import connect as dial

    s = dial(host)
    try:
        blocking = os.get_blocking(s.fileno())  # error: WSK205
        s.sendall(b"PING\n")
        return blocking, s.recv(16)
    finally:
        s.close()
