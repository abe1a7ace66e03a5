"""Where the nodes of one statement are: LibCST's own positions, for less.

``libcst.metadata.PositionProvider`` copies the tree it is given (a visit that
rebuilds every node) and records each position through a generator-based context
manager and a ``CodePosition`` object per node; for a statement with a finding that
cost about six times the statement's code generation. ``positions`` generates the
statement's code once, counting lines and columns as LibCST's provider counts them
(the same syntactic ranges, hoisted the same way), and keeps plain tuples.
"""

from __future__ import annotations

import re
from types import TracebackType
from typing import Optional

import libcst as cst
from libcst._nodes.internal import CodegenState

Position = tuple[int, int]  # line (1-based), column (0-based, in characters)
Span = tuple[Position, Position]
_NEWLINE = re.compile(r"\r\n?|\n")


class _State(CodegenState):
    """LibCST's code generation, with the position of every node recorded and no text kept."""

    def __init__(self, default_indent: str, default_newline: str) -> None:
        super().__init__(default_indent=default_indent, default_newline=default_newline)
        self.line, self.column = 1, 0
        self.starts: list[Position] = []
        self.spans: dict[cst.CSTNode, Span] = {}

    def _advance(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            segments = _NEWLINE.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self._advance(token)

    def add_token(self, value: str) -> None:
        self._advance(value)

    def pop_trailing_newline(self) -> None:
        pass  # no text is kept

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.starts.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.starts.pop()
        if node not in self.spans:  # no syntactic range: the one with its whitespace
            self.spans[node] = (start, (self.line, self.column))

    def record_syntactic_position(  # type: ignore[override]  # a context manager, as LibCST's
        self,
        node: cst.CSTNode,
        *,
        start_node: Optional[cst.CSTNode] = None,
        end_node: Optional[cst.CSTNode] = None,
    ) -> _Syntactic:
        return _Syntactic(self, node, start_node, end_node)


class _Syntactic:
    """``with state.record_syntactic_position(node)``: the range of what is generated inside."""

    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(
        self, state: _State, node: cst.CSTNode, start_node: Optional[cst.CSTNode], end_node: Optional[cst.CSTNode]
    ) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node
        self.start: Position = (0, 0)

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(
        self, kind: Optional[type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        state = self.state
        start = state.spans[self.start_node][0] if self.start_node is not None else self.start
        end = state.spans[self.end_node][1] if self.end_node is not None else (state.line, state.column)
        state.spans[self.node] = (start, end)


def positions(module: cst.Module, statement: cst.CSTNode) -> dict[cst.CSTNode, Span]:
    """The range of every node of ``statement`` (one of ``module``'s), counted from its own
    first line (1) and column (0), as ``PositionProvider`` gives them for the statement alone."""
    state = _State(module.default_indent, module.default_newline)
    statement._codegen(state)
    return state.spans
