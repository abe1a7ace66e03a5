"""Listener registry of `devsup`, the Windows development supervisor.

The supervisor binds every listening socket itself and starts the app
servers later; bindings are described by frozen dataclasses, the raw config
arrives as TypedDicts from the TOML loader, and per-app status taps are
held weakly so that a crashed app's socket can be collected.
"""
from __future__ import annotations

import _winapi
import dataclasses
import logging
import msvcrt
import os
import socket
import weakref
from typing import TypedDict

log = logging.getLogger("devsup.registry")


class ListenerSpec(TypedDict, total=False):
    name: str
    port: int
    sock: socket.socket
    proxy_protocol: bool


@dataclasses.dataclass(frozen=True)
class Binding:
    name: str
    sock: socket.socket
    proxy_protocol: bool = False


class StatusTap:
    def __init__(self, sock: socket.socket) -> None:
        self._ref = weakref.ref(sock)

    def emit(self, line: str) -> None:
        s = self._ref()
        if s is None:
            return
        with open(s.fileno(), "w", encoding="utf-8", closefd=False) as out:  # error: WSK203
            out.write(line + "\n")


class Registry:
    def __init__(self) -> None:
        self.bindings: dict[str, Binding] = {}
        self.taps: dict[str, StatusTap] = {}

    def add(self, spec: ListenerSpec) -> Binding:
        s = spec.get("sock")
        if s is None:
            s = socket.create_server(("127.0.0.1", spec.get("port", 0)))
        else:
            # specs from the launcher carry pre-bound sockets; log their CRT view
            log.debug("adopted %s as crt handle %s", spec.get("name"), msvcrt.get_osfhandle(s.fileno()))  # error: WSK204
        b = Binding(spec.get("name", f"port{s.getsockname()[1]}"), s)
        if spec.get("proxy_protocol"):
            b = dataclasses.replace(b, proxy_protocol=True)
        self.bindings[b.name] = b
        return b

    def peek_proxy_header(self, name: str) -> bytes:
        b = self.bindings[name]
        if not b.proxy_protocol:
            return b""
        conn, _addr = b.sock.accept()
        data, _err = _winapi.ReadFile(conn.fileno(), 108)  # error: WSK101
        return data

    def tap(self, name: str, sock: socket.socket) -> StatusTap:
        """`sock` belongs to the app's status channel; the app may drop it."""
        tap = StatusTap(sock)
        self.taps[name] = tap
        return tap

    def rebind_all(self, names: list[str], ports: list[int]) -> None:
        for name, port in zip(names, ports):
            old = self.bindings.pop(name, None)
            if old is not None:
                old.sock.close()
            self.add({"name": name, "port": port})

    def close(self) -> None:
        for b in self.bindings.values():
            b.sock.close()
        self.bindings.clear()


if __name__ == "__main__":
    reg = Registry()
    reg.add({"name": "web", "port": 8000, "proxy_protocol": True})
    reg.add({"name": "api", "sock": socket.create_server(("127.0.0.1", 8001))})
    status = socket.create_connection(("127.0.0.1", 9000))
    reg.tap("web", status).emit("web up")
    print(reg.peek_proxy_header("web"))
    reg.close()
