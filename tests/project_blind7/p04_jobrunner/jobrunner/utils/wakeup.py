"""Process-wide self-pipe that wakes the scheduler's select() loop.

A socketpair rather than os.pipe(): select() on Windows only takes sockets.
"""
import socket

wakeup_r, wakeup_w = socket.socketpair()
wakeup_r.setblocking(False)
wakeup_w.setblocking(False)


def notify():
    try:
        wakeup_w.send(b"\0")
    except (BlockingIOError, InterruptedError):
        pass


def drain():
    try:
        while wakeup_r.recv(4096):
            pass
    except (BlockingIOError, InterruptedError):
        pass
