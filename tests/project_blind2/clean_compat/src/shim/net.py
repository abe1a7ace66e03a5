from __future__ import annotations

import socket


def dial(address, timeout=5.0):
    return socket.create_connection(address, timeout=timeout)
