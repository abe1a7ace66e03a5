"""Terminal relay for the dev shell: copies between a pty and a socket pair.

Only for POSIX hosts: ``pty`` and ``termios`` do not exist on Windows, so this
module cannot even be imported there.
"""
import os
import pty
import socket
import termios


def relay_once(master_fd: int) -> None:
    pair = list(socket.socketpair())
    fds = [s.fileno() for s in pair]
    os.write(fds[0], os.read(master_fd, 1024))
    for fd in fds:
        os.set_blocking(fd, False)
    for s in pair:
        os.close(s.fileno())


def open_terminal() -> tuple[int, int, list]:
    master_fd, slave_fd = pty.openpty()
    return master_fd, slave_fd, termios.tcgetattr(slave_fd)
