from __future__ import annotations

from netutil import dial

CONTROL_PORT = 7001


def open_control(host):
    return dial(host, CONTROL_PORT, timeout=2.0)
