from __future__ import annotations

import os

from wirekit.clients import ReplayClient, TelemetryClient


class AuditedClient(TelemetryClient):
    """Keeps a second descriptor around so the auditor can watch the stream."""

    def snapshot_fd(self) -> int:
        return os.dup(self.sock.fileno())  # error: WSK202


class AuditedReplay(ReplayClient):
    def snapshot_fd(self) -> int:
        return os.dup(self.sock.fileno())
