"""The finding every front end reports, and the fix it may carry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class Fix:
    """The text that replaces a finding's span.

    The span runs from the finding's (``line``, ``col``) to (``end_line``,
    ``end_col``): lines 1-based, columns counted in characters of the line, in the
    exact text ``check_source`` was given (its own line endings included).
    """

    text: str
    safe: bool  # applied by --fix; an unsafe fix needs --unsafe-fixes too


@dataclass(frozen=True)
class Finding:
    code: str
    line: int  # 1-based
    col: int  # 0-based, as flake8 and ast count
    text: str  # the message after the code
    end_line: int = 0
    end_col: int = 0
    fix: Optional[Fix] = None  # how to rewrite the span, when a fix exists

    @property
    def message(self) -> str:
        return f"{self.code} {self.text}"


def not_analysed(reason: str, line: int = 1, col: int = 0) -> Finding:
    """WSK900: the file names a sink but could not be analysed, and why."""
    return Finding("WSK900", line, col, f"file not analysed for socket handles: {reason}")


# The budget: time and memory grow with what the analysis is given (about 10 s and 500 MB a
# megabyte of dense socket code), so a larger module is not analysed (``max-module-size``).
MAX_MODULE_SIZE = 2_000_000


def over_budget(size: int, budget: int) -> Finding:
    """WSK900 for a module larger than the budget (``max-module-size``)."""
    return not_analysed(
        f"the module has {size:,} characters, more than the budget of {budget:,}; to analyse it, raise "
        "max-module-size ([tool.flake8-winsock], or winsock-max-module-size for flake8)"
    )


def nested_too_deeply(line: int) -> Finding:
    """WSK900 for a statement whose nesting the analysis left out; the rest was analysed."""
    return not_analysed(f"the statement at line {line} {TOO_DEEP}; the rest of the file was analysed", line)


TOO_DEEP = "is nested too deeply to follow"


def findings_data(findings: list[Finding]) -> list[dict[str, Any]]:
    """Findings as plain data (what the cache keeps)."""
    return [
        {"code": f.code, "line": f.line, "col": f.col, "text": f.text, "end_line": f.end_line, "end_col": f.end_col,
         "fix": [f.fix.text, f.fix.safe] if f.fix is not None else None}
        for f in findings
    ]  # fmt: skip


def findings_from(data: object) -> Optional[list[Finding]]:
    """Findings from plain data, or None if it is not what ``findings_data`` makes."""
    if not isinstance(data, list):
        return None
    found = []
    try:
        for item in data:
            fix = item["fix"]
            made = Fix(str(fix[0]), bool(fix[1])) if fix is not None else None
            found.append(Finding(str(item["code"]), int(item["line"]), int(item["col"]), str(item["text"]),
                                 int(item["end_line"]), int(item["end_col"]), made))  # fmt: skip
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    return found


def refused_statement(line: int, reason: str) -> Finding:
    """WSK900 for a statement LibCST refuses, which could matter to a finding; the rest was analysed."""
    return not_analysed(f"LibCST cannot parse the statement at line {line} ({reason}); the rest of the file was analysed", line)
