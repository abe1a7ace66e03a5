"""Containers of sockets: literals, unpacking, iteration, and what spoils them.

A container is evidence only while everything put into it is a socket (or a handle):
``Many.sites`` names the containers a value may be, and giving one of them anything
else (``append``, ``c[i] = x``, ``+=``, also through an alias) spoils them all.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence, Union

import libcst as cst

from .. import catalog
from .state import State
from .syntax import argument, dotted
from .values import Evidence, Handle, Many, Sock, Tup, Value, alike, origin_of

Evaluate = Callable[[Optional[cst.BaseExpression]], Value]


class Containers:
    def __init__(self, state: State, evaluate: Evaluate) -> None:
        self.state, self.evaluate = state, evaluate

    def literal(self, node: Union[cst.List, cst.Set, cst.Tuple]) -> Value:
        """``[a, b]``, ``{a, b}``, ``[*socks, c]``: a container, if every element is a socket (or a handle)."""
        items: list[Value] = []
        sites = {id(node)}
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                inner = self.container(self.evaluate(element.value), element)
                if inner is None:
                    return None
                items.append(inner.item)
                sites |= inner.sites
            else:
                items.append(self.evaluate(element.value))
        item = alike(items)
        return Many(item, frozenset(sites)) if item is not None else None

    def container(self, value: Value, node: cst.CSTNode) -> Optional[Many]:
        """``value`` as a container of sockets (or of handles): a ``Many``, or a tuple of them."""
        if isinstance(value, Many):
            return None if value.sites & self.state.spoiled else value
        item = alike(value.items) if isinstance(value, Tup) else None
        return Many(item, frozenset({id(node)})) if item is not None else None

    def element(self, value: Value, name: Optional[str]) -> Value:
        """What iterating over ``value`` (a container named ``name``) gives: a socket, a handle, or unknown."""
        spoiled = self.state.spoiled
        item: Optional[Evidence]
        if isinstance(value, Many) and not value.sites & spoiled:
            item, sites = value.item, value.sites
        elif isinstance(value, Tup):
            item, sites = alike(value.items), frozenset()
        else:
            return None
        if item is None or origin_of(item).via & spoiled:
            return None
        if isinstance(item, Handle):  # the handle's socket has no name where the element is used
            return Handle(Sock(item.sock.origin.element(None, sites)), None)
        return Sock(item.origin.element(name, sites))

    def put(self, container: Value, added: Sequence[Value]) -> None:
        """``added`` goes into ``container``: a container of sockets given anything else is spoiled."""
        if isinstance(container, Many) and not all(isinstance(value, type(container.item)) for value in added):
            self.state.spoiled |= container.sites

    def added(self, node: cst.Call, method: cst.Attribute) -> None:
        """``c.append(x)``, ``c.insert(i, x)``, ``c.extend(xs)``: what a method puts into ``c``."""
        container = self.evaluate(method.value)
        if not isinstance(container, Many):
            return
        where = catalog.CONTAINER_ADDERS[method.attr.value]
        added: list[Value]
        if any(arg.star or arg.keyword for arg in node.args):
            added = [None]
        elif where == catalog.ELEMENTS:
            added = [self.element(self.evaluate(arg.value), None) for arg in node.args]
        else:
            added = [self.evaluate(argument(node, int(where)))]
        self.put(container, added)

    def iterated(self, node: cst.BaseExpression) -> Value:
        """What one element of the iterable ``node`` is."""
        return self.element(self.evaluate(node), dotted(node))
