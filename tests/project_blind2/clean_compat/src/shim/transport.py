"""Picks a channel implementation.  Neither import below is part of this project."""
from __future__ import annotations

from vendored_net import connect_raw

try:
    from ._speedups import fast_channel
except ImportError:
    fast_channel = None


def open_channel(address):
    if fast_channel is not None:
        return fast_channel(address)
    return connect_raw(address)
