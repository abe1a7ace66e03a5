"""``telemetry-export`` command."""

import argparse
import os

from telemetry import exporter
from telemetry.channel import *  # noqa: F403
from telemetry.config import ExporterConfig


def drop_connection(cfg):
    """Abandon the connection without a FIN (used by the chaos tests)."""
    s = open_channel(cfg)
    os.close(s.detach())  # error: WSK205


def spare_descriptor(cfg):
    s = exporter.reconnect(cfg)
    return s, os.dup(s.fileno())  # error: WSK202


def main(argv=None):
    parser = argparse.ArgumentParser(prog="telemetry-export")
    parser.add_argument("--chaos", action="store_true")
    args = parser.parse_args(argv)
    cfg = ExporterConfig.from_env(os.environ)
    if args.chaos:
        drop_connection(cfg)
        return 0
    exporter.export_batch(cfg, b"HDR", b"{}")
    return 0
