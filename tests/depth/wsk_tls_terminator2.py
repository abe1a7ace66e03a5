"""`tlsfront`: terminates TLS for the legacy plaintext admin backend.

One thread per client.  The Windows service host can also take over an
accepted TLS session through a C runtime descriptor (`export_session`).
"""
from __future__ import annotations

import contextlib
import logging
import os
import socket
import ssl
import sys
import threading

if sys.platform == "win32":
    import msvcrt

log = logging.getLogger("tlsfront")
_ACTIVE = 0
_STATS_SOCK = None


def open_stats_channel(port: int) -> None:
    global _STATS_SOCK
    _STATS_SOCK = socket.create_connection(("127.0.0.1", port))


def stats_stream():
    """File object for the stats collector (line-buffered text)."""
    return open(_STATS_SOCK.fileno(), "w", buffering=1, closefd=False)  # error: WSK203


class Terminator:
    def __init__(self, certfile: str, keyfile: str, backend: tuple[str, int]) -> None:
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(certfile, keyfile)
        self.backend = backend

    def serve(self, port: int) -> None:
        with contextlib.ExitStack() as stack:
            listener = stack.enter_context(socket.create_server(("", port)))
            tls_listener = stack.enter_context(self.ctx.wrap_socket(listener, server_side=True))
            while True:
                client, addr = tls_listener.accept()
                log.info("client %s", addr)
                threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: ssl.SSLSocket) -> None:
        global _ACTIVE
        _ACTIVE += 1
        try:
            with contextlib.closing(socket.create_connection(self.backend)) as backend:
                fileno = getattr(backend, "fileno")
                os.set_blocking(fileno(), True)  # error: WSK205
                while data := client.recv(16384):
                    backend.sendall(data)
                    client.sendall(backend.recv(16384))
        except (ssl.SSLError, OSError) as exc:
            log.warning("relay failed: %s", exc)
        finally:
            client.close()
            _ACTIVE -= 1

    def export_session(self, client: ssl.SSLSocket) -> int:
        if sys.platform != "win32":
            raise RuntimeError("session export is only used by the Windows service host")
        return msvcrt.open_osfhandle(client.fileno(), os.O_RDWR)  # error: WSK204

    def adopt(self, handle: int) -> socket.socket:
        try:
            return socket.socket(fileno=handle)
        except OSError:
            os.close(handle)  # error: WSK205
            raise

    def restart_listener(self, old: socket.socket) -> socket.socket:
        return self.adopt(old.detach())


if __name__ == "__main__":
    open_stats_channel(8125)
    print("tlsfront starting", file=stats_stream())
    Terminator("front.pem", "front.key", ("127.0.0.1", 8000)).serve(8443)
