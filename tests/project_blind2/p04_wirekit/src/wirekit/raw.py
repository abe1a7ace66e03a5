from __future__ import annotations

import socket


class TaggedSocket(socket.socket):
    """A socket that remembers which subsystem opened it."""

    def __init__(self, tag: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = tag

    def __repr__(self):
        return f"<TaggedSocket {self.tag} fd={self.fileno()}>"
