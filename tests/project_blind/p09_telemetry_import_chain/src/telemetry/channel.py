"""A channel is the transport chosen by the configuration."""

from .config import ExporterConfig
from .transport import open_tcp, open_udp


def open_channel(cfg: ExporterConfig):
    addr = (cfg.host, cfg.port)
    if cfg.protocol == "udp":
        return open_udp(addr)
    return open_tcp(addr, timeout=cfg.timeout)


class Channel:
    def __init__(self, cfg: ExporterConfig):
        self.cfg = cfg
        self.sock = open_channel(cfg)
        self.sent = 0

    def send(self, blob: bytes) -> None:
        self.sock.sendall(blob)
        self.sent += len(blob)

    def close(self) -> None:
        self.sock.close()
