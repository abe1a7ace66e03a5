"""``# noqa`` read exactly as flake8 reads it, for the command's reports and its fixes.

flake8's own patterns are used (``flake8.defaults``), and the line searched for a
comment is the one flake8 searches: for a statement that spans several lines
(brackets, a triple-quoted string), the text of all its lines, so a ``# noqa`` at
the end of a multi-line call covers a finding at its first line.
"""

from __future__ import annotations

import tokenize
from functools import cached_property

from flake8 import defaults
from flake8.utils import parse_comma_separated_list


class Noqa:
    def __init__(self, source: str) -> None:
        self.lines = source.splitlines(keepends=True)

    @cached_property
    def file_ignored(self) -> bool:
        """A ``# flake8: noqa`` line: flake8 skips the whole file."""
        return any(defaults.NOQA_FILE.match(line) for line in self.lines)

    def suppresses(self, code: str, line: int) -> bool:
        """Whether a ``# noqa`` comment silences ``code`` reported at ``line`` (1-based)."""
        physical = self._logical_lines.get(line)
        if physical is None:
            physical = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        match = defaults.NOQA_INLINE_REGEXP.search(physical)
        if match is None:
            return False
        codes_text = match.group("codes")
        if codes_text is None:
            return True  # a blanket ``# noqa``
        codes = set(parse_comma_separated_list(codes_text))
        return code in codes or code.startswith(tuple(codes))

    def touches(self, code: str, first: int, last: int) -> bool:
        """Whether any line from ``first`` to ``last`` carries a ``# noqa`` for ``code``."""
        return any(self.suppresses(code, line) for line in range(first, max(first, last) + 1))

    @cached_property
    def _logical_lines(self) -> dict[int, str]:
        """Line number -> the text flake8 searches for ``noqa`` (flake8's processor)."""
        lines = iter(self.lines)
        mapping: dict[int, str] = {}
        try:
            tokens = list(tokenize.generate_tokens(lambda: next(lines)))
        except (tokenize.TokenError, SyntaxError):
            return mapping
        low, high = len(self.lines) + 2, -1
        for kind, _, (start, _), (end, _), _ in tokens:
            if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            low, high = min(low, start), max(high, end)
            if kind in (tokenize.NL, tokenize.NEWLINE):
                joined = "".join(self.lines[low - 1 : high])
                mapping.update(dict.fromkeys(range(low, high + 1), joined))
                low, high = len(self.lines) + 2, -1
        return mapping
