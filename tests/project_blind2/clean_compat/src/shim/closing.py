from __future__ import annotations

import os
import socket


def close_any(obj):
    """Close a socket object or a plain descriptor."""
    if isinstance(obj, socket.socket):
        obj.close()
    else:
        os.close(obj)


def fd_of(obj):
    if not isinstance(obj, int):
        raise TypeError("expected a descriptor")
    return os.dup(obj)
