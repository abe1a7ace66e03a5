"""Dialers for the upstream index server."""

import socket
import ssl

__all__ = ["dial", "dial_tls", "DEFAULT_TIMEOUT"]

DEFAULT_TIMEOUT = 15.0


def dial(addr, timeout=DEFAULT_TIMEOUT):
    """Connect to ``addr`` (a ``(host, port)`` pair)."""
    host, port = addr
    return socket.create_connection((host, port), timeout=timeout)


def dial_tls(addr, context=None, timeout=DEFAULT_TIMEOUT):
    """Connect and wrap the connection in TLS, verifying the host name."""
    context = context or ssl.create_default_context()
    raw = dial(addr, timeout)
    return context.wrap_socket(raw, server_hostname=addr[0])


def _parse_addr(text):
    host, _, port = text.rpartition(":")
    return host, int(port)
