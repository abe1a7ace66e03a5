"""What the project's other modules give: their exports, as values of this module.

A name an import binds to one of the project's modules (``from .net import connect``)
is a ``Ref`` like any other; when the model needs what it is (a call's result, an
attribute, a base class, a sink), it asks the project (``catalog.Project``), which
summarises that module with the model itself, on demand. The answer is plain data
(``project.summary``); here it becomes values whose origin names the other module
("socket.create_connection() in pkg/net.py line 12, through pkg.net.connect()").
Only names the catalog does not know are asked for, and an unknown stays unknown.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import libcst as cst

from .. import catalog
from . import records
from .state import State
from .syntax import Invocation
from .contents import Contents
from .values import NONE, Bag, Factory, Guard, Handle, Inst, Many, Origin, Ref, Skip, Sock, Tup, Value

MAX_BASES = 12  # how many classes up a lineage is followed
FIELD = "<field "  # a route's start for what a method gives of the attribute it names (``<field _sock>``)


def spec_value(spec: Optional[catalog.Export], origin: Origin, contents: Optional[Contents] = None, keywords: Optional[dict[int, Any]] = None) -> Value:
    """A value a summary describes (``{"kind": "socket", "route": ...}``), from ``origin``."""
    kind = spec.get("kind") if spec else None
    if kind == "guard" and spec is not None:  # ``from .compat import IS_WINDOWS``
        true, false = spec.get("true"), spec.get("false")
        return Guard(true if isinstance(true, bool) else None, false if isinstance(false, bool) else None)
    if kind == "library" and spec is not None and str(spec.get("to")) in catalog.LIBRARY_NAMES:  # a DLL another module loaded
        return Ref(str(spec["to"]))
    if kind == "skip":  # a test mark or decorator of another module that skips but on POSIX
        return Skip(True)
    if kind == "factory" and spec is not None:  # a callable whose call gives what it describes
        made = spec_value(spec.get("made"), origin)
        return Factory(made) if made is not None else None
    if kind == "entries" and spec is not None and keywords is not None:  # a dictionary by its keys
        site = id(origin.node)
        keywords[site] = {str(key): spec_value(each, origin) for key, each in dict(spec.get("entries", {})).items()}
        return Bag(frozenset({site}), "mapping")
    if kind == "socket":
        return Sock(origin)
    if kind == "pair":
        return Tup((Sock(origin), Sock(origin)))
    if kind == "accept":
        return Tup((Sock(origin), None))
    if kind == "handle":
        return Handle(Sock(origin), None)
    if kind == "tuple" and spec is not None:  # ``(host, sock)``: each position as its summary says
        return Tup(tuple(spec_value(item, origin) for item in spec.get("items") or ()))
    if kind == "many":
        item = spec_value(spec.get("item"), origin) if spec is not None and spec.get("item") else Sock(origin)
        return Many(item, frozenset({id(origin.node)})) if isinstance(item, (Sock, Handle, Tup)) else None
    if kind == "instance" and spec is not None:  # a record: what its fields were given too
        fields = ((str(name), spec_value(each, origin)) for name, each in dict(spec.get("fields") or {}).items())
        return Inst(str(spec["cls"]), tuple((name, value) for name, value in fields if value is not None))
    if kind == "bag" and spec is not None and contents is not None:  # its slots hold sockets
        site = id(origin.node)
        for slot in spec.get("slots", ()):
            contents.put((site, str(slot)), "", Sock(origin))
        return Bag(frozenset({site}), str(spec.get("bag", "sequence")))
    return None


def _route(spec: Any) -> Optional[str]:
    """Where what a summary describes comes from (a factory's: what it makes; a dictionary's:
    its first entry's)."""
    if not isinstance(spec, dict):
        return None
    inner = [*dict(spec.get("entries") or {}).values(), *(spec.get("items") or ()), *dict(spec.get("fields") or {}).values(), spec.get("item"), spec.get("made")]
    return spec.get("route") or next((found for found in map(_route, inner) if found), None)


class Linked:
    def __init__(self, project: Optional[catalog.Project], state: State, evaluate: Callable[[Optional[cst.BaseExpression]], Value]) -> None:
        self.project, self.state, self.evaluate = project, state, evaluate
        self.known: dict[str, Optional[tuple[str, catalog.Export]]] = {}
        self.values: dict[str, Optional[tuple[str, catalog.Export]]] = {}
        self.classes: dict[str, bool] = {}
        self.lineages: dict[str, list[str]] = {}

    def lookup(self, qualname: str) -> Optional[tuple[str, catalog.Export]]:
        if self.project is None:
            return None
        if qualname not in self.known:
            self.known[qualname] = self.project.lookup(qualname)
        return self.known[qualname]

    def reference(self, ref: Ref, node: cst.CSTNode) -> Value:
        """What a name bound to the project's ``ref`` holds: a module-level socket of another
        module, the catalog's name another module imported (``from .compat import WriteFile``),
        or the reference itself."""
        if self.project is None:
            return ref
        if ref.qualname not in self.values:
            self.values[ref.qualname] = self.project.value(ref.qualname)
        found = self.values[ref.qualname]
        if found is None:
            return ref
        kind, export = found
        if kind == "redirect":
            return Ref(catalog.canonical(str(export["to"])))
        if kind == "value":
            route = _route(export) or f"{ref.qualname} of another module"
            return spec_value(export, self.state.origin(f"{route}, imported as {ref.qualname}", node), self.state.contents, self.state.keywords) or ref
        return ref

    def result(self, qualname: str, node: cst.Call, receiver: Value, spelled: str) -> tuple[bool, Value]:
        """(whether the project knows it, what a call of its ``qualname`` returns)."""
        found = self.lookup(qualname)
        if found is None:
            return False, None
        kind, export = found
        if kind == "cycle":  # an import cycle back to a module being summarised: nothing yet, as a
            return True, NONE  # recursive call is (it joins with what other paths return)
        if kind == "class":
            if export.get("socket"):
                return True, Sock(self.state.origin(f"{spelled}()", node))
            fields, keeps = export.get("fields"), export.get("keeps")  # a record: what its fields are given
            held = records.given_fields([str(f) for f in fields], node, self.evaluate) if isinstance(fields, list) else ()
            if isinstance(keeps, list):  # what ``__init__`` keeps of its parameters
                held += records.given_kept([(str(a), p if isinstance(p, int) else None, str(n), bool(t)) for a, p, n, t in keeps], node, self.evaluate)
            return True, Inst(qualname, held)
        if kind != "function":
            return True, None
        if export.get("method") and isinstance(receiver, Inst) and receiver.fields:  # run for this instance
            kinds = ",".join(f"{name}={_kind_of(value)}" for name, value in receiver.fields)
            found = self.lookup(f"{qualname}@{kinds}")
            export = found[1] if found is not None and found[0] == "function" else export
        returned = export.get("returns")
        if not returned:
            return True, None
        if returned.get("kind") == "param":  # ``def wrap(s): return s``: the call's own argument
            bound = 1 if export.get("method") and isinstance(receiver, Inst) else 0
            index = int(returned["param"]) - bound
            given = self.evaluate(Invocation.direct(node).argument(index if index >= 0 else None, returned.get("name")))
            if returned.get("handle"):
                return True, Handle(given, None) if isinstance(given, Sock) else None
            return True, given
        route = str(returned.get("route") or "")
        if route.startswith(FIELD) and isinstance(receiver, Inst):  # what the instance was given, through the method
            sock = dict(receiver.fields).get(route[len(FIELD) :].split(">", 1)[0])
            sock = sock.sock if isinstance(sock, Handle) else sock
            if not isinstance(sock, Sock) or returned.get("kind") not in ("socket", "handle"):
                return True, None
            return True, Handle(sock, None) if returned["kind"] == "handle" else sock  # (cited where it was made)
        return True, spec_value(returned, self.state.origin(f"{_route(returned)}, through {spelled}()", node), self.state.contents, self.state.keywords)

    def sinks(self, qualname: str, bound: int) -> list[catalog.Sink]:
        """The parameters of the project's function ``qualname`` that reach a sink, as sinks
        of the call (``bound`` positions taken by the receiver)."""
        found = self.lookup(qualname)
        if found is None or found[0] != "function":
            return []
        export = found[1]
        bound = bound if export.get("method") else 0
        made = []
        for each in export.get("sinks", ()):
            position = int(each["param"]) - bound
            made.append(
                catalog.Sink(
                    qualname,
                    str(each["code"]),
                    position if position >= 0 else None,
                    (str(each["name"]),),
                    str(each["use"]),
                    takes_socket=bool(each["takes_socket"]) or not each["handle"],
                    posix_ok=bool(each["posix_ok"]),
                    takes_handle=bool(each["handle"]),
                    via=str(each["via"]),
                )
            )
        return made

    def is_class(self, qualname: str) -> bool:
        if self.project is None:
            return False
        if qualname not in self.classes:
            self.classes[qualname] = self.project.is_class(qualname)
        return self.classes[qualname]

    def lineage(self, qualname: str) -> list[str]:
        """A class and those it derives from, nearest first: the catalog's, and the project's
        (whose summaries are asked for here, when an instance's attribute or method is)."""
        if qualname in self.lineages:
            return self.lineages[qualname]
        found: list[str] = []
        todo = [qualname]
        while todo and len(found) < MAX_BASES:
            cls = todo.pop(0)
            if cls in found:
                continue
            if cls in catalog.LIBRARY_CLASSES:
                found += [c for c in catalog.library_classes(cls) if c not in found]
                continue
            found.append(cls)
            known = self.lookup(cls) if self.is_class(cls) else None
            if known is not None and known[0] == "class":
                todo += [str(base) for base in known[1].get("bases", ())]
        self.lineages[qualname] = found
        return found

    def attribute(self, cls: str, attr: str, node: cst.CSTNode) -> Value:
        """What an attribute of an instance of the project's class ``cls`` holds."""
        found = self.lookup(f"{cls}.{attr}")
        if found is None or found[0] != "value":
            return None
        spec = found[1]
        short = cls.rsplit(".", 1)[-1]
        return spec_value(spec, self.state.origin(f"{_route(spec)}, as {short}.{attr}", node))

    def entered(self, cls: str, asynchronous: bool, node: cst.CSTNode) -> Value:
        """What ``with`` binds for an instance of the project's class ``cls``: what its
        ``__enter__`` (``__aenter__``) returns."""
        method = "__aenter__" if asynchronous else "__enter__"
        for owner in self.lineage(cls):
            found = self.lookup(f"{owner}.{method}")
            if found is not None and found[0] == "function":
                returned = found[1].get("returns")
                short = owner.rsplit(".", 1)[-1]
                return spec_value(returned, self.state.origin(f"{_route(returned)}, through {short}.{method}()", node)) if returned else None
        return None

    def fixture(self, name: str, node: cst.CSTNode) -> Value:
        """What the fixture ``name`` of a ``conftest.py`` gives a test's parameter."""
        spec = self.project.fixture(name) if self.project is not None else None
        if not spec:
            return None
        return spec_value(spec, self.state.origin(f"{_route(spec)}, through fixture '{name}'", node))


def _kind_of(value: Value) -> str:
    return "socket" if isinstance(value, Sock) else "handle" if isinstance(value, Handle) else "none"
