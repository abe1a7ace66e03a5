"""The flake8 adapter: hands the file's text to the analysis, yields its findings.

It never raises and never prints: whatever goes wrong becomes one WSK900 finding
for this file, and flake8 goes on with the others.
"""

from __future__ import annotations

import ast
from typing import Iterator

from . import __version__
from .check import check_source


class Plugin:
    name = "flake8-winsock"
    version = __version__

    def __init__(self, tree: ast.AST, lines: list[str], filename: str) -> None:
        # ``tree`` makes this an AST plugin (flake8 only runs those on files Python
        # can parse); the analysis reads the text, and uses the tree to find the parts
        # of it worth handing to LibCST.
        self.tree = tree if isinstance(tree, ast.Module) else None
        self.lines = lines
        self.filename = filename

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        try:
            findings = check_source("".join(self.lines), self.filename, python_parsed=True, tree=self.tree)
        except BaseException as error:  # noqa: B036 - the lint run must go on
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            findings = []
            yield 1, 0, f"WSK900 file not analysed for socket handles: internal error ({type(error).__name__})", type(self)
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)
