"""The pre-pass: which statements of a module LibCST parses (see ``slice_module``)."""

from __future__ import annotations

from typing import NamedTuple, Optional


class Slice(NamedTuple):
    """The text LibCST is given, and the file's line number of each of its lines
    (None: the file's own text, every line)."""

    text: str
    lines: Optional[list[int]] = None

    def line(self, number: int) -> int:
        """The file's line number of line ``number`` of the text."""
        if self.lines is None:
            return number
        return self.lines[min(max(number, 1), len(self.lines)) - 1] if self.lines else 1
