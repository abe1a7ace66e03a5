"""Helpers for adopting, cloning and re-wrapping listening sockets.

Used by the zero-downtime reload path: the old process hands its listeners
to the new one, which adopts them from descriptors or Winsock handles.
"""
from __future__ import annotations

import os
import socket
import sys


def adopt_from_env(var: str = "APP_LISTEN_HANDLES") -> list[socket.socket]:
    """Wrap handles/descriptors whose numbers the parent put in the environment."""
    adopted = []
    for token in os.environ.get(var, "").split(","):
        if token.strip():
            adopted.append(socket.socket(fileno=int(token)))
    return adopted


def adopt_posix_fd(fd: int) -> socket.socket:
    """systemd style: fromfd() duplicates, so the original descriptor is closed."""
    s = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
    os.close(fd)
    return s


def clone_listener(listener: socket.socket) -> socket.socket:
    """Return an independent socket object for the same listening endpoint."""
    if sys.platform == "win32":
        return listener.dup()
    return socket.socket(fileno=os.dup(listener.fileno()))


def clone_listener_naive(listener: socket.socket) -> socket.socket:
    return socket.socket(fileno=os.dup(listener.fileno()))  # error: WSK202


def rewrap(listener: socket.socket) -> socket.socket:
    """Move the OS socket into a fresh Python object (drops the old timeout state)."""
    family, kind, proto = listener.family, listener.type, listener.proto
    handle = listener.detach()
    return socket.socket(family, kind, proto, fileno=handle)


def rewrap_via_fromfd(listener: socket.socket) -> socket.socket:
    fd = listener.fileno()
    clone = socket.fromfd(fd, listener.family, listener.type)
    os.close(fd)  # error: WSK205
    listener.detach()
    return clone


def adopt_nonblocking(handle: int) -> socket.socket:
    s = socket.socket(fileno=handle)
    os.set_blocking(s.fileno(), False)  # error: WSK205
    return s


def abandon(conn: socket.socket) -> None:
    """Close the OS socket without running the socket object's shutdown logic."""
    os.close(conn.detach())  # error: WSK205


def as_binary_stream(conn: socket.socket):
    return os.fdopen(conn.detach(), "r+b", buffering=0)  # error: WSK203


def describe(fd: int) -> str:
    """Human-readable summary of a descriptor number, used in reload logs."""
    kind = "tty" if os.isatty(fd) else "other"
    try:
        probe = socket.socket(fileno=fd)
    except OSError:
        return f"fd {fd}: {kind}"
    try:
        return f"fd {fd}: socket {probe.getsockname()}"
    finally:
        probe.detach()


def handle_for_child(listener: socket.socket, child_process_handle: int) -> int:
    """Windows: a handle number the child can wrap with socket.socket(fileno=...)."""
    from multiprocessing import reduction

    return reduction.duplicate(listener.fileno(), child_process_handle, inheritable=True)  # error: WSK103


def crt_fd_for(conn: socket.socket) -> int:
    """Windows: a C runtime descriptor for libraries that only take ints."""
    import msvcrt

    return msvcrt.open_osfhandle(conn.fileno(), os.O_RDWR)  # error: WSK204


def handoff_args(listeners: list[socket.socket], child_pid: int | None = None) -> list[str]:
    """Command-line arguments that tell the new process what to adopt."""
    if sys.platform == "win32" and child_pid is not None:
        return ["--shared=" + ",".join(s.share(child_pid).hex() for s in listeners)]
    return ["--fds=" + ",".join(str(s.fileno()) for s in listeners)]


def log_listeners(listeners: list[socket.socket]) -> None:
    for s in listeners:
        sys.stderr.write(f"listening on {s.getsockname()} (fd {s.fileno()})\n")
