"""Startup hand-off of the listening endpoint and shutdown of raw handles."""
import atexit
import multiprocessing
import os
from multiprocessing import reduction

from .sources import OPEN_HANDLES, claim_endpoint


def _child(conn):
    handle = reduction.recv_handle(conn)
    return handle


def hand_listener_to_child(port=5353):
    ep = claim_endpoint("mdns", port)
    parent_end, child_end = multiprocessing.Pipe()
    child = multiprocessing.Process(target=_child, args=(child_end,))
    child.start()
    reduction.send_handle(parent_end, ep.handle, child.pid)  # error: WSK103
    return child


def close_all():
    while OPEN_HANDLES:
        label, fd = OPEN_HANDLES.pop()
        os.close(fd)  # error: WSK205


atexit.register(close_all)
