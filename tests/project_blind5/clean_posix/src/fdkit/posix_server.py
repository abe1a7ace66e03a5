"""The pre-fork loop; imports the POSIX-only helpers unconditionally."""
from ._posix_io import set_nonblocking, write_fd
from .server import listen


def serve_once(port: int) -> None:
    srv = listen(port)
    conn, _ = srv.accept()
    set_nonblocking(conn.fileno())
    write_fd(conn.fileno(), b"hello\n")
    conn.close()
    srv.close()
