"""Fixes as text edits: a span of the text and what replaces it.

A finding's fix replaces its span, from (line, col) to (end_line, end_col), in the
exact text the analysis was given. Here those spans become character offsets, the
chosen ones are made from last to first (one that overlaps an edit already taken is
left for the next round), the rounds are composed into one list of edits against
the original text, and the unified diff is written from those edits alone. All of
it is linear in the size of the text: no edit copies the whole text, and the diff
never compares the two texts line by line.

Lines are Python's: ``\\r\\n``, ``\\r`` and ``\\n`` end a line, nothing else does
(``str.splitlines`` also splits at form feeds and other characters Python keeps
inside a line).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence, Union

from .finding import Finding

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
NO_NEWLINE = "\\ No newline at end of file\n"


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, each with its own line ending (the last may have none)."""
    return LINE.findall(text)


def line_starts(text: str) -> list[int]:
    """The offset at which each line starts, and one more: the end of the text."""
    return [0, *(line.end() for line in LINE.finditer(text))]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def offset(text: str, starts: Sequence[int], line: int, col: int) -> int:
    """The offset of (line, col), col in characters; ValueError if it is not in the text."""
    if not 0 < line < len(starts) or col < 0:
        raise ValueError(f"no line {line}")
    start, stop = starts[line - 1], starts[line]
    if col > len(text[start:stop].rstrip("\r\n")):
        raise ValueError(f"no column {col} in line {line}")
    return start + col


