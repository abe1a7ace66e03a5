"""Inventory service client."""

import io
import os
import subprocess

from .conn import Dialer, Listener, Pool, connection
from .stream import Checkout


def request(addr, payload):
    with connection(addr) as s:
        os.write(s.fileno(), payload)  # error: WSK201
        return s.recv(65536)


def open_reader(addr):
    d = Dialer.default()
    s = d.open(addr)
    s.sendall(b"SUBSCRIBE inventory\n")
    return io.open(s.fileno(), "rb", closefd=False)  # error: WSK203


def start_status_listener(port):
    lst = Listener.bind(port)
    os.set_blocking(lst.sock.fileno(), False)  # error: WSK205
    return lst


def lend_ephemeral_to(pid):
    """Windows: let the helper process accept on a fresh loopback port."""
    import _winapi

    eph = Listener.ephemeral()
    me = _winapi.GetCurrentProcess()
    target = _winapi.OpenProcess(_winapi.PROCESS_DUP_HANDLE, False, pid)
    dup = _winapi.DuplicateHandle(me, eph.fileno(), target, 0, False, _winapi.DUPLICATE_SAME_ACCESS)  # error: WSK103
    return eph, dup


def page_dump(pool: Pool):
    """Show the full inventory dump in the system pager."""
    with Checkout(pool) as s:
        s.sendall(b"DUMP\n")
        s.shutdown(1)
        subprocess.check_call(["more"], stdin=s)  # error: WSK301
