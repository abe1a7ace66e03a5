"""A module's summary: what it exports that the analysis of another module may need,
made by running the model over the module (LibCST), and said as plain data.

- ``functions``: by name (``connect``, ``Transport.open``): what a call returns
  (a socket, a pair, an accepted connection, a handle, an instance of a class, or one
  of its own parameters) and which parameters reach a sink (position, name, rule, the
  sink and where it is);
- ``classes``: their bases, whether they derive from ``socket.socket``, and the
  attributes their instances hold (``self.sock``, properties);
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
from ..model.program import ClassInfo, FuncInfo, ParamSink, Summary
from ..model.syntax import dotted
from ..model.values import POSIX, Handle, Inst, Many, Origin, Param, Ref, Sock, Tup, Value
from ..sinks import SinkCalls
from ..slicing import Slice

Summary_ = dict[str, Any]



def summarise(text: str, name: str, label: str, knowledge: catalog.Knowledge) -> Summary_:
    """The summary of the module ``name`` (its text; ``label``: its path as routes say it)."""
    module = cst.parse_module(text)
    model = Model(knowledge)
    model.run(module, SinkCalls(model))
    return _Exporter(model, Places(module, Slice(text)), name, label).export()


class _Exporter:
    def __init__(self, model: Model, places: Places, name: str, label: str) -> None:
        self.model, self.places, self.name, self.label = model, places, name, label
        self.program = model.program

    def export(self) -> Summary_:
        state = self.model.state
        env = state.module_env.scope_vars() if state.module_env is not None else {}
        summary: Summary_ = {"functions": {}, "classes": {}, "values": {}, "imports": {}, "fixtures": {}}
        for local, value in env.items():
            if local == POSIX or "." in local:
                continue
            if isinstance(value, Ref) and value.qualname in self.program.functions:
                info = self.program.functions[value.qualname]
                summary["functions"][local] = self.function(info, False)
                fixture = self.model.runner.fixture_name(info)
                if fixture is not None:
                    given = self.fixture(info)
                    if given is not None:
                        summary["fixtures"][fixture] = given
            elif isinstance(value, Ref) and value.qualname in self.program.classes:
                self.cls(summary, local, self.program.classes[value.qualname])
            elif isinstance(value, Ref) and not value.qualname.startswith("<"):
                summary["imports"][local] = value.qualname
            else:
                spec = self.spec(value)
                if spec is not None and spec["kind"] != "param":
                    summary["values"][local] = spec
        return summary

    def function(self, info: FuncInfo, method: bool) -> dict[str, Any]:
        summary = self.model.runner.summarise(info)
        names = info.positional() + [p.name.value for p in info.node.params.kwonly_params]
        returned = self.spec(summary.yields if summary.generator and self.is_context_manager(info) else summary.returns, names)
        if summary.generator and not self.is_context_manager(info):
            returned = {**returned, "kind": "many"} if returned and returned["kind"] == "socket" else None
        return {"returns": returned, "method": method, "sinks": [self.sink(each, names) for each in summary.sinks]}

    def is_context_manager(self, info: FuncInfo) -> bool:
        return any(self.model.evaluator.names(d.decorator, catalog.CONTEXT_MANAGERS) for d in info.node.decorators)

    def fixture(self, info: FuncInfo) -> Optional[dict[str, Any]]:
        summary: Summary = self.model.runner.summarise(info)
        spec = self.spec(summary.yields if summary.generator else summary.returns)
        return spec if spec is not None and spec["kind"] != "param" else None

    def cls(self, summary: Summary_, local: str, info: ClassInfo) -> None:
        attrs: dict[str, Any] = {}
        for attr, value in {**info.attrs, **info.declared}.items():
            spec = self.spec(value)
            if spec is not None and spec["kind"] != "param" and not _given(value):
                attrs[attr] = spec
        for method in info.methods:
            name = method.node.name.value
            if any(dotted(d.decorator) in catalog.PROPERTY_DECORATORS for d in method.node.decorators):
                spec = self.spec(self.model.runner.summarise(method).returns)
                if spec is not None and spec["kind"] != "param":
                    attrs[name] = spec
            summary["functions"][f"{local}.{name}"] = self.function(method, method.takes_receiver)
        bases = [self.qualname(base.key) for base in info.bases] + list(info.library)
        summary["classes"][local] = {"bases": bases, "attrs": attrs, "socket": info.is_socket}

    def qualname(self, key: str) -> str:
        """The qualified name of one of the module's classes (``<Client>``: ``pkg.net.Client``)."""
        return f"{self.name}.{key.strip('<>')}" if key.startswith("<") else key

    def spec(self, value: Value, names: Optional[list[str]] = None) -> Optional[dict[str, Any]]:
        if isinstance(value, Sock):
            return {"kind": "socket", "route": self.route(value.origin)}
        if isinstance(value, Handle):
            return {"kind": "handle", "route": self.route(value.sock.origin)}
        if isinstance(value, Tup) and len(value.items) == 2 and isinstance(value.items[0], Sock):
            kind = "pair" if isinstance(value.items[1], Sock) else "accept"
            return {"kind": kind, "route": self.route(value.items[0].origin)}
        if isinstance(value, Many) and isinstance(value.item, Sock):
            return {"kind": "many", "route": self.route(value.item.origin)}
        if isinstance(value, Inst):
            return {"kind": "instance", "cls": self.qualname(value.cls)}
        if isinstance(value, Param) and not value.made and names is not None and value.index < len(names):
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
