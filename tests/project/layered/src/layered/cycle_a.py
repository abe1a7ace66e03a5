from layered.cycle_b import pong


def ping(sock):
    return pong(sock)
