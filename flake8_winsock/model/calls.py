"""What a call calls, and what it gives the module's functions.

A call may call more than itself: a callable it is given (``Thread(target=f, args=(s,))``,
``pool.submit(f, s)``, ``functools.partial(f, s)``: the catalog's ``DISPATCHES``), or a
library server may call a function or method with each connection (``CALLBACKS``,
``CALLBACK_METHODS``). Each gives the parameters of the module's functions what it
passes, and the runner runs them with it (``give``).
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, Protocol

import libcst as cst

from .. import catalog
from .linked import Linked
from .program import ClassInfo, FuncInfo, Program, Summary
from .state import State
from .syntax import Invocation, string
from .values import Inst, Member, Origin, Ref, Sock, Tup, Value, is_evidence

_DISPATCH_KEYWORDS = frozenset({"executor"})  # keywords a dispatching call keeps for itself


class Evaluates(Protocol):
    state: State
    program: Program
    sinks: Mapping[str, catalog.Sink]
    give: Callable[[FuncInfo, dict[str, Value], Optional[Origin]], None]
    summarise: Callable[[FuncInfo], Summary]
    linked: Linked

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value: ...


class Calls:
    def __init__(self, ev: Evaluates) -> None:
        self.ev, self.state, self.program, self.evaluate = ev, ev.state, ev.program, ev.value_of

    def invocations(self, node: cst.Call) -> list[Invocation]:
        """The call itself, and what it calls with what, if it is given a callable to call
        (``Thread(target=f, args=(s,))``, ``pool.submit(f, s)``, ``functools.partial(f, s)``)."""
        call = Invocation.direct(node)
        found = [call]
        dispatch = self.dispatch(node)
        if dispatch is not None:
            target = call.argument(*dispatch.target)
            if target is not None:
                args = call.args[dispatch.rest :] if dispatch.rest is not None else []
                packed = call.argument(*dispatch.args)
                if isinstance(packed, (cst.Tuple, cst.List)):
                    args = [e.value for e in packed.elements if not isinstance(e, cst.StarredElement)]
                keywords = {k: v for k, v in call.keywords.items() if dispatch.rest is not None and k not in _DISPATCH_KEYWORDS}
                packed_keywords = call.argument(*dispatch.kwargs)
                if isinstance(packed_keywords, cst.Dict):
                    for element in packed_keywords.elements:
                        key = string(element.key) if isinstance(element, cst.DictElement) else None
                        if key is not None and isinstance(element, cst.DictElement):
                            keywords[key] = element.value
                found.append(Invocation(node, target, args, keywords))
        return found

    def dispatch(self, node: cst.Call) -> Optional[catalog.Dispatch]:
        func = self.evaluate(node.func)
        if isinstance(func, Ref):
            return catalog.DISPATCHES.get(func.qualname)
        if isinstance(func, Member) and isinstance(func.receiver, Inst):
            found = catalog.DISPATCHES.get(f"{func.receiver.cls}.{func.name}")
            if found is not None:
                return found
        if isinstance(node.func, cst.Attribute) and not isinstance(func, Member):  # an untyped receiver
            return catalog.DISPATCH_METHODS.get(node.func.attr.value)
        return None

    def called(self, node: cst.Call) -> None:
        """A call met in the flow: what it gives the module's functions it calls."""
        for call in self.invocations(node):
            callee = self.evaluate(call.func)
            info, bound = self.function_of(callee), 0
            if info is None and isinstance(callee, Ref) and callee.qualname in self.program.classes:
                info, bound = self.program.functions.get(f"{callee.qualname}.__init__"), 1  # ``C(s)``
            elif isinstance(callee, Member) and info is not None and info.takes_receiver:
                bound = 1  # ``obj.method(s)``: ``self`` is the object
            if info is not None and info.socket_overload and call.args and isinstance(self.evaluate(call.args[0]), Sock):
                continue  # a singledispatch function given a socket: the one registered for sockets runs
            if info is not None:
                self.ev.give(info, self.arguments_of(info, call, bound), self.state.origin(f"{info.name}()", node))
            if isinstance(callee, Ref) and not self.state.summaries:
                self.serves(callee.qualname, call)

    def serves(self, server: str, call: Invocation) -> None:
        """A library server made with a function it calls with each connection's socket
        (``StreamServer(address, handle)``): the function's parameters get what it gives."""
        own = self.program.classes.get(server)
        direct = own.libraries() if own is not None else [server]
        for cls in [found for each in direct if each in catalog.LIBRARY_CLASSES for found in catalog.library_classes(each)]:
            if cls in catalog.CALLBACKS:
                (position, keyword), kinds = catalog.CALLBACKS[cls]
                target = self.evaluate(call.argument(position, keyword))
                info = self.function_of(target)
                if info is not None:
                    names = info.positional()[1 if isinstance(target, Member) and info.takes_receiver else 0 :]
                    origin = self.state.origin(f"{cls.rsplit('.', 1)[-1]}() connection", call.node)
                    self.ev.give(info, {n: self.made(kind, origin) for n, kind in zip(names, kinds) if kind}, None)
                return

    def library_calls(self, cls: ClassInfo) -> None:
        """The methods a library calls, of a class deriving from its class: their parameters
        get what the library gives them (``handle_stream(self, stream, address)``)."""
        libraries = [found for each in cls.libraries() if each in catalog.LIBRARY_CLASSES for found in catalog.library_classes(each)]
        for method in cls.methods:
            for library in libraries:  # (the catalog's: a project's class calls nothing back)
                kinds = catalog.CALLBACK_METHODS.get(f"{library}.{method.node.name.value}")
                if kinds is not None:
                    origin = self.state.origin(f"{library.rsplit('.', 1)[-1]}.{method.node.name.value}() argument", method.node)
                    names = method.positional()[1:]
                    for name, kind in zip(names, kinds):
                        value = self.made(kind, origin)
                        if value is not None and not is_evidence(method.given.get(name)):
                            method.given[name] = value
                    break

    def made(self, kind: Optional[str], origin: Origin) -> Value:
        """A value of a kind the catalog names: a socket, or an instance of a class."""
        if kind is None:
            return None
        return Sock(origin) if kind == catalog.SOCKET else Inst(kind)

    def arguments_of(self, info: FuncInfo, call: Invocation, bound: int) -> dict[str, Value]:
        """What a call gives each parameter of ``info``, by position (after the ``bound``
        ones the receiver takes) or by keyword; extra positions go to ``*args``."""
        names = info.positional()[bound:]
        params = info.node.params
        values: dict[str, Value] = {}
        extra: list[Value] = []
        for index, expression in enumerate(call.args):
            if index < len(names):
                values[names[index]] = self.evaluate(expression)
            else:
                extra.append(self.evaluate(expression))
        if extra and isinstance(params.star_arg, cst.Param) and not call.starred:  # ``*args``: the rest, a tuple
            values[params.star_arg.name.value] = Tup(tuple(extra))
        for keyword, expression in call.keywords.items():
            values[keyword] = self.evaluate(expression)
        return values

    def function_of(self, callee: Value) -> Optional[FuncInfo]:
        if isinstance(callee, Ref):
            return self.program.functions.get(callee.qualname)
        if isinstance(callee, Member) and isinstance(callee.receiver, Inst):
            return self.program.method(callee.receiver.cls, callee.name)
        return None

    def sinks_of(self, callee: Value, evidence: Callable[[], bool] = lambda: True) -> list[catalog.Sink]:
        """The sinks a call of ``callee`` is: the catalog's (or the project's configured), a
        function of another of the project's modules whose parameters reach one, and, while
        a function is summarised, the module's own functions whose parameters do."""
        if isinstance(callee, Ref):
            known = self.ev.sinks.get(callee.qualname)
            if known is not None:
                return [known]
            if self.state.summaries and callee.qualname in self.program.functions:
                return self.summary_sinks(self.program.functions[callee.qualname], 0) if evidence() else []
            return self.ev.linked.sinks(callee.qualname, 0) if self.ev.linked.project and evidence() else []
        if isinstance(callee, Member) and isinstance(callee.receiver, Inst):
            cls = callee.receiver.cls
            known = self.ev.sinks.get(f"{cls}.{callee.name}")
            if known is not None:
                return [known]
            method = self.program.method(cls, callee.name)
            if method is not None:
                return self.summary_sinks(method, 1 if method.takes_receiver else 0) if self.state.summaries and evidence() else []
            if self.ev.linked.project and evidence():
                for owner in self.program.library_classes(cls):
                    found = self.ev.linked.sinks(f"{owner}.{callee.name}", 1)
                    if found:
                        return found
        return []

    def summary_sinks(self, info: FuncInfo, bound: int) -> list[catalog.Sink]:
        """The parameters of the module's function that reach a sink, as sinks of a call of it."""
        names = info.positional()
        made = []
        for each in self.ev.summarise(info).sinks:
            if info.socket_overload and each.index == info.dispatched and not each.is_handle:
                continue  # a socket there goes to the function registered for sockets
            position = each.index - bound
            if 0 <= position and each.index < len(names):
                sink = each.sink
                made.append(
                    catalog.Sink(
                        info.key, sink.code, position, (names[each.index],), sink.use,
                        takes_socket=sink.takes_socket or not each.is_handle, posix_ok=sink.posix_ok,
                        takes_handle=each.is_handle, via=each.target,
                    )
                )  # fmt: skip
        return made