def fix_edits(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits of the findings' fixes; a finding without a fix or a valid span has none."""
    starts = line_starts(text)
    edits = []
    for finding in findings:
        if finding.fix is None or not finding.end_line:
            continue
        try:
            start = offset(text, starts, finding.line, finding.col)
            end = offset(text, starts, finding.end_line, finding.end_col)
        except ValueError:
            continue
        if start <= end:
            edits.append(Edit(start, end, finding.fix.text))
    return edits


def choose(edits: Iterable[Edit]) -> tuple[list[Edit], int]:
    """The edits that can be made together, in text order, and how many were left out.

    Taken from last to first; an edit that overlaps one already taken is left out.
    Edits that only touch are both taken (two insertions at one place are not).
    """
    taken: list[Edit] = []
    left = 0
    for edit in sorted(set(edits), key=lambda e: (e.start, e.end, e.new), reverse=True):
        if taken and (edit.end > taken[-1].start or edit.start == taken[-1].start):
            left += 1
            continue
        taken.append(edit)
    taken.reverse()
    return taken, left


def apply(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with ``edits`` (in text order, not overlapping) made."""
    parts = []
    position = 0
    for edit in edits:
        parts += [text[position : edit.start], edit.new]
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


# A piece of the current text: a slice (start, end) of the original, or inserted text.
Piece = Union[tuple[int, int], str]


def _length(piece: Piece) -> int:
    return piece[1] - piece[0] if isinstance(piece, tuple) else len(piece)


def _slice(piece: Piece, start: int, end: int) -> Piece:
    return (piece[0] + start, piece[0] + end) if isinstance(piece, tuple) else piece[start:end]


class Rewrite:
    """An original text and the rounds of edits made to it, seen as one list of edits.

    The current text is kept as pieces, slices of the original and inserted text.
    Each round's edits (against the current text) cut the pieces; the slices of the
    original that remain say what is unchanged, and everything between them changed.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self.pieces: list[Piece] = [(0, len(original))] if original else []

    def make(self, edits: Sequence[Edit]) -> None:
        """Make ``edits`` (in text order, not overlapping, against the current text)."""
        if not edits:
            return
        starts = []
        total = 0
        for piece in self.pieces:
            starts.append(total)
            total += _length(piece)

        def cut(start: int, end: int) -> list[Piece]:
            """The current text from ``start`` to ``end``, as pieces."""
            found: list[Piece] = []
            index = max(bisect_right(starts, start) - 1, 0)
            while index < len(self.pieces) and starts[index] < end:
                piece, first = self.pieces[index], starts[index]
                low, high = max(start, first), min(end, first + _length(piece))
                if low < high:
                    found.append(_slice(piece, low - first, high - first))
                index += 1
            return found

        pieces: list[Piece] = []
        position = 0
        for edit in edits:
            pieces += cut(position, edit.start)
            if edit.new:
                pieces.append(edit.new)
            position = edit.end
        pieces += cut(position, total)
        self.pieces = pieces
        self.text = apply(self.text, edits)

    def edits(self) -> list[Edit]:
        """The changes from the original to the current text, against the original."""
        edits = []
        kept_to = 0  # where the last slice of the original that is still there ends
        inserted: list[str] = []
        for piece in [*self.pieces, (len(self.original), len(self.original))]:
            if isinstance(piece, str):
                inserted.append(piece)
                continue
            start, end = piece
            new = "".join(inserted)
            if (start != kept_to or new) and self.original[kept_to:start] != new:
                edits.append(Edit(kept_to, start, new))
            inserted = []
            kept_to = end
        return edits


# --- The unified diff -------------------------------------------------------------------


@dataclass
class _Block:
    """Lines ``first`` to ``last`` (0-based, half open) of the original, replaced by ``new``."""

    first: int
    last: int
    new: list[str]


def _blocks(original: str, edits: Sequence[Edit]) -> list[_Block]:
    starts = line_starts(original)
    count = len(starts) - 1

    ends_open = bool(original) and not original.endswith(("\n", "\r"))

    def line_of(position: int) -> int:
        if position >= len(original) and ends_open:
            return count - 1  # the end of a last line that has no line ending
        return min(bisect_right(starts, position) - 1, count)

    # Group the edits by the lines they touch; edits on one line share a block.
    groups: list[tuple[int, int, list[Edit]]] = []
    for edit in edits:
        first = line_of(edit.start)
        last = line_of(max(edit.start, edit.end - 1)) + 1 if edit.end > edit.start else min(first + 1, count)
        last = max(last, first)
        if groups and first < groups[-1][1]:
            groups[-1] = (groups[-1][0], max(last, groups[-1][1]), [*groups[-1][2], edit])
        else:
            groups.append((first, last, [edit]))
    blocks = []
    for first, last, group in groups:
        begin, end = starts[first], starts[last]
        parts = []
        position = begin
        for edit in group:
            parts += [original[position : edit.start], edit.new]
            position = edit.end
        parts.append(original[position:end])
        old, new = split_lines(original[begin:end]), split_lines("".join(parts))
        while old and new and old[0] == new[0]:  # lines the edits left as they were
            old, new, first = old[1:], new[1:], first + 1
        while old and new and old[-1] == new[-1]:
            old, new, last = old[:-1], new[:-1], last - 1
        if old or new:
            blocks.append(_Block(first, last, new))
    return blocks


def _range(start: int, stop: int) -> str:
    """A hunk's line range, as ``diff -u`` (and difflib) write it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _line(mark: str, line: str) -> str:
    return mark + line if line.endswith(("\n", "\r")) else f"{mark}{line}\n{NO_NEWLINE}"


def unified_diff(path: str, original: str, edits: Sequence[Edit], context: int = 3) -> str:
    """The unified diff of ``edits`` against ``original``, as ``diff -u`` writes it."""
    blocks = _blocks(original, edits) if apply(original, edits) != original else []  # edits that undo each other: none
    if not blocks:
        return ""
    lines = split_lines(original)
    hunks: list[list[_Block]] = []
    for block in blocks:
        if hunks and block.first - hunks[-1][-1].last <= 2 * context:
            hunks[-1].append(block)
        else:
            hunks.append([block])
    out = [f"--- {path}\n", f"+++ {path}\n"]
    shift = 0  # new lines minus old lines, in the hunks written so far
    for hunk in hunks:
        start, stop = max(hunk[0].first - context, 0), min(hunk[-1].last + context, len(lines))
        added = sum(len(block.new) - (block.last - block.first) for block in hunk)
        out.append(f"@@ -{_range(start, stop)} +{_range(start + shift, stop + shift + added)} @@\n")
        position = start
        for block in hunk:
            out += [_line(" ", line) for line in lines[position : block.first]]
            out += [_line("-", line) for line in lines[block.first : block.last]]
            out += [_line("+", line) for line in block.new]
            position = block.last
        out += [_line(" ", line) for line in lines[position:stop]]
        shift += added
    return "".join(out)
