"""The finding every front end reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Fix:
    """The text that replaces the finding's span, from (line, col) to (end_line, end_col)."""

    text: str
    safe: bool


@dataclass(frozen=True)
class Finding:
    code: str
    line: int  # 1-based
    col: int  # 0-based, as flake8 and ast count
    text: str  # the message after the code
    end_line: int = 0
    end_col: int = 0
    fix: Optional[Fix] = None

    @property
    def message(self) -> str:
        return f"{self.code} {self.text}"


def not_analysed(reason: str, line: int = 1, col: int = 0) -> Finding:
    """WSK900: the file names a sink but could not be analysed, and why."""
    return Finding("WSK900", line, col, f"file not analysed for socket handles: {reason}")


def nested_too_deeply(line: int) -> Finding:
    """WSK900 for a statement whose nesting the analysis left out; the rest was analysed."""
    return not_analysed(f"the statement at line {line} {TOO_DEEP}; the rest of the file was analysed", line)


TOO_DEEP = "is nested too deeply to follow"
