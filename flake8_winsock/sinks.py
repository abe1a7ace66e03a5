"""The rule: where a finding is made.

A call of one of the catalog's sinks whose handle argument the model says is a
socket's handle (or, for sinks that take one, the socket itself) is a finding; so is
a call of a module function that passes such an argument on to a sink (the model's
summary of that function says which parameters reach which sink). Nothing else in
the package makes a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

import libcst as cst

from . import catalog
from .model import Model
from .model.program import Flow
from .model.syntax import argument, dotted
from .model.values import Handle, Member, Origin, Param, Sock
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
    via: tuple[Origin, ...] = ()  # the module's own functions it passed through, down to the sink


HANDLE, SOCKET = "handle", "socket"  # what a sink wants: the handle, or the socket whose handle it takes


class SinkCalls:
    """Listens to the model's calls; ``findings()`` once the model has run."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.sink_names = frozenset(sink.name for sink in model.knowledge.sinks.values())

    def on_call(self, node: cst.Call) -> None:
        model, func = self.model, node.func
        if isinstance(func, cst.Attribute):
            name = identifier(func.attr.value)
            if name not in self.sink_names and not model.is_method(name):
                return
        elif not isinstance(func, cst.Name):
            return
        callee = model.value(func)
        sink = model.sink(callee)
        if sink is not None:
            if sink.posix_ok and model.posix_only():
                return
            passed: list[tuple[Optional[cst.BaseExpression], Optional[str]]] = []
            if sink.position is not None:
                passed.append((argument(node, sink.position), None))
            passed += [(arg.value, arg.keyword.value) for arg in node.args if arg.keyword and arg.keyword.value in sink.keywords]
            target = model.origin(sink.qualname, node)
            for expression, keyword in passed:
                if self.check(node, sink, expression, keyword, HANDLE, (target,)):
                    return
            return
        info = model.function(callee)
        if info is None:
            return
        shift = 1 if isinstance(callee, Member) and info.owner is not None else 0
        hop = model.origin(f"{info.name}()", node)
        for flow in model.summary(info).flows:
            if flow.sink.posix_ok and model.posix_only():
                continue
            expression = argument(node, flow.index - shift, flow.param)
            if self.check(node, flow.sink, expression, None, flow.wants, (hop, *flow.chain)):
                return

    def check(
        self,
        node: cst.Call,
        sink: catalog.Sink,
        expression: Optional[cst.BaseExpression],
        keyword: Optional[str],
        wants: str,
        chain: tuple[Origin, ...],
    ) -> bool:
        """Report, or while a function is summarised note a parameter's flow, if ``expression`` is the bug."""
        model = self.model
        value = model.value(expression)
        summarising = model.summarising()
        if summarising is not None:
            if isinstance(value, Param) and (wants == HANDLE or not value.handle):
                names = summarising.params
                param = names[value.index] if value.index < len(names) else ""
                summarising.flows.append(Flow(value.index, param, SOCKET if value.handle else wants, sink, chain))
            return False
        name: Optional[str]
        if isinstance(value, Handle) and wants == HANDLE:
            name = value.name
        elif isinstance(value, Sock) and (sink.takes_socket or wants == SOCKET):
            name = dotted(expression) if expression is not None else None
        else:
            return False
        model.report(RawFinding(node, sink, value, name, keyword, model.state.top, chain if len(chain) > 1 else ()))
        return True

    def findings(self) -> list[RawFinding]:
        """What was reported, but for elements of containers that were spoiled after their use."""
        return [f for f in self.model.reports if isinstance(f, RawFinding) and not self.model.spoiled(f.value)]
