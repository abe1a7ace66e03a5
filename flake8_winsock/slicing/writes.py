"""What a unit may write: the names it binds, the attributes it stores, and what the value may be."""

from __future__ import annotations

import ast
from typing import Optional, Union

from .. import catalog
from ..vocabulary import normalised
from .units import (
    DEFS, FILLERS, FILLS, SCOPED, WALRUS, ANYTHING, REFERENCE, SOCKETS, Imported, Key, Scope, Text, Unit,
    bound_names, stored_attributes, targets,
)  # fmt: skip


def describe(units: Text, unit: Unit, node: ast.stmt) -> None:
    """Add what ``node`` (the unit's statement, one merged into it, or in its body) writes."""
    scope = unit.scope
    in_class = unit.parent is not None and isinstance(unit.parent.node, ast.ClassDef) and node is unit.node
    value = kinds(units, node)
    for name in bound_names(node):
        write_name(unit, scope, name, value)
        if in_class:  # a class attribute, or a method
            write(unit, name, value)
    for target in targets(node):  # ``live[k] = conn`` in a function changes the module's ``live``
        while isinstance(target, ast.Subscript):
            target = target.value
            if isinstance(target, ast.Name):
                write_filled(unit, scope, target.id)
    for attr in stored_attributes(node):
        write(unit, attr, value)
    if node is unit.node:
        text = units.text_of(unit)
        if FILLS.search(text):  # ``c.append(x)`` changes ``c``, as ``c[i] = x`` does
            for call in ast.walk(node):
                named = call.func.attr if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) else None
                if isinstance(call, ast.Call) and (named or getattr(call.func, "id", None)) in catalog.CONTAINER_FUNCTION_NAMES:
                    receiver = call.args[0] if call.args else call.func  # (what it puts into: its first argument)
                    if isinstance(receiver, ast.Name):
                        write_filled(unit, scope, receiver.id)
                    elif isinstance(receiver, ast.Attribute):
                        write(unit, receiver.attr, SOCKETS)
                elif isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in FILLERS:
                    receiver = call.func.value
                    while isinstance(receiver, (ast.Subscript, ast.Call)):  # ``d[k].append(s)``, ``d.setdefault(k, []).append(s)``
                        inner = receiver.value if isinstance(receiver, ast.Subscript) else receiver.func
                        receiver = inner.value if isinstance(inner, ast.Attribute) and isinstance(receiver, ast.Call) else inner
                    if isinstance(receiver, ast.Name):
                        write_filled(unit, scope, receiver.id)
                    elif isinstance(receiver, ast.Attribute):
                        write(unit, receiver.attr, SOCKETS)
        if ":=" in text:
            for name in WALRUS.findall(text):
                write_name(unit, scope, name, ANYTHING)
        words = units.words(unit)
        if "isinstance" in words:  # ``isinstance(x.sock, ...)`` narrows what it names
            for word in words:
                write_name(unit, scope, word, SOCKETS)
                write(unit, word, SOCKETS)
    if isinstance(node, ast.Match) and isinstance(node.subject, ast.Name):  # ``case socket.socket():`` narrows it
        write_name(unit, scope, node.subject.id, SOCKETS)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        imports(unit, node)
    elif isinstance(node, DEFS) and node is unit.node:
        for key in unit.params:  # an annotated parameter may be a socket
            write(unit, key, SOCKETS)
        if unit.parent is not None and isinstance(unit.parent.node, ast.ClassDef):
            write(unit, node.name, ANYTHING)  # a method is an attribute (a property reads as its result)
    elif isinstance(node, ast.ClassDef) and node is unit.node:
        for attribute in units.vocab.class_attributes:  # inherited from a library class (or the project's)
            write(unit, attribute, SOCKETS)


def write_name(unit: Unit, scope: Scope, name: str, value: int, imported: Optional[Imported] = None) -> None:
    write(unit, (scope.id, name), value, imported)
    if name in scope.declared:  # ``global x``: the module's (or an enclosing function's) ``x``
        for outer in scope.chain[1:]:
            write(unit, (outer, name), value, imported)


