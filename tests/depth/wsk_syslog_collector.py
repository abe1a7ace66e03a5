"""Syslog collector: RFC 5424 over UDP/514 and RFC 6587 (octet counting) over TCP/601.

Accepted TCP connections are queued and drained by a small set of reader threads; UDP
datagrams are read on the main thread. Everything is appended to one archive file.
"""
from __future__ import annotations

import logging
import os
import queue
import select
import socket
import sys
import threading
from typing import BinaryIO, Tuple

if sys.platform == "win32":
    import _overlapped

log = logging.getLogger("collector")

Peer = Tuple[str, int]


class Collector:
    def __init__(self, archive: BinaryIO, host: str = "0.0.0.0", readers: int = 4) -> None:
        self.archive = archive
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((host, 514))
        self.tcp = socket.create_server((host, 601), backlog=128)
        self.backlog: "queue.Queue[tuple[socket.socket, Peer]]" = queue.Queue(maxsize=256)
        self.lock = threading.Lock()
        self._harden()
        for i in range(readers):
            threading.Thread(target=self._reader, name=f"tcp-reader-{i}", daemon=True).start()

    def _harden(self) -> None:
        for s in (self.udp, self.tcp):
            if sys.platform == "win32":
                s.set_inheritable(False)
            else:
                os.set_inheritable(s.fileno(), False)
        os.set_blocking(self.tcp.fileno(), False)  # error: WSK205

    def _store(self, peer: Peer, record: bytes) -> None:
        with self.lock:
            self.archive.write(f"{peer[0]} ".encode() + record.rstrip(b"\n") + b"\n")

    def _reader(self) -> None:
        while True:
            conn, peer = self.backlog.get()
            try:
                with open(conn.fileno(), "rb", buffering=65536, closefd=False) as stream:  # error: WSK203
                    while True:
                        length = self._read_length(stream)
                        if length is None:
                            break
                        self._store(peer, stream.read(length))
            except (OSError, ValueError) as exc:
                log.warning("tcp %s:%d: %s", *peer, exc)
            finally:
                conn.close()
                self.backlog.task_done()

    @staticmethod
    def _read_length(stream: BinaryIO) -> int | None:
        digits = b""
        while True:
            ch = stream.read(1)
            if not ch:
                return None
            if ch == b" ":
                return int(digits)
            digits += ch

    def _drain_udp(self) -> None:
        while True:
            try:
                data = os.read(self.udp.fileno(), 8192)  # error: WSK201
            except BlockingIOError:
                return
            self._store(("udp", 514), data)
            if len(data) < 8192:
                return

    def read_udp_overlapped(self) -> bytes:
        """Windows service build: overlapped reads so the service loop can wait on events."""
        ov = _overlapped.Overlapped(0)
        ov.ReadFile(self.udp.fileno(), 8192)  # error: WSK101
        return ov.getresult(True)

    def read_udp_winsock(self) -> bytes:
        ov = _overlapped.Overlapped(0)
        ov.WSARecv(self.udp.fileno(), 8192, 0)
        return ov.getresult(True)

    def serve(self) -> None:
        self.udp.setblocking(False)
        while True:
            readable, _, _ = select.select([self.udp, self.tcp], [], [], 5.0)
            if self.udp in readable:
                self._drain_udp()
            if self.tcp in readable:
                try:
                    self.backlog.put(self.tcp.accept(), timeout=1.0)
                except (BlockingIOError, queue.Full):
                    continue
            self.archive.flush()
            os.fsync(self.archive.fileno())


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    path = sys.argv[1] if len(sys.argv) > 1 else "syslog.archive"
    with open(path, "ab") as archive:
        Collector(archive).serve()


if __name__ == "__main__":
    main()
