"""Write to whatever sink the config names: a socket or a descriptor."""
import os
import socket


def emit(target, data):
    if isinstance(target, socket.socket):
        target.sendall(data)
        return len(data)
    return os.write(target, data)


def close_target(target):
    if not isinstance(target, int):
        target.close()
    else:
        os.close(target)