def write_filled(unit: Unit, scope: Scope, name: str) -> None:
    """``c.append(x)`` changes the ``c`` it reads, which need not be this scope's (a module's
    queue filled in a function): every scope's ``c`` around it may be the one."""
    for outer in scope.chain:
        write(unit, (outer, name), SOCKETS)


def write(unit: Unit, key: Key, value: int, imported: Optional[Imported] = None) -> None:
    assert unit.writes is not None
    unit.writes.append((key, value, imported))
    unit.keys.add(key)


def kinds(units: Text, node: ast.stmt) -> int:
    """What the value a statement binds may be (``REFERENCE``, ``SOCKETS``)."""
    if isinstance(node, ast.AnnAssign):  # ``x: socket.socket``, ``x: socket.socket | None = None``
        return SOCKETS | (value_kinds(units, node.value) if node.value is not None else 0)
    if isinstance(node, ast.Assign):
        return value_kinds(units, node.value)
    if isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.Match)):
        return SOCKETS  # an element of a container; what ``with`` enters; ``case socket.socket() as s``
    if isinstance(node, SCOPED):
        return ANYTHING  # the function or class itself
    return 0  # ``x += 1``, ``del x``, ``except E as x``, ``global x``: nothing the model follows


def value_kinds(units: Text, node: ast.expr) -> int:
    """What the model may evaluate ``node`` to. A call gives a module or function only
    through a pass-through wrapper or library loader, and a socket only if it calls
    something that may return one (the catalog's, the module's own, or a plain name)."""
    if isinstance(node, (ast.Name, ast.Attribute, ast.Subscript, ast.Starred, ast.NamedExpr)):
        return ANYTHING
    if isinstance(node, ast.Await):
        return value_kinds(units, node.value)
    if isinstance(node, (ast.Tuple, ast.IfExp, ast.BoolOp)):
        found = SOCKETS if isinstance(node, ast.Tuple) else 0
        items = node.elts if isinstance(node, ast.Tuple) else node.values if isinstance(node, ast.BoolOp) else [node.body, node.orelse]
        for item in items:
            found |= value_kinds(units, item)
        return found
    if isinstance(node, ast.Dict):  # its entries may be functions (``{"write": k32.WriteFile}``)
        return SOCKETS | (REFERENCE if any(v is not None and value_kinds(units, v) & REFERENCE for v in node.values) else 0)
    if isinstance(node, (ast.List, ast.Set, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return SOCKETS
    if isinstance(node, ast.BinOp):
        return SOCKETS if isinstance(node.op, ast.Add) else 0  # ``[server] + clients``
    if isinstance(node, ast.Call):
        vocab, func = units.vocab, node.func
        if _names_an_export(node):  # a ctypes prototype's ``proto(("WriteFile", kernel32))``
            return ANYTHING
        if isinstance(func, ast.Attribute):
            name = normalised(func.attr)
            reference = REFERENCE if name in vocab.reference_calls else 0
            return reference | (SOCKETS if name in vocab.socket_calls or name in units.defs or name in units.stored else 0)
        if isinstance(func, ast.Name):
            return ANYTHING if normalised(func.id) in vocab.reference_calls else SOCKETS
        return SOCKETS
    return 0


def _names_an_export(call: ast.Call) -> bool:
    """``f(("name", library), ...)``: how a ctypes prototype is called to make a function."""
    first = call.args[0] if call.args else None
    return (
        isinstance(first, ast.Tuple) and len(first.elts) == 2
        and isinstance(first.elts[0], ast.Constant) and isinstance(first.elts[0].value, str)
    )  # fmt: skip


def imports(unit: Unit, node: Union[ast.Import, ast.ImportFrom]) -> None:
    """Each imported name carries its own flavours: what module it comes from, and its name."""
    module = node.module if isinstance(node, ast.ImportFrom) and not node.level else None
    root = (module or "").split(".")[0]
    for alias in node.names:
        if alias.name == "*":
            for name in catalog.star_names(module or ""):
                write_name(unit, unit.scope, name, ANYTHING, (root, name))
        elif isinstance(node, ast.ImportFrom):
            write_name(unit, unit.scope, alias.asname or alias.name, ANYTHING, (root, alias.name))
        else:
            top = alias.name.split(".")[0]
            write_name(unit, unit.scope, alias.asname or top, ANYTHING, (top, None))
