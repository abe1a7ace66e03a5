"""Shortcuts for the agent that listens on localhost."""
import functools
import socket

AGENT_ADDR = ("127.0.0.1", 8125)

connect_agent = functools.partial(socket.create_connection, AGENT_ADDR, timeout=2.0)

_heartbeat = None


def heartbeat_handle():
    """Handle of the UDP socket used for liveness pings (created lazily)."""
    global _heartbeat
    if _heartbeat is None:
        _heartbeat = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        _heartbeat.connect(AGENT_ADDR)
    return _heartbeat.fileno()
