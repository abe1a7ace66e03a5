"""Classes: what their instances hold, and what annotations promise.

An attribute of an instance is what the module's class (or one it derives from) stores
there, its method, or its property's result (``member``); a library class's attribute
is what the catalog says it holds (``socketserver.BaseRequestHandler.request``).
``with`` enters what ``__enter__`` returns (``entered``). An annotation promises a
socket, a container or tuple of them, an instance of a known class, or a container
holding such instances (``annotated``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional, Protocol, Union

import libcst as cst

from .. import catalog
from . import shapes
from .containers import Containers
from .linked import Linked
from .program import ClassInfo, FuncInfo, Program, Summary
from .state import State
from .syntax import dotted, string
from .values import Bag, Factory, Guard, Handle, Inst, Many, Member, Param, Ref, Sock, Tup, Value, is_evidence

def _is_property(info: FuncInfo) -> bool:
    return any(dotted(d.decorator) in catalog.PROPERTY_DECORATORS for d in info.node.decorators)


def _held(value: Value, what: str) -> Value:
    """An element a container annotation promises, its origin said so."""
    if isinstance(value, Sock):
        return Sock(replace(value.origin, text=f"{what} annotated as holding sockets"))
    return Tup(tuple(_held(item, what) for item in value.items)) if isinstance(value, Tup) else value


class Evaluates(Protocol):
    state: State
    program: Program
    containers: Containers
    linked: Linked
    summarise: Callable[[FuncInfo], Summary]
    run_early: Callable[[str], None]

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value: ...

    def names(self, node: cst.BaseExpression, qualnames: frozenset[str]) -> bool: ...


class Classes:
    def __init__(self, ev: Evaluates) -> None:
        self.ev, self.state, self.program, self.evaluate = ev, ev.state, ev.program, ev.value_of

    def member(self, of: cst.BaseExpression, attr: str, node: cst.BaseExpression) -> Value:
        """The attribute ``attr`` of ``of``: ``of.attr``, or ``getattr(of, "attr")`` (``node``)."""
        receiver = dotted(of)
        path = f"{receiver}.{attr}" if receiver is not None else None
        if path is not None:
            value, found = self.state.env.lookup(path)
            if found:
                return value if isinstance(value, (Ref, Sock, Handle, Inst, Many)) else self.enum_member(self.evaluate(of), attr) or value
        base = self.evaluate(of)
        member = self.enum_member(base, attr)  # ``Transport.UDP``: a member
        if member is not None:
            return member
        if isinstance(base, Ref) and base.qualname in self.program.classes:  # ``cls.sock``, ``Pool.shared``
            return self.instance_attribute(Inst(base.qualname), node, attr, receiver)
        if isinstance(base, Ref):
            ref = Ref(catalog.canonical(f"{base.qualname}.{attr}"))
            return self.ev.linked.reference(ref, node) if self.ev.linked.project else ref
        if isinstance(base, Inst):
            return self.instance_attribute(base, node, attr, receiver)
        if isinstance(base, Bag) and f".{attr}" in catalog.BAG_KINDS[base.kind]:  # a selector key's ``fileobj``
            return self.ev.containers.view(base, catalog.BAG_KINDS[base.kind][f".{attr}"], None)
        if isinstance(base, (Sock, Param, Bag, Many)):
            return Member(base, receiver, attr)
        return None

    def enumeration(self, value: Value) -> Optional[str]:
        """The class ``value`` names if it is an enumeration (of the module's, or of another of
        the project's modules): one deriving from the catalog's ``ENUM_CLASSES``."""
        if not isinstance(value, Ref):
            return None
        if value.qualname in self.program.classes:
            lineage = self.program.library_classes(value.qualname)
        elif self.ev.linked.project is not None and self.ev.linked.is_class(value.qualname):
            lineage = self.ev.linked.lineage(value.qualname)
        else:
            return None
        return value.qualname if any(cls in catalog.ENUM_CLASSES for cls in lineage) else None

    def enum_member(self, base: Value, attr: str) -> Optional[Inst]:
        """``Kind.TCP`` (``attr`` a name the enumeration ``base`` does not define as a method): a
        member, an instance of it."""
        cls = None if attr.startswith("_") else self.enumeration(base)
        if cls is None or any(f"{owner.key}.{attr}" in self.program.functions for owner in self.lineage_of(cls)):
            return None
        return Inst(cls)

    def lineage_of(self, cls: str) -> list[ClassInfo]:
        info = self.program.classes.get(cls)
        return info.lineage() if info is not None else []

    def instance_attribute(self, base: Inst, node: cst.BaseExpression, attr: str, receiver: Optional[str]) -> Value:
        """An attribute of an instance: what the module's class (or one it derives from)
        stores there, its method or property, or what the library class says it holds."""
        program = self.program
        info = program.classes.get(base.cls)
        fields = dict(base.fields)
        if attr in fields:
            return fields[attr]  # a record's field, or what ``__init__`` kept: what this instance was given
        for owner in info.lineage() if info is not None else ():
            self.ev.run_early(owner.key)
            owner.readers.add(self.state.run)
            if attr in owner.attrs:
                held = owner.attrs[attr]
                getter = program.method(held.cls, "__get__") if isinstance(held, Inst) else None
                if getter is not None:  # a descriptor: what its ``__get__`` gives
                    return self.read_result(getter, node, f"{receiver}.{attr}" if receiver else attr)
                return held
            method = program.functions.get(f"{owner.key}.{attr}")
            if method is not None:
                if _is_property(method):
                    return self.read_result(method, node, f"{receiver}.{attr}" if receiver else method.name)
                return Member(base, receiver, attr)
        libraries = program.library_classes(base.cls)
        for cls in libraries:
            if f"{cls}.{attr}" in catalog.SOCKET_ATTRIBUTES:
                return Sock(self.state.origin(f"{cls.rsplit('.', 1)[-1]}.{attr}", node))
            if f"{cls}.{attr}" in catalog.INSTANCE_ATTRIBUTES:
                return Inst(catalog.INSTANCE_ATTRIBUTES[f"{cls}.{attr}"])
            linked = self.ev.linked.attribute(cls, attr, node) if self.ev.linked.project else None
            if linked is not None:
                return linked
        return Member(base, receiver, attr) if info is None or libraries else None

    def read_result(self, method: FuncInfo, node: cst.BaseExpression, text: str) -> Value:
        """What a method the language calls returns (a property's getter, ``__enter__``),
        cited as ``text`` at ``node``."""
        returned = self.ev.summarise(method).returns
        origin = self.state.origin(text, node)
        if isinstance(returned, Sock):
            return returned.moved(origin)
        if isinstance(returned, Handle):
            return Handle(returned.sock.moved(origin), None)
        return returned if isinstance(returned, (Inst, Many, Guard)) else None  # (a property that tests the platform)

    def next_of(self, instance: Inst) -> Value:
        """What iterating over an instance of the module's class gives: the ``__next__`` of
        what its ``__iter__`` returns (itself, or another of the module's instances)."""
        iterator = self.program.method(instance.cls, "__iter__")
        if iterator is None:
            return None
        returned = self.ev.summarise(iterator).returns
        owner = instance if isinstance(returned, Param) and returned.index == 0 else returned  # ``return self``
        step = self.program.method(owner.cls, "__next__") if isinstance(owner, Inst) else None
        given = self.ev.summarise(step).returns if step is not None else None
        return given if isinstance(given, (Sock, Handle, Tup)) else None  # (cited where ``__next__`` makes it)

    def entered(self, node: cst.BaseExpression, asynchronous: bool) -> Value:
        """What ``with node as x`` binds: a socket itself, what a context manager function
        yields, what the ``__enter__`` of the module's class returns."""
        value = self.evaluate(node)
        if isinstance(value, Inst):
            method = self.program.method(value.cls, "__aenter__" if asynchronous else "__enter__")
            if method is not None:
                return self.read_result(method, node, f"{method.name}()")
            if any(cls in catalog.ENTERS_ITSELF for cls in self.program.library_classes(value.cls)):
                return value
            return self.ev.linked.entered(value.cls, asynchronous, node) if self.ev.linked.project else None
        return value if isinstance(value, Sock) else None

    def is_socket_class(self, node: Optional[cst.BaseExpression]) -> bool:
        value = self.evaluate(node)
        if isinstance(value, Ref):
            if value.qualname in catalog.SOCKET_CLASSES:
                return True
            info = self.program.classes.get(value.qualname)
            if info is not None:
                return info.is_socket
            if self.ev.linked.is_class(value.qualname):  # a socket class of another of the project's modules
                found = self.ev.linked.lookup(value.qualname)
                return found is not None and found[0] == "class" and bool(found[1].get("socket"))
        return False

    def annotated(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Value:
        """What an annotation of ``what`` (``parameter 's'``, ``'self.sock'``) promises, as a value."""
        node = shapes.written(node, self.evaluate)  # a string annotation, a type alias: what they spell
        found = shapes.shape(node, self.evaluate, self.is_socket_class)
        if found is None:
            return self.instance_of(node) or self.holding(node, what, at) or self.factory(node, what, at)
        if found == shapes.SOCKET:
            return Sock(self.state.origin(f"{what} annotated as a socket", at))
        kind = "container" if found == shapes.SOCKETS else "tuple"
        sock = Sock(self.state.origin(f"{what} annotated as a {kind} of sockets", at))
        if found != shapes.SOCKETS:
            return Tup((sock,) * int(found))
        self.state.declared.add(id(at))
        return Many(sock, frozenset({id(at)}))

    def instance_of(self, node: cst.BaseExpression) -> Optional[Inst]:
        """An annotation naming a class of the module's or the catalog's: its instances
        (``Peer``, ``Optional[Peer]``, ``Peer | None``, ``"Peer"``)."""
        text = string(node)
        if text is not None:
            try:
                node = cst.parse_expression(text)
            except Exception:
                return None
        node = shapes.unoptional(node, self.evaluate)
        known = self.evaluate(node)
        if isinstance(known, Ref) and (
            known.qualname in self.program.classes or known.qualname in catalog.LIBRARY_CLASSES or self.ev.linked.is_class(known.qualname)
        ):
            return Inst(known.qualname)
        return None

    def factory(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Optional[Factory]:
        """``Callable[[], socket.socket]``: a callable whose call gives what it promises."""
        if not isinstance(node, cst.Subscript) or not self.ev.names(node.value, catalog.CALLABLE_TYPES):
            return None
        items = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        made = self.annotated(items[-1], f"what {what} returns", at) if len(items) == 2 else None
        return Factory(made) if is_evidence(made) else None

    def holding(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Union[Bag, Tup, None]:
        """A container or tuple annotation whose elements (or a mapping's keys or values) are
        sockets, instances of known classes, or such containers: ``dict[int, socket.socket]``,
        ``list[Listener]``, ``Queue[tuple[socket.socket, Address]]``."""
        if not isinstance(node, cst.Subscript):
            return None
        wrapper = self.evaluate(node.value)
        items = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        qualname = wrapper.qualname if isinstance(wrapper, Ref) else ""
        held = [_held(self.annotated(item, what, at), what) for item in items]  # sockets, instances, containers
        if not any(is_evidence(value) for value in held):
            return None
        slots: tuple[str, ...]
        if qualname in catalog.MAPPING_TYPES and len(items) == 2:
            bag, slots = Bag(frozenset({id(at)}), "mapping"), ("key", "value")
        elif qualname in catalog.SOCKET_CONTAINERS and len(items) == 1:
            bag, slots = Bag(frozenset({id(at)}), "sequence"), ("element",)
        elif qualname in catalog.QUEUE_TYPES and len(items) == 1:
            bag, slots = Bag(frozenset({id(at)}), "queue"), ("element",)
        elif qualname in catalog.TUPLE_TYPES and len(items) > 1 and not isinstance(items[-1], cst.Ellipsis):
            return Tup(tuple(held))  # ``tuple[socket.socket, Address]``
        else:
            return None
        self.state.declared.add(id(at))
        for slot, value in zip(slots, held):
            self.ev.containers.fill(bag, slot, value)
        return bag
