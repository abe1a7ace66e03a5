from layered.cycle_a import ping


def pong(sock):
    return ping(sock)
