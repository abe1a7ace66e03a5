"""Launches the ``tunhelper`` child that owns the TUN/TAP device.

The parent keeps the control plane (authentication, rekeying); the helper moves packets.
The two talk over a socketpair, and the helper gets the already-connected UDP data socket
so that it never needs the credentials. On Linux and macOS the sockets are passed as
descriptors; on Windows the helper is spawned with ``close_fds=False`` and told the handle
numbers on its command line.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass, field

if sys.platform == "win32":
    import win32file

log = logging.getLogger("vpn.launcher")


@dataclass
class TunnelConfig:
    server: str
    port: int = 1194
    mtu: int = 1400
    helper: str = field(default_factory=lambda: shutil.which("tunhelper") or "tunhelper")
    debug: bool = False


def connect_data_socket(cfg: TunnelConfig) -> socket.socket:
    data = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    data.connect((cfg.server, cfg.port))
    return data


def spawn_helper(cfg: TunnelConfig, ctrl: socket.socket, data: socket.socket) -> subprocess.Popen:
    argv = [cfg.helper, "--mtu", str(cfg.mtu)]
    if sys.platform != "win32":
        for s in (ctrl, data):
            os.set_inheritable(s.fileno(), True)
        argv += ["--ctrl-fd", str(ctrl.fileno()), "--data-fd", str(data.fileno())]
        return subprocess.Popen(argv, pass_fds=(ctrl.fileno(), data.fileno()))

    # Windows: no pass_fds; rely on handle inheritance instead.
    os.set_inheritable(ctrl.fileno(), True)  # error: WSK205
    os.set_inheritable(data.fileno(), True)  # error: WSK205
    if cfg.debug:
        log.debug("ctrl inheritable=%s", os.get_inheritable(ctrl.fileno()))  # error: WSK205
    argv += ["--ctrl-handle", str(ctrl.fileno()), "--data-handle", str(data.fileno())]
    return subprocess.Popen(argv, close_fds=False)


def spawn_legacy_helper(cfg: TunnelConfig, data: socket.socket) -> subprocess.Popen:
    """Old helpers (< 2.0) read packets from stdin and write them to stdout."""
    if os.name == "posix":
        return subprocess.Popen([cfg.helper, "--stdio"], stdin=data, stdout=data)
    else:
        return subprocess.Popen(  # error: WSK301
            [cfg.helper, "--stdio"], stdin=data, stdout=subprocess.PIPE, close_fds=False
        )


class WindowsPump:
    """In-process data plane for Wintun adapters: no helper child at all."""

    def __init__(self, adapter_path: str, data: socket.socket, mtu: int) -> None:
        self.tun = win32file.CreateFile(
            adapter_path, win32file.GENERIC_READ | win32file.GENERIC_WRITE, 0, None,
            win32file.OPEN_EXISTING, 0, None,
        )
        self.data = data
        self.mtu = mtu

    def net_to_tun(self) -> None:
        sock_handle = self.data.fileno()
        while True:
            _hr, packet = win32file.ReadFile(sock_handle, self.mtu + 64)  # error: WSK101
            win32file.WriteFile(self.tun, packet)

    def tun_to_net(self) -> None:
        while True:
            _hr, packet = win32file.ReadFile(self.tun, self.mtu)
            win32file.WriteFile(self.data.fileno(), packet)  # error: WSK102


class Tunnel:
    def __init__(self, cfg: TunnelConfig) -> None:
        self.cfg = cfg
        self.ctrl, self._child_ctrl = socket.socketpair()
        self.data = connect_data_socket(cfg)
        self.proc: subprocess.Popen | None = None

    def start(self, legacy: bool = False) -> None:
        if legacy:
            self.proc = spawn_legacy_helper(self.cfg, self.data)
        else:
            self.proc = spawn_helper(self.cfg, self._child_ctrl, self.data)
        # the child has its own copies now
        self._child_ctrl.close()
        log.info("tunhelper pid %d", self.proc.pid)

    def rekey(self, key: bytes) -> None:
        self.ctrl.sendall(b"KEY " + key.hex().encode() + b"\n")
        if self.ctrl.recv(3) != b"OK\n":
            raise RuntimeError("helper refused the new key")

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            self.ctrl.sendall(b"QUIT\n")
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
        finally:
            if sys.platform == "win32":
                self.data.close()
            else:
                os.close(self.data.detach())
            self.ctrl.close()
