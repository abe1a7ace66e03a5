"""The module's own decorators, judged by what their wrapper does.

A decorator of the module (``def posix_only(func): ... return wrapper``) makes the
function it decorates POSIX-only when every way that function can run through it runs
on POSIX only: the decorator returns only functions it defines, and each call of the
decorated function there (or each call it is handed to) comes after the wrapper has
refused Windows (``if os.name == "nt": raise ...``), in whatever form the flow reads.
A decorator made by a call of the module's function (``@posix_only("reason")``) is
judged the same way, as what that function returns. The decorator runs as a summary
does (nothing it meets is reported), with the decorated function a value of its own.
"""

from __future__ import annotations

import libcst as cst

from .frames import Env
from .program import FuncInfo
from .scopes import Runner
from .state import Judging
from .values import Ref, Value

MAX_DEPTH = 2  # a decorator, or a function that makes one


class Decorators:
    def __init__(self, runner: Runner) -> None:
        self.runner, self.state, self.program = runner, runner.state, runner.program
        self.evaluate = runner.evaluator.value_of
        self.judged: dict[tuple[int, bool], bool] = {}

    def posix_only(self, expression: cst.BaseExpression) -> bool:
        """Whether the decorator ``expression`` lets what it decorates run on POSIX only."""
        made = isinstance(expression, cst.Call)
        callee = self.evaluate(expression.func if isinstance(expression, cst.Call) else expression)
        if not isinstance(callee, Ref) or callee.qualname not in self.program.functions:
            return False
        info = self.program.functions[callee.qualname]
        if info.owner is not None:
            return False  # a method: its first parameter is its object
        parent = info.parent or self.state.module_frame()
        return self.judge(info.node, parent, info.posix, made, info.top)

    def judge(self, node: cst.FunctionDef, parent: Env, posix: bool, factory: bool, top: int, depth: int = 0) -> bool:
        key = (id(node), factory)
        if key not in self.judged:
            self.judged[key] = False  # (a decorator that decorates itself: not POSIX-only)
            self.judged[key] = depth < MAX_DEPTH and self.judgement(node, parent, posix, factory, top, depth)
        return self.judged[key]

    def judgement(self, node: cst.FunctionDef, parent: Env, posix: bool, factory: bool, top: int, depth: int) -> bool:
        if factory:  # what it returns is the decorator
            made = self.run(node, parent, posix, top, None, {})
            wrappers = self.wrappers(made)
            return bool(wrappers) and all(self.judge(*wrapper, False, top, depth + 1) for wrapper in wrappers)
        params = [*node.params.posonly_params, *node.params.params]
        if not params:
            return False
        watched = Ref(f"<decorated by {id(node)}>")
        decorator = self.run(node, parent, posix, top, watched, {params[0].name.value: watched})
        wrappers = self.wrappers(decorator)
        calls = [*decorator.calls, *(ran for wrapper in wrappers for ran in self.run(*wrapper, top, watched, {}).calls)]
        return bool(wrappers) and bool(calls) and all(calls)

    def wrappers(self, run: Judging) -> list[tuple[cst.FunctionDef, Env, bool]]:
        """The functions a run returns, if it returns nothing else (none if it may)."""
        found = [run.defined.get(value.qualname) if isinstance(value, Ref) else None for value in run.returns]
        return [wrapper for wrapper in found if wrapper is not None] if found and None not in found else []

    def run(self, node: cst.FunctionDef, parent: Env, posix: bool, top: int, watched: Value, bound: dict[str, Value]) -> Judging:
        """Run ``node`` as a summary, its parameters holding ``bound`` (else nothing known)."""
        state = self.state
        judging = Judging(watched=watched)
        info = FuncInfo(f"<judged {id(node)}>", node, node.name.value, parent, None, posix, top)
        state.summaries.append(judging)
        try:
            self.runner.run_function(info, parent, posix, bound=bound)
        finally:
            state.summaries.pop()
        return judging

