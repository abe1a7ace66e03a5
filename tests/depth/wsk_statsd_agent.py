"""In-process metrics agent: buffers counters and timers and flushes them to
statsd (UDP) and, optionally, to a Carbon relay (TCP) on a background thread.

    import metrics_agent as m
    m.init(prefix="billing", carbon=("graphite.internal", 2003))
    m.incr("invoices.sent")
"""
from __future__ import annotations

import atexit
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import BinaryIO


@dataclass
class AgentConfig:
    host: str = "127.0.0.1"
    port: int = 8125
    prefix: str = "app"
    flush_interval: float = 10.0
    sock: socket.socket | None = None
    spool: BinaryIO | None = None
    tags: dict[str, str] = field(default_factory=dict)


_config: AgentConfig | None = None
_carbon = None  # set by init() when a Carbon relay is configured
_lock = threading.Lock()
_buffer: list[bytes] = []
_stop = threading.Event()


def init(prefix="app", host="127.0.0.1", port=8125, carbon=None, spool_path=None, **tags):
    global _config, _carbon
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.connect((host, port))
    # worker processes spawned later must not keep the statsd socket alive
    os.set_inheritable(udp.fileno(), False)  # error: WSK205
    _config = AgentConfig(
        host=host,
        port=port,
        prefix=prefix,
        sock=udp,
        spool=open(spool_path, "ab") if spool_path else None,
        tags=tags,
    )
    if carbon is not None:
        _carbon = socket.create_connection(carbon, timeout=2)
    threading.Thread(target=_run, name="metrics-flush", daemon=True).start()
    atexit.register(shutdown)


def _line(name: str, value: float, kind: str) -> bytes:
    assert _config is not None
    tags = ",".join(f"{k}:{v}" for k, v in sorted(_config.tags.items()))
    suffix = f"|#{tags}" if tags else ""
    return f"{_config.prefix}.{name}:{value}|{kind}{suffix}".encode()


def incr(name: str, value: int = 1) -> None:
    with _lock:
        _buffer.append(_line(name, value, "c"))


def timing(name: str, ms: float) -> None:
    with _lock:
        _buffer.append(_line(name, round(ms, 3), "ms"))


def flush() -> None:
    cfg = _config
    if cfg is None or cfg.sock is None:
        return
    with _lock:
        batch, _buffer[:] = list(_buffer), []
    if not batch:
        return
    payload = b"\n".join(batch)
    os.write(cfg.sock.fileno(), payload)  # error: WSK201
    if cfg.spool is not None:
        cfg.spool.write(payload + b"\n")
        cfg.spool.flush()
        os.fsync(cfg.spool.fileno())
    if _carbon is not None:
        now = int(time.time())
        lines = [b"%s %d\n" % (entry.split(b"|")[0].replace(b":", b" "), now) for entry in batch]
        os.writev(_carbon.fileno(), lines)  # error: WSK201


def _run() -> None:
    assert _config is not None
    while not _stop.wait(_config.flush_interval):
        try:
            flush()
        except OSError:
            pass


def shutdown() -> None:
    _stop.set()
    flush()
    if _carbon is not None:
        os.close(_carbon.fileno())  # error: WSK205
    if _config is not None and _config.sock is not None:
        _config.sock.close()
