"""Remote display bridge: exposes a local GUI session over TCP.

Most of this runs on Linux and macOS; some paths were assumed POSIX-only
but are reachable on Windows too.
"""
import logging
import os
import socket
import subprocess
import sys

log = logging.getLogger("displaybridge")


def start_display():
    if os.environ.get("DISPLAY"):
        return
    subprocess.Popen(["Xvfb", ":99"])
    os.environ["DISPLAY"] = ":99"


def attach_viewer(conn: socket.socket) -> None:
    if sys.platform.startswith("linux"):
        start_display()
    # Not POSIX-only: the branch above does not leave the function.
    os.dup2(conn.fileno(), 0)  # error: WSK202
    os.dup2(conn.fileno(), 1)  # error: WSK202


def attach_viewer_unix(conn: socket.socket) -> None:
    if sys.platform.startswith("linux") or sys.platform == "darwin":
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
    else:
        raise NotImplementedError("viewer attach needs a POSIX host")


def make_stream(conn: socket.socket):
    if sys.platform.startswith(("linux", "darwin")):
        return os.fdopen(conn.fileno(), "rb", buffering=0)
    return conn.makefile("rb", buffering=0)


def set_nonblocking(conn: socket.socket) -> None:
    match sys.platform:
        case "linux" | "darwin":
            os.set_blocking(conn.fileno(), False)
        case _:
            conn.setblocking(False)


def export_clipboard(conn: socket.socket, data: bytes) -> None:
    if os.name == "posix":
        os.write(conn.fileno(), data)
    else:
        conn.sendall(data)
    log.debug("clipboard: %d bytes", len(data))


def export_clipboard_legacy(conn: socket.socket, data: bytes) -> None:
    if sys.platform == "darwin":
        log.debug("macOS pasteboard export")
    os.write(conn.fileno(), data)  # error: WSK201


def frame_reader(conn: socket.socket):
    if sys.platform != "win32":
        return os.fdopen(os.dup(conn.fileno()), "rb")
    return conn.makefile("rb")


def accept_viewer(port: int) -> socket.socket:
    srv = socket.create_server(("127.0.0.1", port))
    conn, addr = srv.accept()
    srv.close()
    log.info("viewer from %s", addr)
    return conn


def run(port: int = 5909) -> None:
    conn = accept_viewer(port)
    set_nonblocking(conn)
    if sys.platform == "win32":
        export_clipboard(conn, b"hello")
        return
    attach_viewer_unix(conn)
