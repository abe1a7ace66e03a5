"""Hook registry for the relay daemon: each command word maps to a callback.

Built-in hooks register with ``@hook("name")``; third-party ones arrive through
the ``relayd.hooks`` entry-point group.  Every hook gets the client socket.
"""
from __future__ import annotations

import functools
import importlib.metadata
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable

LOG = logging.getLogger("relayd.hooks")
ADMIN_ADDR = ("127.0.0.1", 9901)
TEE_PATH = "relayd-tee.log"

HookFn = Callable[[socket.socket, bytes], None]
_HOOKS: dict[str, HookFn] = {}


def hook(name: str) -> Callable[[HookFn], HookFn]:
    def deco(fn: HookFn) -> HookFn:
        if name in _HOOKS:
            raise ValueError(f"duplicate hook {name!r}")
        _HOOKS[name] = fn
        return fn

    return deco


def traced(fn: HookFn) -> HookFn:
    @functools.wraps(fn)
    def wrapper(conn: socket.socket, payload: bytes) -> None:
        LOG.debug("%s: %d bytes, blocking=%s", fn.__name__, len(payload), os.get_blocking(conn.fileno()))  # error: WSK205
        return fn(conn, payload)

    return wrapper


@hook("echo")
def echo(conn: socket.socket, payload: bytes) -> None:
    conn.sendall(payload)


@hook("tee")
@traced
def tee(conn: socket.socket, payload: bytes) -> None:
    with open(TEE_PATH, "ab") as log:
        log.write(payload)
        log.flush()
        os.fsync(log.fileno())
    os.write(conn.fileno(), payload)  # error: WSK201


@hook("exec")
@traced
def run_script(conn: socket.socket, payload: bytes) -> None:
    script = payload.decode().strip()
    subprocess.run(  # error: WSK301
        [sys.executable, script],
        stdout=conn,
        stderr=subprocess.STDOUT,
        timeout=30,
    )


def load_plugins() -> None:
    for ep in importlib.metadata.entry_points(group="relayd.hooks"):
        _HOOKS.setdefault(ep.name, ep.load())


def serve(port: int) -> None:
    load_plugins()
    srv = socket.create_server(("", port))
    admin = socket.create_connection(ADMIN_ADDR)
    admin_cmds: dict[str, Callable[..., object]] = {
        "ping": lambda payload: admin.sendall(b"pong\n"),
        "sync": lambda payload: os.fsync(admin.fileno()),  # error: WSK205
        "note": functools.partial(os.write, admin.fileno()),  # error: WSK201
        "quit": lambda payload: srv.close(),
    }
    while True:
        try:
            conn, peer = srv.accept()
        except OSError:
            break
        with conn:
            line = conn.recv(4096)
            word, _, payload = line.partition(b" ")
            name = word.decode(errors="replace")
            if name.startswith("admin."):
                action = admin_cmds.get(name[6:])
                if action is not None:
                    action(payload)
                continue
            fn = _HOOKS.get(name)
            if fn is None:
                conn.sendall(b"ERR unknown hook\n")
                continue
            LOG.info("%s -> %s", peer, name)
            fn(conn, payload)
