"""Per-connection statistics gathered by the stats thread."""
from __future__ import annotations

import os

from .proto import IngestProtocol


def snapshot_descriptor(proto: IngestProtocol) -> int:
    """Duplicate the connection so the stats thread can poll it without racing close()."""
    return os.dup(proto.sock.fileno())  # error: WSK202


def buffered_bytes(proto: IngestProtocol) -> int:
    if proto.transport is None:
        return 0
    return proto.transport.get_write_buffer_size()
