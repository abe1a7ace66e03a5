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


class Invocation:
    """What a call calls, and with which argument expressions: the call itself, or the callable
    it is given and the arguments it passes that callable (``Thread(target=f, args=(s,))``)."""

    __slots__ = ("node", "func", "args", "keywords", "bound", "starred", "spread", "star")

    def __init__(
        self,
        node: cst.Call,
        func: cst.BaseExpression,
        args: list[cst.BaseExpression],
        keywords: dict[str, cst.BaseExpression],
        bound: int = 0,
    ) -> None:
        self.node, self.func, self.args, self.keywords = node, func, args, keywords
        self.bound = bound  # arguments a method's receiver takes before these (``self``)
        self.starred = False  # it passes ``*args``: positions after it cannot be told
        self.spread: list[cst.BaseExpression] = []  # what it passes as ``**kwargs``
        self.star: Optional[cst.BaseExpression] = None  # the first ``*args``, right after ``args``

    @classmethod
    def direct(cls, node: cst.Call) -> "Invocation":
        """The call as written (positions after a ``*args`` cannot be told: they are left out)."""
        args: list[cst.BaseExpression] = []
        keywords: dict[str, cst.BaseExpression] = {}
        starred, spread, first = False, [], None
        for arg in node.args:
            if arg.keyword is not None:
                keywords[arg.keyword.value] = arg.value
            elif arg.star == "**":
                spread.append(arg.value)
            elif arg.star:
                first = None if starred else arg.value
                starred = True
            elif not starred:
                args.append(arg.value)
        call = cls(node, node.func, args, keywords)
        call.starred, call.spread = starred, spread
        call.star = first if starred else None
        return call

    def argument(self, position: Optional[int], keyword: Optional[str] = None) -> Optional[cst.BaseExpression]:
        """The expression passed at ``position`` (0-based) or as ``keyword``."""
        if keyword is not None and keyword in self.keywords:
            return self.keywords[keyword]
        if position is not None and 0 <= position < len(self.args):
            return self.args[position]
        return None
