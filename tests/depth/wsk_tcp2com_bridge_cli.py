"""tcp2com: expose a Windows COM port on a TCP port, one client at a time.

    python -m tcp2com COM4 --port 7000 --baud 115200 --capture trace.bin

The COM side uses overlapped-free pywin32 calls; the network side is a plain
socket accepted from the listener.
"""
from __future__ import annotations

import argparse
import logging
import msvcrt
import os
import socket
import subprocess
import threading

import win32con
import win32file

LOG = logging.getLogger("tcp2com")


def open_com(name: str, baud: int):
    handle = win32file.CreateFile(
        rf"\\.\{name}",
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    dcb = win32file.GetCommState(handle)
    dcb.BaudRate = baud
    win32file.SetCommState(handle, dcb)
    win32file.SetCommTimeouts(handle, (50, 0, 50, 0, 500))
    return handle


class Bridge:
    def __init__(self, com, client: socket.socket, capture=None):
        self.com = com
        self.client = client
        self.capture = capture
        self.alive = True

    def com_to_net(self) -> None:
        while self.alive:
            hr, data = win32file.ReadFile(self.com, 512)
            if not data:
                continue
            self._trace(b"<", data)
            win32file.WriteFile(self.client.fileno(), data)  # error: WSK102

    def net_to_com(self) -> None:
        stream = os.fdopen(self.client.fileno(), "rb", buffering=0)  # error: WSK203
        while self.alive:
            data = stream.read(512)
            if not data:
                self.alive = False
                break
            self._trace(b">", data)
            win32file.WriteFile(self.com, data)

    def _trace(self, direction: bytes, data: bytes) -> None:
        if self.capture is None:
            return
        self.capture.write(direction + len(data).to_bytes(2, "little") + data)
        self.capture.flush()
        os.fsync(self.capture.fileno())

    def run(self) -> None:
        threads = [
            threading.Thread(target=self.com_to_net, daemon=True),
            threading.Thread(target=self.net_to_com, daemon=True),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def greet(client: socket.socket, command: str) -> None:
    # run the site's banner script with its output going to the new client
    subprocess.call(command, shell=True, stdout=client)  # error: WSK301


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tcp2com")
    ap.add_argument("com")
    ap.add_argument("--port", type=int, default=7000)
    ap.add_argument("--baud", type=int, default=115200)
    ap.add_argument("--capture")
    ap.add_argument("--banner-cmd")
    args = ap.parse_args(argv)

    capture = open(args.capture, "ab") if args.capture else None
    if capture is not None:
        LOG.info("capture handle %#x", msvcrt.get_osfhandle(capture.fileno()))
    com = open_com(args.com, args.baud)
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
    srv.bind(("0.0.0.0", args.port))
    srv.listen(1)
    LOG.info("bridging %s on port %d", args.com, args.port)
    try:
        while True:
            client, addr = srv.accept()
            LOG.info("client %s connected", addr)
            if args.banner_cmd:
                greet(client, args.banner_cmd)
            Bridge(com, client, capture).run()
            client.close()
    except KeyboardInterrupt:
        return 0
    finally:
        win32file.CloseHandle(com)
        srv.close()


if __name__ == "__main__":
    raise SystemExit(main())
