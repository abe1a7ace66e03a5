"""Framing shared by every channel kind.

Subclasses only say which OS handle to use; the base class builds the frame
and writes it with one WriteFile call so that the controller sees it atomically.
"""
from __future__ import annotations

import struct

import win32file

FRAME_MAGIC = b"\xa5\x5a"


class FramingError(Exception):
    pass


class Channel:
    """Template for a framed, handle-based channel."""

    max_payload = 0xFFFF

    def _raw_handle(self):
        raise NotImplementedError(f"{type(self).__name__} must provide _raw_handle()")

    def _frame(self, payload: bytes) -> bytes:
        if len(payload) > self.max_payload:
            raise FramingError(f"payload of {len(payload)} bytes does not fit in one frame")
        return FRAME_MAGIC + struct.pack(">H", len(payload)) + payload

    def flush(self, payload: bytes) -> int:
        frame = self._frame(payload)
        handle = self._raw_handle()
        _err, written = win32file.WriteFile(handle, frame)
        if written != len(frame):
            raise FramingError(f"short write: {written}/{len(frame)}")
        return written

    def send_command(self, opcode: int, body: bytes = b"") -> int:
        return self.flush(bytes([opcode]) + body)

    def close(self) -> None:
        """Subclasses release their handle here."""
