"""The rule: where a finding is made.

A call of one of the catalog's sinks whose handle argument the model says is a
socket's handle (or, for sinks that take one, the socket itself) is a finding; so is a
call that hands a sink such arguments to call (``functools.partial(os.write, fd)``,
``Thread(target=os.write, args=(fd, data))``). A socket given to one of the module's
own functions reaches its sinks there: the model runs the function with what its
callers give it, and the finding is made at the sink. Nothing else in the package
makes a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

import libcst as cst

from . import catalog
from .model import Model
from .model.syntax import Invocation, dotted
from .model.program import ParamSink
from .model.values import Handle, Param, Sock, Tup, Value, posix_family
from .vocabulary import identifier


@dataclass
class RawFinding:
    """A sink call given a socket handle; positions are placed later."""

    node: cst.Call
    sink: catalog.Sink
    value: Union[Handle, Sock]  # what was passed: a socket's handle, or the socket itself
    name: Optional[str]  # how the code names the socket
    keyword: Optional[str]  # the keyword it was passed as
    top: int  # the module-level statement that holds it


class SinkCalls:
    """Listens to the model's calls; ``findings()`` once the model has run."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.sink_names = frozenset(sink.name for sink in model.knowledge.sinks.values())
        self.dispatch_names = frozenset(q.rsplit(".", 1)[-1] for q in catalog.DISPATCHES) | set(catalog.DISPATCH_METHODS)

    def on_call(self, node: cst.Call) -> None:
        model, func = self.model, node.func
        if isinstance(func, cst.Attribute):
            name = identifier(func.attr.value)
            if name not in self.sink_names and name not in self.dispatch_names and name not in model.program.library_attributes and not self.may_be_linked(func):
                return
        elif not isinstance(func, (cst.Name, cst.Subscript)):  # (``BACKEND["write"](h, ...)``: a function kept in a dict)
            return
        for call in model.invocations(node):
            if self.check(call):
                return

    def may_be_linked(self, func: cst.Attribute) -> bool:
        """Whether an attribute call may call a function that reaches a sink: one of another
        of the project's modules (``compat.write_all``, ``self.transport.raw_write``), or,
        while a function is summarised, a method of the module's own."""
        model = self.model
        if model.summarising() is not None:
            return func.attr.value in model.program.method_names or bool(model.project_names())
        return bool(model.project_names())

    def check(self, call: Invocation) -> bool:
        """Report if ``call`` calls a sink with a socket's handle (or a socket it takes); while
        a function is summarised, note which of its parameters reach the sink instead."""
        model = self.model
        summarising = model.summarising()
        for sink in model.sinks(model.value(call.func), lambda: self.given_evidence(call)):
            if sink.posix_ok and model.posix_only():
                continue
            for expression, keyword, value in self.passed(call, sink):
                if summarising is not None:
                    if isinstance(value, Param) and not value.made and not value.element:
                        # ``p.fileno()`` where a handle goes: ``p`` is a socket; ``p`` itself: its handle,
                        # or (a sink that takes the socket too) a socket.
                        kinds = [False] if value.handle and sink.takes_handle else []
                        if not value.handle:
                            kinds = [True] * sink.takes_handle + [False] * sink.takes_socket
                        for is_handle in kinds:
                            target = sink.via or sink.qualname
                            summarising.sinks.append(ParamSink(value.index, is_handle, sink, target, call.node, model.state.top))
                    continue  # a summary stands for any call: findings are made where the function runs
                name: Optional[str]
                if isinstance(value, Handle) and sink.takes_handle:
                    name = value.name
                elif isinstance(value, Sock) and sink.takes_socket:
                    name = dotted(expression) if expression is not None else None
                else:
                    continue
                if sink.posix_ok and posix_family(value):
                    continue  # an ``AF_UNIX`` socket: the code that holds it runs on POSIX only
                model.report(RawFinding(call.node, sink, value, name, keyword, model.state.top))
                return True
        return False

    def given_evidence(self, call: Invocation) -> bool:
        """Whether the call is given a socket, a handle, or (while a function is summarised) a
        parameter: what a function that reaches a sink must be given to matter."""
        wanted = (Sock, Handle, Param) if self.model.summarising() is not None else (Sock, Handle)
        given = [self.model.value(e) for e in (*call.args, *call.keywords.values())]
        packed = self.model.value(call.star) if call.star is not None else None
        given += packed.items if isinstance(packed, Tup) else []
        for spread in call.spread:  # ``**opts``: only the entries ``passed`` can tell
            given += (self.model.keywords(self.model.value(spread)) or {}).values()
        return any(isinstance(value, wanted) for value in given)

    def starred(self, call: Invocation, position: int) -> Value:
        """What a call's ``*args`` passes at ``position`` (a tuple's item, if it is one)."""
        packed = self.model.value(call.star) if call.star is not None else None
        index = position - len(call.args)
        return packed.items[index] if isinstance(packed, Tup) and 0 <= index < len(packed.items) else None

    def passed(self, call: Invocation, sink: catalog.Sink) -> list[tuple[Optional[cst.BaseExpression], Optional[str], Value]]:
        """What the call passes where ``sink`` takes a handle: by position, keyword, ``**opts``."""
        model = self.model
        passed: list[tuple[Optional[cst.BaseExpression], Optional[str], Value]] = []
        if sink.position is not None:
            expression = call.argument(sink.position)
            if expression is None and call.star is not None:  # ``os.write(*args)``: the tuple's item
                passed.append((call.star, None, self.starred(call, sink.position)))
            elif expression is not None or not sink.keywords:
                passed.append((expression, None, model.value(expression)))
        for word, expression in call.keywords.items():
            if word in sink.keywords:
                passed.append((expression, word, model.value(expression)))
        for spread in call.spread:  # ``**opts``: a dictionary of the module's, its entries by key
            entries = model.keywords(model.value(spread)) or {}
            passed += [(None, word, entries[word]) for word in sink.keywords if word in entries]
        return passed

    def findings(self) -> list[RawFinding]:
        """What was reported, once each, but for elements of containers spoiled after their use."""
        found: dict[tuple[int, str], RawFinding] = {}
        for finding in self.model.reports:
            if isinstance(finding, RawFinding) and not self.model.spoiled(finding.value):
                found.setdefault((id(finding.node), finding.sink.code), finding)
        return list(found.values())
