"""Containers of sockets: literals, unpacking, iteration, and what spoils them.

A container is evidence only while everything put into it is a socket (or a handle):
``Many.sites`` names the containers a value may be, and giving one of them anything
else (``append``, ``c[i] = x``, ``+=``, also through an alias) spoils them all.

A container the module fills (``Bag``: ``[]``, ``{}``, ``dict()``, a selector) holds
what the module puts into it anywhere: each put joins into its slot (a sequence's
element, a mapping's key and value) in ``State.contents``, and what is taken out is
that join (``contents``).
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence, Union

import libcst as cst

from .. import catalog
from .state import State
from .syntax import Invocation, argument, dotted, string
from .values import NONE, Bag, Evidence, Factory, Handle, Inst, Many, Param, Ref, Sock, Tup, Value, alike, is_evidence, join, records_alike, origin_of, posix_family

Evaluate = Callable[[Optional[cst.BaseExpression]], Value]


class Containers:
    def __init__(self, state: State, evaluate: Evaluate) -> None:
        self.state, self.evaluate = state, evaluate
        # Set by the evaluator: what iterating over an instance of the module's class gives
        # (its ``__next__``'s result, through ``__iter__``).
        self.instance_element: Callable[[Inst], Value] = lambda instance: None
        # Set by the evaluator: the module's function a value names, as a factory of what its
        # call gives (a dispatch table's entry: ``{Kind.TCP: open_tcp}``), or None.
        self.factory_of: Callable[[Value], Optional[Factory]] = lambda value: None

    def literal(self, node: Union[cst.List, cst.Set, cst.Tuple]) -> Value:
        """``[a, b]``, ``{a, b}``, ``[*socks, c]``: a container, if every element is a socket (or a handle)."""
        if not node.elements and not isinstance(node, cst.Tuple):
            return Bag(frozenset({id(node)}), "sequence")  # ``[]``: what the module puts in
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
        if item is None and not any(isinstance(e, cst.StarredElement) for e in node.elements):
            records = records_alike(items)  # ``[("control", a.fileno()), ("data", b.fileno())]``
            return Many(records, frozenset(sites)) if records is not None else None
        return Many(item, frozenset(sites)) if item is not None else None

    def operation(self, node: cst.BinaryOperation) -> Value:
        """``[server] + clients``: a container of both; ``[None] * 64``: a list the module fills
        (``slots[i] = conn``), holding what the literal holds too."""
        if isinstance(node.operator, cst.Add):
            left, right = (self.container(self.evaluate(side), node) for side in (node.left, node.right))
            return join(left, right) if left is not None and right is not None else None
        repeated = node.left if isinstance(node.left, cst.List) else node.right if isinstance(node.right, cst.List) else None
        if not isinstance(node.operator, cst.Multiply) or repeated is None:
            return None
        bag = Bag(frozenset({id(node)}), "sequence")
        for element in repeated.elements:
            self.fill(bag, "element", None if isinstance(element, cst.StarredElement) else self.evaluate(element.value))
        return bag

    def container(self, value: Value, node: cst.CSTNode) -> Optional[Many]:
        """``value`` as a container of sockets (or of handles): a ``Many``, or a tuple of them."""
        if isinstance(value, Many):
            return None if value.sites & self.state.spoiled else value
        if isinstance(value, Bag):  # ``list(d.values())``: its elements are what it iterates over
            each = self.view(value, catalog.BAG_KINDS[value.kind].get("iter"), None)
            return Many(each, value.sites) if isinstance(each, (Sock, Handle)) else None
        item = alike(value.items) if isinstance(value, Tup) else None
        return Many(item, frozenset({id(node)})) if item is not None else None

    def element(self, value: Value, name: Optional[str]) -> Value:
        """What iterating over ``value`` (a container named ``name``) gives: a socket, a handle, or unknown."""
        spoiled = self.state.spoiled
        item: Optional[Evidence]
        if isinstance(value, Param) and not (value.handle or value.made or value.element):
            return Param(value.index, False, element=True)  # (a summary's: what the call gives holds it)
        if isinstance(value, Bag):
            return self.view(value, catalog.BAG_KINDS[value.kind].get("iter"), name)
        if isinstance(value, Inst):  # ``for conn in Acceptor(listener)``: what its ``__next__`` returns
            return self.instance_element(value)
        if isinstance(value, Many) and isinstance(value.item, Tup):  # a record: each position an element's
            if value.sites & spoiled:
                return None
            return Tup(tuple(self.element(Many(x, value.sites), None) if isinstance(x, (Sock, Handle)) else None for x in value.item.items))
        if isinstance(value, Many) and not isinstance(value.item, Tup) and not value.sites & spoiled:
            item, sites = value.item, value.sites
        elif isinstance(value, Tup):
            item, sites = alike(value.items), frozenset()
        else:
            return None
        if item is None or origin_of(item).via & spoiled:
            return None
        if isinstance(item, Handle):  # the handle's socket has no name where the element is used
            return Handle(item.sock.moved(item.sock.origin.element(None, sites)), None)
        return item.moved(item.origin.element(name, sites))

    def tuples_of(self, node: cst.Call, counted: bool) -> Value:
        """``enumerate(xs)`` (``counted``), ``zip(xs, ys)``: a container of tuples, each position
        an element of its argument while that container holds sockets or handles alone."""
        given = [arg.value for arg in node.args if arg.keyword is None and not arg.star]
        values = [self.evaluate(arg) for arg in (given[:1] if counted else given)]
        items = [self.element(value, dotted(arg)) for value, arg in zip(values, given)]
        record = Tup(tuple(([None] if counted else []) + [x if isinstance(x, (Sock, Handle)) else None for x in items]))
        sites = frozenset().union(*(value.sites for value in values if isinstance(value, (Many, Bag))))
        return Many(record, sites) if is_evidence(record) else None

    def put(self, container: Value, added: Sequence[Value]) -> None:
        """``added`` goes into ``container``: a container of sockets given anything else is spoiled
        (a container of ``AF_UNIX`` sockets given another socket too). One an annotation declared
        keeps its promise when what goes in is not known."""
        if isinstance(container, Many) and container.sites <= self.state.declared:
            added = [value for value in added if value is not None]
        if isinstance(container, Many) and isinstance(container.item, Tup):  # records: alike where it holds evidence
            if not all(records_alike([container.item, value]) == container.item for value in added):
                self.state.spoiled |= container.sites
            return
        if isinstance(container, Many) and not all(
            isinstance(value, type(container.item)) and posix_family(value) >= posix_family(container) for value in added
        ):
            self.state.spoiled |= container.sites

    def added(self, node: cst.Call, method: cst.Attribute) -> None:
        """``c.append(x)``, ``c.insert(i, x)``, ``c.extend(xs)``: what a method puts into ``c``."""
        inner = method.value
        if isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute) and inner.func.attr.value in catalog.MAPPING_PUTS:
            self.added(inner, inner.func)  # ``d.setdefault(k, []).append(s)``: the list goes in first
        container = self.evaluate(method.value)
        if isinstance(container, Bag):
            self.filled(container, node, method.attr.value)
            return
        if not isinstance(container, Many) or method.attr.value not in catalog.CONTAINER_ADDERS:
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

    def give_elements(self, node: cst.Call, where: tuple[Union[int, str], int, int]) -> None:
        """``map(lambda s: ..., socks)``: the lambda's parameter is given each element."""
        callee = argument(node, where[0]) if isinstance(where[0], int) else next((a.value for a in node.args if a.keyword and a.keyword.value == where[0]), None)
        if isinstance(callee, cst.Lambda):
            each = self.element(self.evaluate(argument(node, where[1])), None)
            self.state.lambda_given[id(callee)] = {where[2]: each}

    def put_by_function(self, node: cst.Call, where: tuple[int, int]) -> None:
        """``heapq.heappush(heap, item)``: what a function puts into the container it is given."""
        container, added = self.evaluate(argument(node, where[0])), self.evaluate(argument(node, where[1]))
        if any(arg.star or arg.keyword for arg in node.args):
            added = None
        if isinstance(container, Bag):
            self.fill(container, "element", added)
        elif isinstance(container, Many):
            self.put(container, [added])

    def iterated(self, node: cst.BaseExpression) -> Value:
        """What one element of the iterable ``node`` is."""
        return self.element(self.evaluate(node), dotted(node))

    # --- Containers the module fills -------------------------------------------------------

    def mapping(self, node: cst.Dict) -> Bag:
        """``{}``, ``{k: v}``: a mapping holding what the literal and the module put into it."""
        bag = Bag(frozenset({id(node)}), "mapping")
        self.state.keywords[id(node)] = {}  # each evaluation makes a new dictionary
        for element in node.elements:
            if isinstance(element, cst.DictElement):
                value = self.evaluate(element.value)
                self.fill(bag, "key", self.evaluate(element.key))
                self.fill(bag, "value", value)
                self.named(bag, self.key_of(element.key), value)
            else:  # ``**other``
                self.fill(bag, "key", None)
                self.fill(bag, "value", None)
                self.named(bag, None, None)
        return bag

    def made(self, node: cst.Call, kind: str) -> Bag:
        """``dict()``, ``dict(stdout=conn)``, ``defaultdict(list)``, ``DefaultSelector()``."""
        bag = Bag(frozenset({id(node)}), kind)
        if kind == "mapping":
            self.state.keywords[id(node)] = {} if all(arg.keyword or arg.star == "" for arg in node.args) else None
            factory = self.evaluate(node.args[0].value) if node.args and node.args[0].keyword is None else None
            if isinstance(factory, Ref) and catalog.BAG_MAKERS.get(factory.qualname) == ("sequence", 0):
                # ``defaultdict(list)``: each value is a list the module fills (``d[k].append(s)``)
                self.fill(bag, "value", Bag(frozenset({id(node.args[0])}), "sequence"))
            for arg in node.args:
                if arg.keyword is not None:
                    value = self.evaluate(arg.value)
                    self.fill(bag, "key", None)
                    self.fill(bag, "value", value)
                    self.named(bag, arg.keyword.value, value)
        return bag

    def view(self, bag: Bag, view: catalog.BagView, name: Optional[str]) -> Value:
        """What a view of a bag gives: a slot's contents, another view, a pair of them;
        "fd": the handle of the element (a selector key's ``fd``)."""
        if view is None:
            return None
        if isinstance(view, tuple):
            return Tup(tuple(self.view(bag, part, name) for part in view))
        if view in _SLOTS:
            return self.slot(bag, view, name)
        if view == "fd":
            element = self.slot(bag, "element", None)
            return Handle(element, None) if isinstance(element, Sock) else element if isinstance(element, Handle) else None
        return Bag(bag.sites, view)

    def slot(self, bag: Bag, slot: str, name: Optional[str]) -> Value:
        found: Value = NONE
        for site in bag.sites:
            found = join(found, self.state.contents.read((site, slot)))
        if isinstance(found, Sock):
            return found.moved(found.origin.element(name, bag.sites))
        if isinstance(found, Handle):
            return Handle(found.sock.moved(found.sock.origin.element(None, bag.sites)), None)
        return found if isinstance(found, (Inst, Bag, Many, Tup, Factory)) else None  # ``jobs[i].sock``, ``table[kind](...)``

    def keywords(self, value: Value) -> Optional[dict[str, Value]]:
        """A mapping's entries by their string keys (``**opts``), if every entry put into it has one."""
        if not isinstance(value, Bag) or value.kind != "mapping":
            return None
        found: dict[str, Value] = {}
        for site in value.sites:
            entries = self.state.keywords.get(site)
            if entries is None:
                return None
            for key, entry in entries.items():
                found[key] = join(found[key], entry) if key in found else entry
        return found

    @staticmethod
    def key_of(node: cst.BaseExpression) -> Optional[str]:
        """A key that can be told from how it is written: a string, or a dotted name such as
        an ``Enum`` member (``Kind.DATA``; marked so that it never passes as a keyword)."""
        text = string(node)
        if text is not None:
            return text
        name = dotted(node) if isinstance(node, cst.Attribute) else None
        return f".{name}" if name else None

    def named(self, bag: Bag, key: Optional[str], value: Value) -> None:
        """``value`` goes into ``bag`` under the string ``key`` (None: a key that cannot be told)."""
        for site in bag.sites:
            entries = self.state.keywords.get(site, {})
            if entries is None or key is None:
                self.state.keywords[site] = None
            else:
                entries[key] = join(entries[key], value) if key in entries else value
                self.state.keywords[site] = entries

    def fill(self, bag: Bag, slot: str, value: Value) -> None:
        """``value`` goes into ``slot`` of ``bag``: joined with what is there."""
        if value is NONE or slot not in _SLOTS or value is None and bag.sites <= self.state.declared:
            return  # (what an annotation declared holds what it says, whatever unknown goes in)
        if isinstance(value, Ref):
            value = self.factory_of(value) or value
        for site in bag.sites:
            self.state.contents.put((site, slot), self.state.run, value)

    def stored(self, bag: Bag, index: Optional[cst.BaseExpression], value: Value) -> None:
        """``c[index] = value``."""
        if bag.kind == "mapping":
            self.fill(bag, "key", self.evaluate(index) if index is not None else None)
            self.fill(bag, "value", value)
            self.named(bag, self.key_of(index) if index is not None else None, value)
        else:
            self.fill(bag, "element", value if index is not None else self.element(value, None))

    def filled(self, bag: Bag, node: cst.Call, method: str) -> None:
        """``c.append(x)``, ``d.setdefault(k, v)``, ``d.update(other)``, ``selector.register(s)``."""
        if any(arg.star for arg in node.args) or bag.kind == "mapping" and any(arg.keyword for arg in node.args):
            for slot in _SLOTS:  # what goes in cannot be told
                self.fill(bag, slot, None)
            self.named(bag, None, None)
        elif bag.kind == "mapping" and method in catalog.MAPPING_PUTS:
            key, value = catalog.MAPPING_PUTS[method]
            self.fill(bag, "key", self.evaluate(argument(node, key)))
            self.fill(bag, "value", self.evaluate(argument(node, value)))
            self.named(bag, string(argument(node, key)), self.evaluate(argument(node, value)))
        elif bag.kind == "mapping" and method == "update":
            for arg in node.args:
                other = self.evaluate(arg.value)
                for slot in ("key", "value"):
                    self.fill(bag, slot, self.slot(other, slot, None) if isinstance(other, Bag) else None)
                self.named(bag, None, None)
        elif bag.kind == "selector" and method in catalog.SELECTOR_DATA:  # ``register(s, events, data=s)``
            self.fill(bag, "element", self.evaluate(argument(node, 0)))
            self.fill(bag, "value", self.evaluate(Invocation.direct(node).argument(catalog.SELECTOR_DATA[method], "data")))
        elif bag.kind in ("sequence", "selector", "queue") and method in catalog.CONTAINER_ADDERS:
            where = catalog.CONTAINER_ADDERS[method]
            if where == catalog.ELEMENTS:
                for arg in node.args:
                    if arg.keyword is None:
                        self.fill(bag, "element", self.element(self.evaluate(arg.value), None))
            else:
                self.fill(bag, "element", self.evaluate(argument(node, int(where))))


_SLOTS = ("element", "key", "value")
