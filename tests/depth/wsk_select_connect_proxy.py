"""Single-threaded HTTP CONNECT proxy built on select.select.

Good enough for tunnelling a developer's browser through a jump host:

    python connect_proxy.py --listen 127.0.0.1:3128
"""
from __future__ import annotations

import argparse
import logging
import os
import select
import socket

LOG = logging.getLogger("connect-proxy")
CHUNK = 65536


class ConnectProxy:
    def __init__(self, bind: tuple[str, int], access_log: str | None = None) -> None:
        self.listener = socket.create_server(bind)
        self.listener.setblocking(False)
        self.inputs: list[socket.socket] = [self.listener]
        self.peer: dict[socket.socket, socket.socket] = {}
        self.log_fd = os.open(access_log, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if access_log else None

    def serve_forever(self) -> None:
        while True:
            readable, _, errored = select.select(self.inputs, [], self.inputs, 1.0)
            for s in errored:
                self._drop(s)
            for s in readable:
                if s is self.listener:
                    self._accept()
                    continue
                if s not in self.inputs:
                    continue  # dropped earlier in this round
                try:
                    data = os.read(s.fileno(), CHUNK)  # error: WSK201
                except OSError:
                    data = b""
                if not data:
                    self._drop(s)
                    continue
                other = self.peer.get(s)
                if other is None:
                    self._handshake(s, data)
                else:
                    os.write(other.fileno(), data)  # error: WSK201

    def _accept(self) -> None:
        conn, addr = self.listener.accept()
        conn.setblocking(False)
        self.inputs.append(conn)
        LOG.debug("accepted %s", addr)

    def _handshake(self, client: socket.socket, data: bytes) -> None:
        request_line = data.split(b"\r\n", 1)[0].decode("latin-1")
        try:
            method, target, _ = request_line.split(" ", 2)
            host, port = target.rsplit(":", 1)
        except ValueError:
            method = ""
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
            self._drop(client)
            return
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError as exc:
            client.sendall(f"HTTP/1.1 502 Bad Gateway\r\n\r\n{exc}".encode())
            self._drop(client)
            return
        os.set_blocking(upstream.fileno(), False)  # error: WSK205
        self.peer[client] = upstream
        self.peer[upstream] = client
        self.inputs.append(upstream)
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self._log(f"CONNECT {target} from {client.getpeername()[0]}\n")

    def _drop(self, s: socket.socket) -> None:
        for x in (s, self.peer.pop(s, None)):
            if x is None:
                continue
            self.peer.pop(x, None)
            if x in self.inputs:
                self.inputs.remove(x)
            x.close()

    def _log(self, line: str) -> None:
        if self.log_fd is not None:
            os.write(self.log_fd, line.encode())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", default="127.0.0.1:3128")
    ap.add_argument("--access-log")
    args = ap.parse_args()
    host, port = args.listen.rsplit(":", 1)
    logging.basicConfig(level=logging.INFO)
    ConnectProxy((host, int(port)), args.access_log).serve_forever()


if __name__ == "__main__":
    main()
