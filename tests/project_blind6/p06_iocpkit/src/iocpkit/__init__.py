from .sockets import Connection, dial

__all__ = ["Connection", "dial"]
