"""A module's summary: what it exports that the analysis of another module may need,
made by running the model over the module (LibCST), and said as plain data.

- ``functions``: by name (``connect``, ``Transport.open``): what a call returns
  (a socket, a pair, an accepted connection, a handle, an instance of a class, or one
  of its own parameters) and which parameters reach a sink (position, name, rule, the
  sink and where it is);
- ``classes``: their bases and whether they derive from ``socket.socket``; a class's
  member (``Transport.sock``) is one of its methods, or what its instances hold there
  (``self.sock``, a property), asked for on its own;
- ``values``: module-level sockets and instances; ``imports``: the names its imports
  bind (re-exports), by qualified name; ``fixtures``: the pytest fixtures that give a
  socket.

Every origin becomes a route ("socket.create_connection() in pkg/net.py line 12").
The summary is JSON: it is what the cache keeps.
"""

from __future__ import annotations

from typing import Any, Optional

import libcst as cst

from .. import catalog
from ..analysis import Places
from ..model import Model
from ..model import records
from ..model.linked import FIELD
from ..model.program import ClassInfo, FuncInfo, ParamSink, Summary
from ..model.syntax import dotted
from ..model.values import POSIX, Bag, Factory, Guard, Handle, Inst, Many, Origin, Param, Ref, Skip, Sock, Tup, Value
from ..parsing import parse
from ..sinks import SinkCalls
from ..slicing import Slice

Summary_ = dict[str, Any]
MADE = ("socket", "handle", "pair", "accept")  # what a factory's call may give



