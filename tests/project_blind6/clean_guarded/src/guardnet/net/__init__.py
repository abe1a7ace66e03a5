from .sockets import Conn, connect

__all__ = ["Conn", "connect"]
