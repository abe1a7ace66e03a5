"""Small readings of LibCST nodes that the model and the rules share."""

from __future__ import annotations

from typing import Optional

import libcst as cst



def dotted(node: cst.BaseExpression) -> Optional[str]:
    """``a.b.c`` for a chain of names, as the code spells it, else None (frames normalise keys)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def string(node: Optional[cst.BaseExpression]) -> Optional[str]:
    """The value of a plain string literal, else None."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def argument(call: cst.Call, position: Optional[int], keyword: Optional[str] = None) -> Optional[cst.BaseExpression]:
    """The expression passed at ``position`` (0-based) or as ``keyword``, if it can be told."""
    index = 0
    for arg in call.args:
        if arg.keyword is not None:
            if keyword is not None and arg.keyword.value == keyword:
                return arg.value
            continue
        if arg.star:
            return None  # *args: positions after it cannot be told
        if index == position:
            return arg.value
        index += 1
    return None
