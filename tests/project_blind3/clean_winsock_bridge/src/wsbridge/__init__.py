"""wsbridge: hands client connections to worker processes the Winsock way."""
from .conn import Conn, dial

__all__ = ["Conn", "dial"]
