"""Records: classes whose constructor keeps its arguments in named fields.

A plain class whose ``__init__`` keeps a parameter as it is (``self.sock = sock``), in an
attribute no method of the class stores again, is read so too: an instance keeps what its
constructor call gave that parameter (``kept``).

A ``NamedTuple``, a dataclass, an attrs class or a ``TypedDict`` (``catalog.RECORD_BASES``,
``RECORD_DECORATORS``) declares its fields in its body; ``namedtuple("Conn", "fd peer")``
(``catalog.RECORD_FACTORIES``) names them in the call. An instance made by the
constructor keeps what each field was given (``Inst.fields``).
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import libcst as cst

from .program import ClassInfo, FuncInfo, Program
from .syntax import Invocation, argument, string
from .values import Inst, Ref, Value, is_evidence


def record_class(node: cst.Call, program: Program) -> Value:
    """``namedtuple("Conn", "fd peer")``, ``NamedTuple("Conn", [("fd", int)])``: a record class
    of the module with those fields (None when they are not written out)."""
    name, given = string(argument(node, 0)), argument(node, 1)
    if name is None or given is None:
        return None
    names = fields_written(given)
    if names is None:
        return None
    key = f"<{name}@{id(node)}>"  # one class for each call written
    if key not in program.classes:
        program.classes[key] = ClassInfo(key=key, name=name, fields=names)
    return Ref(key)


def fields_written(given: cst.BaseExpression) -> Optional[list[str]]:
    """``"fd peer"``, ``"fd, peer"``, ``["fd", "peer"]``, ``[("fd", int), ("peer", str)]``."""
    text = string(given)
    if text is not None:
        return text.replace(",", " ").split()
    if not isinstance(given, (cst.List, cst.Tuple)):
        return None
    parts = [e.value.elements[0].value if isinstance(e.value, cst.Tuple) and e.value.elements else e.value for e in given.elements]
    listed = [string(part) for part in parts]
    return [n for n in listed if n is not None] if None not in listed else None


def given(cls: ClassInfo, node: cst.Call, value_of: Callable[[cst.BaseExpression], Value]) -> tuple[tuple[str, Value], ...]:
    """What a record's fields are given by its constructor, by position or by name."""
    return given_fields(cls.record_fields(), node, value_of)


def given_fields(fields: list[str], node: cst.Call, value_of: Callable[[cst.BaseExpression], Value]) -> tuple[tuple[str, Value], ...]:
    """What the ``fields`` of a record (in order) are given by its constructor call ``node``."""
    call = Invocation.direct(node)
    passed = {**dict(zip(fields, call.args)), **{k: e for k, e in call.keywords.items() if k in fields}}
    return tuple((name, value) for name, value in ((n, value_of(e)) for n, e in passed.items()) if is_evidence(value))


def replaced(record: Value, node: cst.Call, value_of: Callable[[cst.BaseExpression], Value]) -> Value:
    """``dataclasses.replace(conn, fd=...)``, ``conn._replace(fd=...)``: a record of the same
    class, holding what it held but in the fields given anew."""
    if not isinstance(record, Inst):
        return None
    given = {arg.keyword.value: arg.value for arg in node.args if arg.keyword is not None}
    if any(arg.star for arg in node.args):
        return Inst(record.cls)  # (``**changes``: what each field holds now is not known)
    kept = tuple((name, value) for name, value in record.fields if name not in given)
    return Inst(record.cls, kept + tuple((name, value) for name, value in ((n, value_of(e)) for n, e in given.items()) if is_evidence(value)))


Kept = tuple[str, Optional[int], str, bool]  # an attribute, the parameter kept there (position after ``self``, name), annotated


def kept(cls: ClassInfo, init: FuncInfo, node: cst.Call, value_of: Callable[[Optional[cst.BaseExpression]], Value]) -> tuple[tuple[str, Value], ...]:
    """What a constructor call gives the attributes ``__init__`` keeps its parameters in
    (``self.sock = sock`` at the top of its body, stored nowhere else in the class); None for
    an attribute given what is not known to be a socket (a file: this instance's is no socket,
    whatever another call gave another)."""
    return given_kept(keeps(cls, init), node, value_of)


def keeps(cls: ClassInfo, init: FuncInfo) -> list[Kept]:
    """The attributes ``__init__`` keeps its parameters in, and which parameters."""
    names = init.positional()
    if not names:
        return []
    receiver, params = names[0], names[1:]
    keywords = [p.name.value for p in init.node.params.kwonly_params]
    stores: dict[str, str] = {}  # attribute -> the parameter kept there
    annotated: set[str] = set()  # (``self.sock: socket.socket = sock``: the annotation promises)
    for line in init.node.body.body:
        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
            target, value = _store(small)
            if target is not None and isinstance(value, cst.Name) and value.value in (*params, *keywords):
                if isinstance(target.value, cst.Name) and target.value.value == receiver:
                    stores[target.attr.value] = value.value
                    if isinstance(small, cst.AnnAssign):
                        annotated.add(target.attr.value)
    if not stores:
        return []
    if cls.stores is None:  # (once a class: its methods are all known by the time it is called)
        cls.stores = {}
        for method in (m for owner in cls.lineage() for m in owner.methods):  # stored again (``self.sock = None``): not kept
            for attr in _stored_attributes(method.node):
                cls.stores[attr] = cls.stores.get(attr, 0) + 1
    return [
        (attr, params.index(param) if param in params else None, param, attr in annotated)
        for attr, param in stores.items()
        if cls.stores.get(attr, 0) == 1
    ]


def given_kept(kept: Sequence[Kept], node: cst.Call, value_of: Callable[[Optional[cst.BaseExpression]], Value]) -> tuple[tuple[str, Value], ...]:
    """What the constructor call ``node`` gives the attributes ``kept`` (``keeps``)."""
    call = Invocation.direct(node)
    found: list[tuple[str, Value]] = []
    for attr, position, param, annotated in kept:
        argument = call.argument(position, param)
        given = value_of(argument) if argument is not None else None
        if is_evidence(given) or argument is not None and not annotated:
            found.append((attr, given if is_evidence(given) else None))  # (None: given, and not a socket we know)
    return tuple(found)


def _store(small: cst.BaseSmallStatement) -> tuple[Optional[cst.Attribute], Optional[cst.BaseExpression]]:
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Attribute):
        return small.targets[0].target, small.value
    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Attribute):
        return small.target, small.value
    return None, None


def _stored_attributes(node: cst.FunctionDef) -> list[str]:
    """The attribute names a function stores anywhere (``x.attr = ...``, ``x.attr += ...``,
    ``a, x.attr = ...``, ``for x.attr in ...``, ``del x.attr``)."""
    found: list[str] = []

    class Stores(cst.CSTVisitor):
        def visit_AssignTarget(self, target: cst.AssignTarget) -> None:
            found.extend(_attributes(target.target))

        def visit_AnnAssign(self, assign: cst.AnnAssign) -> None:
            found.extend(_attributes(assign.target))

        def visit_AugAssign(self, assign: cst.AugAssign) -> None:
            found.extend(_attributes(assign.target))

        def visit_For(self, loop: cst.For) -> None:
            found.extend(_attributes(loop.target))

        def visit_Del(self, delete: cst.Del) -> None:
            found.extend(_attributes(delete.target))

    node.visit(Stores())
    return found


def _attributes(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Attribute):
        return [target.attr.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in _attributes(element.value)]
    return []
