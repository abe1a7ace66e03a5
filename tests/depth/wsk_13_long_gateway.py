"""Serial-to-TCP gateway for the plant floor.

The gateway polls the PLC bridge over a UDP control channel, keeps one TCP
upstream connection to the historian and exposes a small command interface.

Configuration lives in ``gateway.ini``::

    [historian]
    host = historian.plant.local
    port = 5140

    [control]
    bind = 0.0.0.0
    port = 5141
"""
from __future__ import annotations

import _winapi
import configparser
import contextlib
import enum
import json
import logging
import msvcrt
import os
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Iterator, Optional

import win32file

log = logging.getLogger("gateway")

# The control channel is created at import time so that the watchdog thread
# can use it before the gateway object exists.
_CONTROL = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

FRAME_MAGIC = 0x47574159
HEADER = struct.Struct("<IIHH")
MAX_FRAME = 64 * 1024
RETRY_DELAYS = (0.5, 1, 2, 5, 10, 30)


class FrameKind(enum.IntEnum):
    SAMPLE = 1
    EVENT = 2
    HEARTBEAT = 3
    COMMAND = 4


@dataclass(frozen=True)
class Settings:
    historian_host: str
    historian_port: int
    control_bind: str
    control_port: int
    heartbeat_s: float = 5.0

    @classmethod
    def load(cls, path: str) -> "Settings":
        cp = configparser.ConfigParser()
        if not cp.read(path):
            raise FileNotFoundError(path)
        return cls(
            historian_host=cp.get("historian", "host"),
            historian_port=cp.getint("historian", "port"),
            control_bind=cp.get("control", "bind", fallback="0.0.0.0"),
            control_port=cp.getint("control", "port", fallback=5141),
            heartbeat_s=cp.getfloat("control", "heartbeat", fallback=5.0),
        )


def encode_frame(kind: FrameKind, payload: bytes, seq: int) -> bytes:
    if len(payload) > MAX_FRAME:
        raise ValueError("frame too large")
    body = zlib.compress(payload)
    return HEADER.pack(FRAME_MAGIC, seq, int(kind), len(body)) + body


def decode_frame(data: bytes) -> tuple[FrameKind, int, bytes]:
    magic, seq, kind, size = HEADER.unpack_from(data)
    if magic != FRAME_MAGIC:
        raise ValueError("bad magic")
    body = data[HEADER.size : HEADER.size + size]
    return FrameKind(kind), seq, zlib.decompress(body)


def backoff() -> Iterator[float]:
    yield from RETRY_DELAYS
    while True:
        yield RETRY_DELAYS[-1]


class UpstreamConnection:
    """Context manager around the historian TCP connection."""

    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self._addr = (host, port)
        self._timeout = timeout
        self._sock: Optional[socket.socket] = None

    def __enter__(self):
        for delay in backoff():
            try:
                self._sock = socket.create_connection(self._addr, timeout=self._timeout)
                break
            except OSError as exc:
                log.warning("historian unreachable (%s); retry in %.1fs", exc, delay)
                time.sleep(delay)
        return self._sock

    def __exit__(self, *exc_info) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


@contextlib.contextmanager
def dialed(host: str, port: int):
    s = socket.create_connection((host, port), timeout=5)
    try:
        yield s
    finally:
        s.close()


class Gateway:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._sock = socket.create_connection(
            (settings.historian_host, settings.historian_port), timeout=10
        )
        self._seq = 0
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    @property
    def handle(self) -> int:
        return self._sock.fileno()

    def next_seq(self) -> int:
        with self._lock:
            self._seq = (self._seq + 1) & 0xFFFFFFFF
            return self._seq

    def publish(self, kind: FrameKind, payload: bytes) -> None:
        frame = encode_frame(kind, payload, self.next_seq())
        # WriteFile keeps the frame atomic w.r.t. the watchdog's heartbeats
        win32file.WriteFile(self.handle, frame)  # error: WSK102

    def heartbeat_loop(self) -> None:
        while not self._stopped.wait(self.settings.heartbeat_s):
            self.publish(FrameKind.HEARTBEAT, b"")

    def command(self, raw: bytes) -> dict:
        try:
            cmd = json.loads(raw)
        except ValueError:
            return {"ok": False, "error": "bad json"}
        match cmd:
            case {"op": "ping"}:
                return {"ok": True, "seq": self._seq}
            case {"op": "publish", "kind": str(kind), "data": str(data)}:
                self.publish(FrameKind[kind.upper()], data.encode())
                return {"ok": True}
            case {"op": "clone"}:
                # hand a private descriptor to the diagnostics plug-in
                return {"ok": True, "fd": os.dup(self._sock.fileno())}  # error: WSK202
            case {"op": "stop"}:
                self._stopped.set()
                return {"ok": True}
            case _:
                return {"ok": False, "error": "unknown op"}

    def close(self) -> None:
        self._stopped.set()
        self._sock.close()


def make_spooler(settings: Settings):
    conn = socket.create_connection((settings.historian_host, settings.historian_port + 1))
    cache: dict[str, int] = {}

    def spool_descriptor() -> int:
        if "fd" not in cache:
            cache["fd"] = msvcrt.open_osfhandle(conn.fileno(), os.O_RDONLY)  # error: WSK204
        return cache["fd"]

    return spool_descriptor


def flush_history(settings: Settings, records: list[bytes]) -> None:
    with UpstreamConnection(settings.historian_host, settings.historian_port) as up:
        for rec in records:
            up.sendall(encode_frame(FrameKind.SAMPLE, rec, 0))
        os.fsync(up.fileno())  # error: WSK205


def probe_historian(settings: Settings) -> bool:
    with dialed(settings.historian_host, settings.historian_port) as s:
        if not os.get_blocking(s.fileno()):  # error: WSK205
            s.setblocking(True)
        s.sendall(encode_frame(FrameKind.HEARTBEAT, b"", 0))
        return bool(s.recv(1))


def bind_control(settings: Settings) -> None:
    _CONTROL.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    _CONTROL.bind((settings.control_bind, settings.control_port))


def control_loop(gateway: Gateway) -> None:
    """Runs on its own thread; answers one datagram at a time."""
    while True:
        data, err = _winapi.ReadFile(_CONTROL.fileno(), 2048)  # error: WSK101
        if err:
            log.error("control channel error %d", err)
            continue
        reply = gateway.command(data)
        _CONTROL.sendto(json.dumps(reply).encode(), (gateway.settings.control_bind, 0))


def main(path: str = "gateway.ini") -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = Settings.load(path)
    bind_control(settings)
    gateway = Gateway(settings)
    threading.Thread(target=gateway.heartbeat_loop, name="heartbeat", daemon=True).start()
    threading.Thread(target=control_loop, args=(gateway,), name="control", daemon=True).start()
    if not probe_historian(settings):
        log.warning("historian did not answer the probe")
    try:
        while True:
            time.sleep(60)
            flush_history(settings, [b"tick"])
    except KeyboardInterrupt:
        gateway.close()


if __name__ == "__main__":
    main()
