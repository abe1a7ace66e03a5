"""A LibCST visitor that walks a tree without rebuilding it.

``CSTNode.visit`` rebuilds every node it passes (``_visit_and_replace_children``),
even for a visitor that changes nothing, and asks for ``visit_<Node>_<field>`` hooks
at every field: on network code that walk cost as much as the parse. ``Walker`` is a
``libcst.CSTVisitor`` whose ``walk`` reaches the same ``visit_<Node>`` and
``leave_<Node>`` hooks in the same order (a hook returning False skips the children),
going only through the fields that can hold code: whitespace, punctuation and
operators are never entered. Field hooks are not supported.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any, Callable, Optional

import libcst as cst

# Fields that hold no code: layout, punctuation, operators, flags.
_LAYOUT = frozenset(
    {
        "lpar", "rpar", "comma", "leading_lines", "lines_after_decorators", "header", "footer",
        "semicolon", "equal", "colon", "newline", "trailing_whitespace", "indent", "dot", "asynchronous",
        "default_indent", "default_newline", "has_trailing_newline", "encoding", "operator", "star",
        "lbracket", "rbracket", "lbrace", "rbrace", "relative", "conversion", "prefix", "quote",
        "start", "end", "first_line", "empty_lines", "arrow", "lines", "value_whitespace", "posonly_ind",
        "first_colon", "second_colon", "leading_whitespace",
    }
)  # fmt: skip
# Where the fields' order is not the order of the source.
_ORDER = {
    cst.IfExp: ("body", "test", "orelse"),
    cst.Arg: ("keyword", "value"),
    cst.ExceptHandler: ("type", "name", "body"),
    cst.ExceptStarHandler: ("type", "name", "body"),
    cst.ClassDef: ("decorators", "name", "type_parameters", "bases", "keywords", "body"),
    cst.FunctionDef: ("decorators", "name", "type_parameters", "params", "returns", "body"),
    cst.Parameters: ("posonly_params", "params", "star_arg", "kwonly_params", "star_kwarg"),
    cst.Slice: ("lower", "upper", "step"),
}


@lru_cache(maxsize=None)
def _fields(node_type: type) -> tuple[str, ...]:
    if node_type in _ORDER:
        return _ORDER[node_type]
    return tuple(
        f.name
        for f in dataclasses.fields(node_type)
        if f.name not in _LAYOUT and not f.name.startswith("whitespace")
    )


@lru_cache(maxsize=None)
def _hook(visitor: type, prefix: str, node_type: type) -> Optional[Callable[..., Any]]:
    return getattr(visitor, prefix + node_type.__name__, None)


class Walker(cst.CSTVisitor):
    """Walk with ``self.walk(node)``; hooks as in any ``libcst.CSTVisitor``."""

    def walk(self, node: cst.CSTNode) -> None:
        kind = type(node)
        visit = _hook(type(self), "visit_", kind)
        if visit is not None and visit(self, node) is False:
            leave = _hook(type(self), "leave_", kind)
            if leave is not None:
                leave(self, node)
            return
        for name in _fields(kind):
            child = getattr(node, name)
            if isinstance(child, cst.CSTNode):
                self.walk(child)
            elif isinstance(child, (tuple, list)):
                for item in child:
                    if isinstance(item, cst.CSTNode):
                        self.walk(item)
        leave = _hook(type(self), "leave_", kind)
        if leave is not None:
            leave(self, node)
