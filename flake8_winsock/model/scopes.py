"""Running a module: its body, then its functions and classes, and summaries on demand.

The module body runs first. Function bodies then run with the module's final frame
as their globals; the methods of a class run together, as often as it takes for
what they store on ``self`` to settle (at most ``MAX_ROUNDS``): what the rules
reported in a round that did not settle is taken back. A call of a module function
asks for its ``Summary``, made by running its body once with its parameters as
``Param`` values.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from .. import catalog
from .flow import Statements
from .frames import Env
from .program import ClassInfo, ClassRun, FuncInfo, FunctionRun, Summary
from .state import State, Summarising
from .syntax import dotted
from .values import NONE, POSIX, Handle, Inst, Many, Param, Sock, Tup, Value, join

MAX_ROUNDS = 4


class Runner:
    def __init__(self, statements: Statements) -> None:
        self.statements = statements
        self.state: State = statements.state
        self.program = statements.program
        self.evaluator = statements.evaluator
        self.evaluator.summarise = self.summarise

    def run_module(self, module: cst.Module) -> None:
        state = self.state
        for state.top, statement in enumerate(module.body):
            state.env_at_module_level = state.env
            self.statements.run_block([statement])
            if _imports_posix_module(statement):  # the module cannot be imported on Windows
                state.env.bind(POSIX, True)
        state.module_env = state.env
        state.module_env.dead = False
        queue = self.program.queue
        while queue:
            work = queue.pop(0)
            state.top = work.top
            parent = work.parent or state.module_env
            if isinstance(work, FunctionRun):
                self.run_function(work.node, parent, None, work.posix)
            else:
                self.run_class(work, parent)

    def summarise(self, info: FuncInfo) -> Summary:
        """What a call of the function returns, and which parameters reach a sink."""
        if info.summary is not None:
            return info.summary
        if info.running:
            return Summary()  # recursion: what is known so far is nothing
        state = self.state
        info.running = True
        params = info.node.params
        summarising = Summarising([p.name.value for p in [*params.posonly_params, *params.params]])
        state.summaries.append(summarising)
        saved_top, state.top = state.top, info.top
        try:
            self.run_function(info.node, info.parent or state.module_frame(), info.owner, info.posix)
        finally:
            state.summaries.pop()
            state.top, info.running = saved_top, False
        returned: Value = NONE
        for value in summarising.returns:
            returned = join(returned, value)
        info.summary = Summary(None if returned is NONE else returned, summarising.flows)
        return info.summary

    def run_function(self, node: cst.FunctionDef, parent: Env, owner: Optional[ClassInfo], posix: bool) -> None:
        state = self.state
        saved = (state.env, state.current_class, state.self_name, state.loop_exits, state.in_function, state.in_class_body)
        state.env, state.in_class_body = Env(parent=parent), False
        if posix:
            state.env.bind(POSIX, True)
        state.current_class, state.self_name, state.loop_exits, state.in_function = owner, None, [], True
        is_static = any(dotted(d.decorator) in ("staticmethod", "classmethod") for d in node.decorators)
        params = node.params
        for i, param in enumerate([*params.posonly_params, *params.params, *params.kwonly_params]):
            name = param.name.value
            value: Value
            if i == 0 and owner is not None and not is_static:
                state.self_name = name
                value = Sock(state.origin(f"{owner.name} instance", param)) if owner.is_socket else Inst(owner.key)
            else:
                annotation = param.annotation
                value = self.evaluator.annotated(annotation.annotation, f"parameter '{name}'", param) if annotation else None
                if value is None and state.summaries:
                    value = Param(i, False)
            state.env.bind(name, value)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                state.env.bind(star.name.value, None)
        self.statements.run_body(node.body)
        state.env, state.current_class, state.self_name, state.loop_exits, state.in_function, state.in_class_body = saved

    def run_class(self, work: ClassRun, parent: Env) -> None:
        """Run the methods together until what they store on ``self`` settles."""
        state, info = self.state, work.info
        info.attrs = dict(info.declared)
        for _ in range(MAX_ROUNDS):
            mark = (len(state.reports), len(self.program.queue), len(state.too_deep))
            info.stored = {}
            for method, method_posix in info.methods:
                self.run_function(method, parent, info, work.posix or method_posix)
            settled = {**info.stored, **info.declared}
            if _evidence(settled) == _evidence(info.attrs):
                return
            del state.reports[mark[0] :], self.program.queue[mark[1] :], state.too_deep[mark[2] :]
            info.attrs = settled
        for method, method_posix in info.methods:  # not settled: run once more with the last facts
            self.run_function(method, parent, info, work.posix or method_posix)


def _imports_posix_module(statement: cst.CSTNode) -> bool:
    """``import pty``, ``from termios import ...``: a module that does not exist on Windows."""
    for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
        if isinstance(small, cst.Import):
            names = [dotted(alias.name) for alias in small.names]
        elif isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
            names = [dotted(small.module)]
        else:
            continue
        if any(name and name.split(".")[0] in catalog.POSIX_MODULES for name in names):
            return True
    return False


def _evidence(attrs: dict[str, Value]) -> dict[str, type]:
    """What of a class's attribute facts can lead to a finding, for comparing rounds."""
    return {k: type(v) for k, v in attrs.items() if isinstance(v, (Sock, Handle, Tup, Many))}