class Summariser:
    """A module's exports, made on demand: its text parsed once and its statements run,
    then each function or class summarised when an importer asks for it (``export``)."""

    def __init__(self, text: Slice, whole: str, name: str, label: str, knowledge: catalog.Knowledge) -> None:
        try:
            module = parse(text.text)
        except Exception:  # the slice refused: the whole text
            text = Slice(whole)
            module = parse(whole)
        self.model = Model(knowledge)
        self.model.run_body(module, SinkCalls(self.model))
        self.places, self.name, self.label = Places(module, text), name, label
        self.program = self.model.program
        state = self.model.state
        self.env = state.module_env.scope_vars() if state.module_env is not None else {}
        self.exports: dict[str, Optional[tuple[str, Any]]] = {}

    def export(self, key: str) -> Optional[tuple[str, Any]]:
        """What the module's name ``key`` is (``connect``, ``Transport``, ``Transport.open``,
        ``fixture:sock_pair``, ``imports``): ("function" | "class" | "value" | "fixture" |
        "imports", plain data), or None."""
        if key not in self.exports:
            self.exports[key] = self.made(key)
        return self.exports[key]

    def made(self, key: str) -> Optional[tuple[str, Any]]:
        if key == "imports":
            return "imports", {k: v.qualname for k, v in self.env.items() if isinstance(v, Ref) and not v.qualname.startswith("<") and k != POSIX}
        if key.startswith("fixture:"):
            return self.fixture(key.partition(":")[2])
        key, _, held = key.partition("@")
        head, _, member = key.partition(".")
        value = self.env.get(head)
        if isinstance(value, Ref) and value.qualname in self.program.classes:
            info = self.program.classes[value.qualname]
            if not member:  # its bases are known from its statement: its methods need not run
                return "class", self.cls(info)
            self.model.run_work(info.key)  # what its instances hold
            return self.held_by(info, member, held) if held else self.member(info, member)
        if member:
            return None
        if isinstance(value, Ref) and value.qualname in self.program.functions:
            return "function", self.function(self.program.functions[value.qualname], False)
        spec = self.spec(value) if not isinstance(value, Ref) or value.qualname in catalog.LIBRARY_NAMES else None
        return ("value", spec) if spec is not None and spec["kind"] != "param" else None

    def fixture(self, name: str) -> Optional[tuple[str, Any]]:
        for local, value in self.env.items():
            info = self.program.functions.get(value.qualname) if isinstance(value, Ref) else None
            if info is not None and self.model.runner.fixture_name(info) == name:
                summary: Summary = self.model.runner.summarise(info)
                spec = self.spec(summary.yields if summary.generator else summary.returns)
                return ("fixture", spec) if spec is not None and spec["kind"] != "param" else None
        return None

    def member(self, info: ClassInfo, name: str) -> Optional[tuple[str, Any]]:
        """A method of the class (or of one of the module's classes it derives from), or what
        the class's own instances hold as ``name`` (an attribute, a property): a "value"."""
        for owner in info.lineage():
            for method in owner.methods:
                if method.node.name.value != name:
                    continue
                if owner is info and any(dotted(d.decorator) in catalog.PROPERTY_DECORATORS for d in method.node.decorators):
                    spec = self.spec(self.model.runner.summarise(method).returns)
                    return ("value", spec) if spec is not None and spec["kind"] != "param" else None
                return "function", self.function(method, method.takes_receiver)
        value = {**info.attrs, **info.declared}.get(name)
        spec = self.spec(value) if value is not None else None
        return ("value", spec) if spec is not None and spec["kind"] != "param" and not _given(value) else None

    def held_by(self, info: ClassInfo, name: str, held: str) -> Optional[tuple[str, Any]]:
        """A method of the class called on an instance whose constructor call gave the attributes
        ``__init__`` keeps what ``held`` says (``_sock=socket,n=none``): run with that instance.
        What it gives of those attributes has a route naming them (``FIELD``), for the caller's."""
        method = next((m for owner in info.lineage() for m in owner.methods if m.node.name.value == name), None)
        if method is None:
            return None
        fields: list[tuple[str, Value]] = []
        for part in held.split(","):
            attr, _, kind = part.partition("=")
            sock = Sock(self.model.state.origin(f"{FIELD}{attr}>", method.node))
            fields.append((attr, sock if kind == "socket" else Handle(sock, None) if kind == "handle" else None))
        summary = self.model.runner.summary(method, Inst(info.key, tuple(fields)))
        return ("function", self.function(method, method.takes_receiver, summary)) if summary is not None else None

    def cls(self, info: ClassInfo) -> dict[str, Any]:
        bases = [self.qualname(base.key) for base in info.bases] + list(info.library)
        fields = {"fields": info.record_fields()} if info.fields is not None else {}  # a record's, in order
        init = self.program.method(info.key, "__init__") if info.fields is None else None
        kept = records.keeps(info, init) if init is not None else []  # what its instances keep of their constructor call
        return {"bases": bases, "socket": info.is_socket, **fields, **({"keeps": [list(k) for k in kept]} if kept else {})}

    def function(self, info: FuncInfo, method: bool, summary: Optional[Summary] = None) -> dict[str, Any]:
        summary = summary or self.model.runner.summarise(info)
        names = info.positional() + [p.name.value for p in info.node.params.kwonly_params]
        returned = self.spec(summary.yields if summary.generator else summary.returns, names)  # a generator: what it yields
        if summary.generator and not self.is_context_manager(info):  # what it yields, as a container
            if returned and returned["kind"] in ("tuple", "accept", "pair"):  # (``yield conn, addr``)
                returned = {"kind": "many", "item": returned}
            else:
                returned = {**returned, "kind": "many"} if returned and returned["kind"] == "socket" else None
        return {"returns": returned, "method": method, "sinks": [self.sink(each, names) for each in summary.sinks]}

    def is_context_manager(self, info: FuncInfo) -> bool:
        return any(self.model.evaluator.names(d.decorator, catalog.CONTEXT_MANAGERS) for d in info.node.decorators)

    def qualname(self, key: str) -> str:
        """The qualified name of one of the module's classes (``<Client>``: ``pkg.net.Client``)."""
        return f"{self.name}.{key.strip('<>')}" if key.startswith("<") else key

    def spec(self, value: Value, names: Optional[list[str]] = None) -> Optional[dict[str, Any]]:
        if isinstance(value, Sock):
            return {"kind": "socket", "route": self.route(value.origin)}
        if isinstance(value, Ref) and value.qualname in catalog.LIBRARY_NAMES:  # ``kernel32 = ctypes.WinDLL("kernel32")``
            return {"kind": "library", "to": value.qualname}
        if isinstance(value, Skip) and value.posix:  # ``posix_only = pytest.mark.skipif(sys.platform == "win32")``
            return {"kind": "skip"}
        if isinstance(value, Guard):  # a platform flag, or what a function that tests the platform returns
            return {"kind": "guard", "true": value.when_true, "false": value.when_false}
        if isinstance(value, Handle):
            return {"kind": "handle", "route": self.route(value.sock.origin)}
        if isinstance(value, Tup) and len(value.items) == 2 and isinstance(value.items[0], Sock):
            kind = "pair" if isinstance(value.items[1], Sock) else "accept"
            return {"kind": kind, "route": self.route(value.items[0].origin)}
        if isinstance(value, Tup):  # ``(host, sock)``, ``(label, fd)``
            items = [self.spec(item) for item in value.items]
            if any(item is not None and item["kind"] != "param" for item in items):
                return {"kind": "tuple", "items": [item if item is None or item["kind"] != "param" else None for item in items]}
        if isinstance(value, Many) and isinstance(value.item, Sock):
            return {"kind": "many", "route": self.route(value.item.origin)}
        if isinstance(value, Many) and isinstance(value.item, Tup):
            item = self.spec(value.item)
            return {"kind": "many", "item": item} if item is not None else None
        if isinstance(value, Inst):
            fields = {name: self.spec(each) for name, each in value.fields}
            kept = {name: each for name, each in fields.items() if each is not None and each["kind"] != "param"}
            return {"kind": "instance", "cls": self.qualname(value.cls), **({"fields": kept} if kept else {})}
        if isinstance(value, Factory):  # ``connect = partial(socket.create_connection, addr)``
            made = self.spec(value.made)
            return {"kind": "factory", "made": made} if made is not None and made["kind"] in MADE else None
        if isinstance(value, Ref) and value.qualname in self.program.functions and names is None:  # a function as an entry
            returned = self.model.runner.summarise(self.program.functions[value.qualname]).returns
            made = self.spec(returned) if isinstance(returned, (Sock, Handle, Tup)) else None
            return {"kind": "factory", "made": made} if made is not None and made["kind"] in MADE else None
        entries = self.model.evaluator.containers.keywords(value) if isinstance(value, Bag) else None
        if entries:  # ``FACTORIES = {"tcp": lambda h, p: socket.create_connection((h, p)), "udp": _udp}``
            given = {key: self.spec(entry) for key, entry in entries.items() if not key.startswith(".")}
            kept = {key: each for key, each in given.items() if each is not None and each["kind"] != "param"}
            if kept:
                return {"kind": "entries", "entries": kept}
        if isinstance(value, Bag):  # a container of sockets (``PEERS: dict[str, socket.socket] = {}``)
            slots = {slot: self.model.state.contents.read((site, slot)) for site in value.sites for slot in ("element", "key", "value")}
            held = {slot: each for slot, each in slots.items() if isinstance(each, Sock)}
            if held:
                return {"kind": "bag", "bag": value.kind, "slots": sorted(held), "route": self.route(next(iter(held.values())).origin)}
        if isinstance(value, Param) and not value.made and not value.element and names is not None and value.index < len(names):
            return {"kind": "param", "param": value.index, "handle": value.handle, "name": names[value.index]}
        return None

    def sink(self, each: ParamSink, names: list[str]) -> dict[str, Any]:
        sink = each.sink
        via = each.target if " in " in each.target else f"{each.target} in {self.label} line {self.line(each.node, each.top)}"
        return {
            "param": each.index,
            "name": names[each.index] if each.index < len(names) else "",
            "handle": each.is_handle,
            "code": sink.code,
            "use": sink.use,
            "posix_ok": sink.posix_ok,
            "takes_socket": sink.takes_socket,
            "via": via,
        }

    def route(self, origin: Origin) -> str:
        line = self.line(origin.node, origin.top)
        return f"{origin.text} in {self.label} line {line}" if line else f"{origin.text} in {self.label}"

    def line(self, node: cst.CSTNode, top: int) -> int:
        try:
            return self.places.of(node, top).start.line
        except Exception:  # a node LibCST cannot place: the route names the file only
            return 0


def _given(value: Value) -> bool:
    """A socket the module's own calls gave a parameter (``self.sock = sock``): it says
    nothing of what other modules' instances hold."""
    return isinstance(value, Sock) and bool(value.origin.hops)
