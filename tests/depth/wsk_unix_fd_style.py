"""fdchan -- descriptor-level channels for the ``tinysup`` process supervisor.

tinysup grew up on Linux and everything here thinks in file descriptors.
Windows support came later and is partial: look for ``os.name``.
"""

import io
import os
import select
import socket
import stat
import sys

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


def set_nonblocking(fd: int) -> None:
    if fcntl is None:
        return
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)


def wait_readable(fds, timeout=None):
    r, _, _ = select.select(fds, [], [], timeout)
    return r


class Waker:
    """Self-pipe used to interrupt select() from another thread."""

    def __init__(self) -> None:
        if os.name == "nt":
            # select() on Windows only accepts sockets
            self._r, self._w = socket.socketpair()
            self._r.setblocking(False)
            self.fd = self._r.fileno()
        else:
            self._r, self._w = os.pipe()
            set_nonblocking(self._r)
            self.fd = self._r

    def wake(self) -> None:
        if os.name == "nt":
            self._w.send(b"\0")
        else:
            os.write(self._w, b"\0")

    def consume(self) -> None:
        try:
            if os.name == "nt":
                self._r.recv(4096)
            else:
                os.read(self._r, 4096)
        except (BlockingIOError, InterruptedError):
            pass


class Channel:
    """A connected stream socket, handled as a descriptor."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.fd = sock.fileno()
        if os.name == "nt":
            sock.setblocking(False)
        else:
            set_nonblocking(self.fd)

    def read(self, n: int = 65536):
        try:
            return os.read(self.fd, n)  # error: WSK201
        except BlockingIOError:
            return None

    def write(self, data: bytes) -> int:
        if os.name == "nt":
            return self.sock.send(data)
        return os.write(self.fd, data)

    def is_socket(self) -> bool:
        return stat.S_ISSOCK(os.fstat(self.fd).st_mode)  # error: WSK205

    def as_file(self, mode: str = "rb"):
        return io.open(self.fd, mode, buffering=0, closefd=False)  # error: WSK203

    def redirect_stdout(self) -> None:
        """Send this process's stdout to the channel (used by 'tinysup attach')."""
        sys.stdout.flush()
        os.dup2(self.fd, sys.stdout.fileno())  # error: WSK202

    def spawn(self, argv: list) -> int:
        if not hasattr(os, "fork"):
            raise NotImplementedError("spawn() needs fork(); use tinysup.win32.spawn")
        pid = os.fork()
        if pid == 0:
            os.dup2(self.fd, 0)
            os.dup2(self.fd, 1)
            os.execvp(argv[0], argv)
        return pid

    def close(self) -> None:
        if os.name == "nt":
            self.sock.close()
        else:
            os.close(self.fd)
            self.sock.detach()


def pump(channels: list, waker: Waker, sink, timeout: float = 1.0) -> None:
    by_fd = {ch.fd: ch for ch in channels}
    for fd in wait_readable(list(by_fd) + [waker.fd], timeout):
        if fd == waker.fd:
            waker.consume()
            continue
        data = by_fd[fd].read()
        if data:
            sink(fd, data)
        elif data == b"":
            by_fd[fd].close()
            channels.remove(by_fd[fd])
