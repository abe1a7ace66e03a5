"""Records: classes whose constructor keeps its arguments in named fields.

A ``NamedTuple``, a dataclass, an attrs class or a ``TypedDict`` (``catalog.RECORD_BASES``,
``RECORD_DECORATORS``) declares its fields in its body; ``namedtuple("Conn", "fd peer")``
(``catalog.RECORD_FACTORIES``) names them in the call. An instance made by the
constructor keeps what each field was given (``Inst.fields``).
"""

from __future__ import annotations

from typing import Callable, Optional

import libcst as cst

from .program import ClassInfo, Program
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
    call, fields = Invocation.direct(node), cls.record_fields()
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
