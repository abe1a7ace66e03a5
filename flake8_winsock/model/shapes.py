"""What an annotation promises: a socket, a container of sockets, a tuple of them."""

from __future__ import annotations

from typing import Callable, Optional, Union

import libcst as cst

from .. import catalog
from .syntax import string
from .values import Alias, Ref, Value

SOCKET = catalog.SOCKET  # ``socket.socket``, ``Optional[ssl.SSLSocket]``, ``"socket.socket"``
SOCKETS = "sockets"  # ``list[socket.socket]``, ``tuple[socket.socket, ...]`` and the like
Shape = Union[str, int, None]  # SOCKET, SOCKETS, n for a tuple of n sockets, or nothing known

_OPTIONAL = ("typing.Optional", "typing_extensions.Optional")
_UNION = ("typing.Union", "typing_extensions.Union")


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def written(node: cst.BaseExpression, evaluate: Callable[[cst.BaseExpression], Value]) -> cst.BaseExpression:
    """What an annotation spells: the expression in a string annotation, or a type alias's
    (``Subscriber = Tuple[socket.socket, Address]``)."""
    for _ in range(8):  # an alias of an alias
        if isinstance(node, cst.SimpleString):
            text = string(node)
            try:
                node = cst.parse_expression(text) if text is not None else node
            except Exception:
                return node
        elif isinstance(node, (cst.Name, cst.Attribute)):
            alias = evaluate(node)
            if not isinstance(alias, Alias):
                return node
            node = alias.node
        else:
            return node
    return node


def unoptional(node: cst.BaseExpression, evaluate: Callable[[cst.BaseExpression], Value]) -> cst.BaseExpression:
    """``Optional[X]`` and ``X | None`` are ``X``."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        sides = [side for side in (node.left, node.right) if not _is_none(side)]
        return sides[0] if len(sides) == 1 else node
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        wrapper = evaluate(node.value)
        if isinstance(wrapper, Ref) and wrapper.qualname in _OPTIONAL:
            return node.slice[0].slice.value
    return node


def shape(
    node: Optional[cst.BaseExpression],
    evaluate: Callable[[cst.BaseExpression], Value],
    is_socket_class: Callable[[cst.BaseExpression], bool],
) -> Shape:
    """The shape of sockets an annotation promises, if any."""
    if node is None:
        return None
    node = written(node, evaluate)
    if isinstance(node, cst.SimpleString):
        text = string(node)
        try:
            return shape(cst.parse_expression(text), evaluate, is_socket_class) if text is not None else None
        except Exception:
            return None
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        sides = [node.left, node.right]
        nones = [side for side in sides if _is_none(side)]
        if len(nones) != 1:
            return None
        return shape(next(side for side in sides if not _is_none(side)), evaluate, is_socket_class)
    if not isinstance(node, cst.Subscript):
        return SOCKET if is_socket_class(node) else None
    wrapper = evaluate(node.value)
    qualname = wrapper.qualname if isinstance(wrapper, Ref) else ""
    items = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
    if qualname in _OPTIONAL:
        return shape(items[0], evaluate, is_socket_class) if len(items) == 1 else None
    if qualname in _UNION:
        rest = [item for item in items if not _is_none(item)]
        return shape(rest[0], evaluate, is_socket_class) if len(rest) == 1 else None
    if qualname in catalog.TUPLE_TYPES and len(items) == 2 and isinstance(items[1], cst.Ellipsis):
        qualname, items = "tuple[...]", items[:1]  # ``tuple[socket.socket, ...]``: a container
    elif qualname not in catalog.SOCKET_CONTAINERS and qualname not in catalog.TUPLE_TYPES:
        return None
    if not items or any(shape(item, evaluate, is_socket_class) != SOCKET for item in items):
        return None
    if qualname in catalog.TUPLE_TYPES:
        return len(items)
    return SOCKETS if len(items) == 1 else None
