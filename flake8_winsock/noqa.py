"""``# noqa`` read exactly as flake8 reads it, for the command's reports and its fixes.

flake8's own patterns are used (``flake8.defaults``), and the line searched for a
comment is the one flake8 searches: for a statement that spans several lines
(brackets, a triple-quoted string), the text of all its lines, so a ``# noqa`` at
the end of a multi-line call covers a finding at its first line.

Lines are Python's (``\\r\\n``, ``\\r`` or ``\\n`` end one), as in the file; flake8
reads them with their endings made ``\\n``, and so are they here.
"""

from __future__ import annotations

import tokenize
from functools import cached_property
from typing import Optional

from flake8 import defaults
from flake8.utils import parse_comma_separated_list

from .edits import split_lines


class Noqa:
    def __init__(self, source: str) -> None:
        self.lines = [line.rstrip("\r\n") + "\n" if line.endswith(("\r", "\n")) else line for line in split_lines(source)]
        self._codes: dict[int, Optional[frozenset[str]]] = {}  # by id of the text searched
        self._source = source

    @cached_property
    def _any(self) -> bool:
        """Whether any ``# noqa`` is in the text (else no line is searched); read at the first finding."""
        return defaults.NOQA_INLINE_REGEXP.search(self._source) is not None

    @cached_property
    def file_ignored(self) -> bool:
        """A ``# flake8: noqa`` line: flake8 skips the whole file."""
        return any(defaults.NOQA_FILE.match(line) for line in self.lines)

    def suppresses(self, code: str, line: int) -> bool:
        """Whether a ``# noqa`` comment silences ``code`` reported at ``line`` (1-based)."""
        if not self._any:  # (the file's tokens are read only when it has such a comment)
            return False
        physical = self._logical_lines.get(line)
        if physical is None:
            physical = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        key = id(physical)
        if key not in self._codes:  # a statement's text is searched once, however many findings it has
            match = defaults.NOQA_INLINE_REGEXP.search(physical)
            if match is None:
                self._codes[key] = None
            else:
                codes_text = match.group("codes")
                self._codes[key] = frozenset(parse_comma_separated_list(codes_text)) if codes_text else frozenset()
        codes = self._codes[key]
        if codes is None:
            return False
        return not codes or code in codes or code.startswith(tuple(codes))  # empty: a blanket ``# noqa``

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
